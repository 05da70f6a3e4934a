import type { StoreApi } from 'zustand/vanilla';
import type { IngestFrame } from '../connection/frame-text';
import type { DemoConfig } from '../connection/rest-client';
import type { ConnectionGap } from './connection-gaps';
import type { DiskChunkEntry } from './disk-index';
import type { EventRecord } from './event-record';
import type { ChunkLoader } from './disk-tier';
import type { RegisterOutcome, Subscription } from './subscription-registry';
import type { ViewState } from './view-state';

/**
 * `reconnecting`: the connection was lost without the user asking (anything but Disconnect) and
 * the session controller is waiting for, or running, an automatic attempt (docs/reference/drp-protocol.md §7.3).
 */
export type ConnectionStatus = 'idle' | 'checking' | 'connecting' | 'open' | 'reconnecting' | 'closed' | 'error';

/** The automatic reconnect in progress; present only while status is `reconnecting`. */
export interface ReconnectInfo {
  /** Attempts since the connection was lost (1 = the first retry). */
  attempt: number;
  /** Epoch ms of the next attempt; 0 while an attempt is running. */
  nextAttemptAt: number;
}

/** How the socket authenticates (docs/reference/drp-protocol.md §1.2); shown so the user knows what is in the URL. */
export type AuthMode = 'none' | 'token' | 'granted-token' | 'password-in-url';

export interface ConnectionState {
  status: ConnectionStatus;
  /** The endpoint as typed. */
  endpoint: string;
  httpBase: string;
  /** Socket URL without the credential query. */
  wsUrl: string;
  serverVersion: string;
  user: string;
  authMode: AuthMode;
  /** First 4 characters of the credential and an ellipsis; the full token never enters state. */
  tokenMask: string;
  closeCode?: number;
  closeReason?: string;
  wasClean?: boolean;
  /** Why the last attempt failed or closed, in words. */
  message?: string;
  /** Where to accept a self-signed certificate (docs/reference/drp-protocol.md §1.5), when that is the likely cause. */
  certificateUrl?: string;
  reconnect?: ReconnectInfo;
}

export interface Counters {
  /** Events (not acks, not malformed frames) ingested since the last Connect. */
  received: number;
  /** Events dropped from the ring to make room, or by a capacity decrease. */
  evicted: number;
  /** Frames that were not events: parse errors and binary frames. */
  malformed: number;
  acks: number;
  /** Events that arrived since Pause. */
  pendingWhilePaused: number;
  /** Events that matched no local subscription (docs/reference/drp-protocol.md §3.4 step 5). */
  unattributed: number;
  /** Automatic reconnects that got every subscription back (since the last Connect). */
  reconnects: number;
}

export interface FrameError {
  at: number;
  reason: string;
  preview: string;
  bytes: number;
}

export type ConnectRequest =
  { endpoint: string; auth: 'token'; token: string } | { endpoint: string; auth: 'password'; username: string; password: string };

export interface InspectorActions {
  /**
   * The socket's `onFrames`: queues frames already classified where they were received (the socket
   * worker); the next batched flush appends them without parsing again.
   */
  ingestFrames(frames: readonly IngestFrame[]): void;
  /** Classifies one text frame here and queues it (tests; the socket path delivers batches). */
  ingestFrame(text: string): void;
  /** Binary frames are not part of the protocol; they are counted as malformed. */
  ingestBinaryFrame(bytes: number): void;
  /** Runs the pending batch now (normally the scheduler does this once per animation frame). */
  flush(): void;
  pause(): void;
  resume(): void;
  clear(): void;
  /** Ignored unless an integer in [MIN_CAPACITY, MAX_CAPACITY]; drops the oldest events to fit. */
  setCapacity(capacity: number): void;
  /** Selects an event (0: none). A Compare base of another object is dropped with the old selection. */
  select(seq: number): void;
  /** Changes what is shown (mode, timeline filter, detail tab, Compare base, diff layout, ignored paths). */
  setView(patch: Partial<ViewState>): void;
  /** Recomputes `ratePerSecond`; the provider calls it once per second. */
  tickRate(now?: number): void;
  connect(request: ConnectRequest): Promise<void>;
  /** Connects wait until `until` settles (the capture reopened after a reload must come first). */
  holdConnects(until: Promise<unknown>): void;
  /** Closes the socket (or cancels a pending reconnect); never followed by an automatic reconnect. */
  disconnect(): void;
  /** While `reconnecting`: skips the rest of the backoff delay and tries now. */
  reconnectNow(): void;
  /** Validates, then sends `register spec` unless already pending/active (the outcome says so). */
  register(spec: string): RegisterOutcome;
  deregister(spec: string): void;
  /**
   * The deep window (disk-tier.ts): Record to disk starts writing a chunk of this timeline's
   * events (returns its provisional id; 0 when they were cleared away), the write is acknowledged
   * as a database row or failed, or the size cap deleted rows.
   */
  recordingChunk(entry: DiskChunkEntry, records: readonly EventRecord[]): number;
  recordedChunk(provisional: number, rowId: number): void;
  recordingChunkFailed(provisional: number): void;
  recordedChunksDeleted(rowIds: readonly number[]): void;
  /**
   * Reopens a capture from disk without reading its events: the ring is emptied, the capture's
   * chunks (`entries`, with seqs from `nextSeq()` on) become the timeline, and live events continue after them.
   * Returns the first seq given out (its events are seqs `first .. first + events - 1`).
   */
  openRecorded(load: ChunkLoader, chunks: (first: number) => readonly DiskChunkEntry[], events: number): number;
  /** Where recorded chunks are read from (the capture database). */
  setChunkLoader(load: ChunkLoader): void;
  /** `./demo.json` from `npm start`, or null. */
  loadDemoConfig(): Promise<DemoConfig | null>;
  /** Closes the socket and stops timers; the store is unusable afterwards. */
  dispose(): void;
}

export interface InspectorState {
  /** Bumped once per batched flush (and by clear/capacity changes); rows are read through getters. */
  revision: number;
  counters: Counters;
  ratePerSecond: number;
  capacity: number;
  /** Events currently in the ring. */
  buffered: number;
  paused: boolean;
  /** While paused the timeline shows seq <= pausedAtSeq; buffering continues. */
  pausedAtSeq: number;
  /** 0 = none. May point at an evicted record (getRecord then returns undefined). */
  selectedSeq: number;
  /** The last FRAME_ERROR_LIMIT malformed frames, oldest first. */
  frameErrors: readonly FrameError[];
  connection: ConnectionState;
  subscriptions: readonly Subscription[];
  /** Disconnected intervals, oldest first (at most GAP_LIMIT); dropped once the events before them leave the ring. */
  gaps: readonly ConnectionGap[];
  /** What the user is looking at (view-state.ts); mirrored in the page URL by the app. */
  view: ViewState;
  actions: InspectorActions;
}

export type InspectorStore = StoreApi<InspectorState>;

export const DEFAULT_CAPACITY = 50_000;
/** The store accepts any positive size; the UI suggests at least 100. */
export const MIN_CAPACITY = 1;
export const MAX_CAPACITY = 1_000_000;
export const FRAME_ERROR_LIMIT = 200;
/** How long to wait for an ack before marking a command failed (docs/reference/drp-protocol.md §2.3 suggests 5 s). */
export const ACK_TIMEOUT_MS = 5_000;
