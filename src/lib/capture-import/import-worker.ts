/**
 * The import worker: parses a dropped or chosen file off the main thread (start-import.ts starts
 * it), so a 200 MB capture costs the page no frames. One worker per import; it stops reading at
 * the next slice after a cancel and is then terminated by its client.
 */
import type { ImportCommand, ImportNotice } from './import-messages';
import { runImport } from './import-runner';

/** The part of DedicatedWorkerGlobalScope used here (the app's TS config has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ImportCommand>) => void) | null;
  postMessage(notice: ImportNotice): void;
}

const scope = self as unknown as WorkerScope;
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
    (notice) => scope.postMessage(notice),
    () => cancelled,
  );
};
