import type { CaptureMarker, ImportSummary } from '../lib/capture-import/import-types';
import type { IngestFrame } from './frame-text';

/**
 * What the classifying import worker (import-worker.ts) reports: lib/capture-import's notices, with
 * each batch's event texts already classified (received-frame.ts) and packed into one transferable
 * buffer (frame-text.ts), exactly as the socket worker hands live frames to the store.
 */
export type ClassifiedImportNotice =
  | { type: 'progress'; bytesRead: number; totalBytes: number }
  | {
      type: 'frames';
      /** Events only, in file order: the import's events `firstEvent`, `firstEvent + 1`, ... */
      frames: IngestFrame[];
      firstEvent: number;
      /** Markers of the same stretch; `atEvent` counts the import's events before each. */
      markers: { marker: CaptureMarker; atEvent: number }[];
    }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };
