import type { CaptureMarker, ImportSummary } from './import-types';

/** What the import worker is told (by connection/start-capture-import.ts). */
export type ImportCommand = { type: 'start'; file: Blob } | { type: 'cancel' };

export interface ImportBatch {
  /** Event texts in file order, each ready for `receiveTextFrame`. */
  events: string[];
  /** Markers in the same stretch; `atEvent` counts the import's events before each. */
  markers: { marker: CaptureMarker; atEvent: number }[];
}

/** What the import worker (or the main-thread fallback) reports, in this order. */
export type ImportNotice =
  | { type: 'progress'; bytesRead: number; totalBytes: number }
  | ({ type: 'batch' } & ImportBatch)
  | { type: 'done'; summary: ImportSummary }
  | { type: 'cancelled' }
  /** The file could not be read (a removed file, a permission error): nothing after this. */
  | { type: 'failed'; message: string };
