/**
 * The single-file build's import worker: inlined and started from a `blob:` URL (that build's CSP
 * has `worker-src blob:`), since no worker file sits next to the one HTML file.
 */
import ImportWorker from './import-worker?worker&inline';

export function startImportWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new ImportWorker({ name: 'capture-import' });
  } catch {
    return null;
  }
}
