/**
 * The import worker: reads a dropped or chosen file (lib/capture-import's streaming parsers) and
 * classifies its events here, off the main thread, so the page neither parses a 200 MB capture nor
 * diffs its versions; batches go to the store as transferred byte buffers (import-classifier.ts).
 * It lives in connection/ because classification does (lib/ may not import connection/).
 */
import type { ImportCommand } from '../lib/capture-import/import-messages';
import { runImport } from '../lib/capture-import/import-runner';
import { ImportClassifier } from './import-classifier';
import type { ClassifiedImportNotice } from './import-messages';

/** The part of DedicatedWorkerGlobalScope used here (the app's TS config has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportCommand>) => void) | null;
  postMessage(notice: ClassifiedImportNotice, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const classifier = new ImportClassifier();
let cancelled = false;
let started = false;
scope.onmessage = (event) => {
  const command = event.data;
  if (command.type === 'cancel') {
    cancelled = true;
    return;
  }
  if (started) return;
  started = true;
  void runImport(
    command.file,
    (notice) => {
      const classified = classifier.classify(notice);
      scope.postMessage(classified.notice, classified.transfer);
    },
    () => cancelled,
  );
};
