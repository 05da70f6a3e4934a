import type { ImportCommand } from '../lib/capture-import/import-messages';
import { runImport } from '../lib/capture-import/import-runner';
import type { RunImportOptions } from '../lib/capture-import/import-runner';
import { ImportClassifier } from './import-classifier';
import type { ClassifiedImportNotice } from './import-messages';
import { startImportWorker } from './start-import-worker';

export interface CaptureImportHandle {
  /** Stops reading at the next slice; a `cancelled` notice follows, and nothing else. */
  cancel(): void;
}

export interface StartCaptureImportOptions extends RunImportOptions {
  /** Starts the worker; a factory returning null reads and classifies on this thread (tests, no Worker). */
  createWorker?: () => Worker | null;
}

/**
 * Imports a File or Blob, classified and packed in the import worker (import-worker.ts). As with the
 * socket (drp-socket.ts), a worker that fails before it said anything (its script could not load, a
 * CSP refused it: the single-file build has no worker file) falls back to this thread, where the
 * same runner awaits between 1 MB slices so the page still renders; one that fails later ends the
 * import with `failed`. After `done`, `cancelled` or `failed` nothing more is delivered.
 */
export function startCaptureImport(
  file: Blob,
  onNotice: (notice: ClassifiedImportNotice) => void,
  options: StartCaptureImportOptions = {},
): CaptureImportHandle {
  let finished = false;
  let cancelled = false;
  let stopWorker = (): void => undefined;
  const deliver = (notice: ClassifiedImportNotice): void => {
    if (finished) return;
    if (notice.type === 'done' || notice.type === 'cancelled' || notice.type === 'failed') {
      finished = true;
      stopWorker();
    }
    onNotice(notice);
  };
  const runHere = (): void => {
    const classifier = new ImportClassifier();
    void runImport(
      file,
      (notice) => deliver(classifier.classify(notice).notice),
      () => cancelled,
      options,
    );
  };

  const worker = (options.createWorker ?? startImportWorker)();
  if (!worker) runHere();
  else {
    let heard = false;
    stopWorker = () => worker.terminate();
    worker.onmessage = (event: MessageEvent<ClassifiedImportNotice>) => {
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
      worker?.postMessage(command);
    },
  };
}
