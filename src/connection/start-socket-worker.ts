/**
 * Starts the socket worker (socket-worker.ts) from its own bundled file. `new Worker(new URL(...),
 * { type: 'module' })` is spelled out so Vite emits the worker as its own chunk next to the page.
 *
 * The single-file build (`npm run build:single`) swaps this module for
 * start-socket-worker-inline.ts (vite.config.ts), which has no file to load it from.
 * Returns null where no worker can start; the socket then runs on the page's thread (drp-socket.ts).
 */
export function startSocketWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./socket-worker.ts', import.meta.url), { type: 'module', name: 'drp-socket' });
  } catch {
    return null;
  }
}
