/**
 * Starts the import worker (import-worker.ts) from its own bundled file, spelled out so Vite emits
 * it as its own chunk. The single-file build swaps in start-import-worker-inline.ts
 * (scripts/single-file-plugins.ts), as it does for the socket worker. Null where none can start.
 */
export function startImportWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'capture-import' });
  } catch {
    return null;
  }
}
