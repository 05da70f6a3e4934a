import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { ImportSummary } from '../lib/capture-import/import-types';
import type { CaptureMeta, StoredSubscription } from '../lib/capture-storage/capture-records';

/** An import or reopen while it runs: the progress bar. */
export interface ImportProgress {
  name: string;
  bytesRead: number;
  totalBytes: number;
  events: number;
}

/**
 * What the buffer holds since the last Import or reopen, and how that went: the summary shown
 * after it ends, and the capture's subscriptions (history, never re-sent).
 */
export interface OpenedCapture {
  name: string;
  kind: 'file' | 'stored';
  status: 'done' | 'cancelled' | 'failed';
  events: number;
  summary: ImportSummary | null;
  message: string;
  endpoint: string;
  user: string;
  subscriptions: StoredSubscription[];
  gaps: number;
}

/** An Import or reopen waiting for the user to agree to replace what is buffered. */
export interface PendingOpen {
  name: string;
  buffered: number;
  connected: boolean;
  /** Whether Record to disk is on, so the buffered events are also in a stored capture. */
  recorded: boolean;
}

export interface RecordingState {
  enabled: boolean;
  /** The capture being written, 0 when none (nothing arrived since it was switched on). */
  captureId: number;
  /** Acknowledged by the database: events and bytes on disk (compressed) and their raw size. */
  writtenEvents: number;
  storedBytes: number;
  rawBytes: number;
  /** Heard but not yet acknowledged. */
  pendingEvents: number;
  /** Why recording stopped (quota, a failed write); "" when fine. */
  error: string;
  /** Events the size cap deleted since the page loaded. */
  evicted: number;
}

export interface CaptureListState {
  captures: CaptureMeta[];
  /** navigator.storage.estimate(), null where unsupported. */
  usage: number | null;
  quota: number | null;
  /** The size cap for all captures together, bytes on disk. */
  capBytes: number;
}

export interface CaptureUiState {
  importing: ImportProgress | null;
  opened: OpenedCapture | null;
  pendingOpen: PendingOpen | null;
  recording: RecordingState;
  list: CaptureListState;
}

export type CaptureStateStore = StoreApi<CaptureUiState>;

export const DEFAULT_CAP_BYTES = 1024 ** 3;

export const IDLE_RECORDING: RecordingState = {
  enabled: false,
  captureId: 0,
  writtenEvents: 0,
  storedBytes: 0,
  rawBytes: 0,
  pendingEvents: 0,
  error: '',
  evicted: 0,
};

export function createCaptureState(capBytes = DEFAULT_CAP_BYTES): CaptureStateStore {
  return createStore<CaptureUiState>()(() => ({
    importing: null,
    opened: null,
    pendingOpen: null,
    recording: IDLE_RECORDING,
    list: { captures: [], usage: null, quota: null, capBytes },
  }));
}
