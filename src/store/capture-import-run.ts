import type { IngestFrame } from '../connection/frame-text';
import { startCaptureImport } from '../connection/start-capture-import';
import type { CaptureImportHandle } from '../connection/start-capture-import';
import type { CaptureMarker, ImportSummary } from '../lib/capture-import/import-types';
import { addImportedGap } from './capture-gaps';
import type { Inspector } from './inspector-store';

export type ImportEnd =
  | { status: 'done'; summary: ImportSummary; events: number }
  | { status: 'cancelled'; events: number }
  | { status: 'failed'; message: string; events: number };

export interface ImportIntoStoreHandlers {
  onProgress(bytesRead: number, totalBytes: number, events: number): void;
  onMarker(marker: CaptureMarker): void;
  onEnd(end: ImportEnd): void;
}

/**
 * Reads a file into the store: the import worker classifies and packs the events (connection/
 * import-worker.ts), this thread only queues the packed frames on the store's ingest path, as
 * the socket's frames are. A gap marker becomes a gap row right after the events before it, so
 * the queue is flushed there first to learn the seq of the last one.
 */
export function importIntoStore(inspector: Inspector, file: Blob, handlers: ImportIntoStoreHandlers): CaptureImportHandle {
  const { store, events } = inspector;
  const actions = store.getState().actions;
  let lastSeq = events.seqRange().last;
  let imported = 0;
  const stopListening = events.onIngest((records) => {
    lastSeq = records[records.length - 1].seq;
  });
  const ingest = (frames: IngestFrame[]): void => {
    if (frames.length === 0) return;
    actions.ingestFrames(frames);
    imported += frames.length;
  };
  const finish = (end: ImportEnd): void => {
    actions.flush();
    stopListening();
    handlers.onEnd(end);
  };

  return startCaptureImport(file, (notice) => {
    switch (notice.type) {
      case 'progress':
        handlers.onProgress(notice.bytesRead, notice.totalBytes, imported);
        return;
      case 'frames': {
        let from = 0;
        for (const { marker, atEvent } of notice.markers) {
          handlers.onMarker(marker);
          if (marker.kind !== 'gap') continue;
          const cut = Math.min(notice.frames.length, Math.max(from, atEvent - notice.firstEvent));
          ingest(notice.frames.slice(from, cut));
          from = cut;
          actions.flush();
          addImportedGap(store, marker, lastSeq);
        }
        ingest(notice.frames.slice(from));
        return;
      }
      case 'done':
        finish({ status: 'done', summary: notice.summary, events: imported });
        return;
      case 'cancelled':
        finish({ status: 'cancelled', events: imported });
        return;
      case 'failed':
        finish({ status: 'failed', message: notice.message, events: imported });
    }
  });
}
