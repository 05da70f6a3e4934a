import type { ImportBatch, ImportCommand, ImportNotice } from './import-messages';
import { runImport } from './import-runner';
import type { RunImportOptions } from './import-runner';
import type { ImportSummary } from './import-types';

export interface ImportHandlers {
  onProgress?(bytesRead: number, totalBytes: number): void;
  onBatch(batch: ImportBatch): void;
  onDone(summary: ImportSummary): void;
  onCancelled?(): void;
  onFailed?(message: string): void;
}

export interface StartImportOptions extends RunImportOptions {
  /** Starts the import worker; a factory returning null parses on this thread (tests, no Worker). */
  createWorker?: () => Worker | null;
}

export interface ImportHandle {
  /** Stops reading at the next slice; `onCancelled` follows, and nothing else. */
  cancel(): void;
}

/** Spelled out as in connection/drp-socket.ts so Vite bundles the worker as its own chunk. */
function startImportWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'capture-import' });
  } catch {
    return null;
  }
}

/**
 * Imports a File or Blob in a worker when the browser can start one (the pattern of
 * connection/drp-socket.ts: a worker that fails before it has said anything, because its script
 * could not load or a CSP refused it, falls back to this thread; one that fails later ends the
 * import with `onFailed`). On this thread the same runner reads slice by slice with an await
 * between slices, so the page still renders, only slower.
 */
export function startImport(file: Blob, handlers: ImportHandlers, options: StartImportOptions = {}): ImportHandle {
  let finished = false;
  let cancelled = false;
  let stopWorker = (): void => undefined;

  const deliver = (notice: ImportNotice): void => {
    if (finished) return;
    switch (notice.type) {
      case 'progress':
        handlers.onProgress?.(notice.bytesRead, notice.totalBytes);
        return;
      case 'batch':
        handlers.onBatch({ events: notice.events, markers: notice.markers });
        return;
      case 'done':
        finished = true;
        stopWorker();
        handlers.onDone(notice.summary);
        return;
      case 'cancelled':
        finished = true;
        stopWorker();
        handlers.onCancelled?.();
        return;
      case 'failed':
        finished = true;
        stopWorker();
        handlers.onFailed?.(notice.message);
    }
  };
  const runHere = (): void => {
    void runImport(file, deliver, () => cancelled, options);
  };

  const worker = (options.createWorker ?? startImportWorker)();
  if (!worker) runHere();
  else {
    let heard = false;
    stopWorker = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<ImportNotice>) => {
      heard = true;
      deliver(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      if (finished) return;
      if (heard) deliver({ type: 'failed', message: 'the import worker failed' });
      else {
        stopWorker = () => undefined;
        runHere();
      }
    };
    const start: ImportCommand = { type: 'start', file };
    worker.postMessage(start);
  }

  return {
    cancel() {
      if (finished || cancelled) return;
      cancelled = true;
      const command: ImportCommand = { type: 'cancel' };
      if (worker) worker.postMessage(command);
    },
  };
}
