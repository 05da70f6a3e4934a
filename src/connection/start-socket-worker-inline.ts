/**
 * The single-file build's socket worker: the page is one HTML file (DRP's file server hosts it at
 * `/files/...`), so there is no worker file next to it. Vite's `?worker&inline` puts the worker's
 * bundle into the page's script and starts it from a `blob:` URL, which that build's CSP allows
 * with `worker-src blob:` (scripts/single-file-plugins.ts). vite.config.ts puts this module in place
 * of start-socket-worker.ts for that build only; the normal build never includes it.
 */
import SocketWorker from './socket-worker?worker&inline';

export function startSocketWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new SocketWorker({ name: 'drp-socket' });
  } catch {
    return null;
  }
}
