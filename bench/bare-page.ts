/**
 * The bare reference page (the throughput ceiling every app figure is compared with): it only opens the socket, registers, JSON-parses each frame and
 * counts. Whatever rate it sustains is the ceiling for any browser client on this machine, so the
 * app is judged against it in the same run. Served from its own loopback origin so the page gets a
 * real navigation (init scripts, probes) like the app.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Plain JS on purpose: this is the whole client, and it must stay as cheap as a client can be.
// Acks (Type "websocket", docs/reference/drp-protocol.md §2.3) are parsed too but not counted as events.
const BARE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare reference client</title></head>
<body><p>bare reference client: <span id="count">0</span> events</p>
<script>
window.bareConnect = (url, spec) => new Promise((resolve, reject) => {
  const ws = new WebSocket(url);
  let count = 0;
  ws.onopen = () => ws.send('register ' + spec);
  ws.onerror = () => reject(new Error('websocket error'));
  ws.onclose = (e) => reject(new Error('closed ' + e.code));
  ws.onmessage = (e) => {
    const event = JSON.parse(e.data);
    if (event.Type === 'websocket') { if (event.Action === 'register') resolve(); return; }
    count++;
    window.__bench.setCount(count);
  };
});
</script></body></html>`;

// The worker ceiling: the same client with the socket in a dedicated worker, as the app reads it.
// The worker only parses and counts; it tells the page the count at most every 16 ms (one message
// per event would cost the page more than the app's batches do).
const WORKER_JS = `
let count = 0, timer = 0;
const report = () => { timer = 0; postMessage({ count }); };
onmessage = (m) => {
  const ws = new WebSocket(m.data.url);
  ws.onopen = () => ws.send('register ' + m.data.spec);
  ws.onerror = () => postMessage({ error: 'websocket error' });
  ws.onclose = (e) => postMessage({ error: 'closed ' + e.code });
  ws.onmessage = (e) => {
    const event = JSON.parse(e.data);
    if (event.Type === 'websocket') { if (event.Action === 'register') postMessage({ registered: true }); return; }
    count++;
    if (!timer) timer = setTimeout(report, 16);
  };
};`;

const WORKER_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>bare worker reference client</title></head>
<body><p>bare worker reference client: <span id="count">0</span> events</p>
<script>
window.bareConnect = (url, spec) => new Promise((resolve, reject) => {
  const worker = new Worker('/worker.js');
  worker.onerror = (e) => reject(new Error('worker failed: ' + e.message));
  worker.onmessage = (m) => {
    if (m.data.registered) resolve();
    else if (m.data.error) reject(new Error(m.data.error));
    else window.__bench.setCount(m.data.count);
  };
  worker.postMessage({ url, spec });
});
</script></body></html>`;

export interface BarePageServer {
  /** The main-thread bare page. */
  url: string;
  /** The same client reading its socket in a worker. */
  workerUrl: string;
  close(): Promise<void>;
}

export async function startBarePageServer(): Promise<BarePageServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const [type, body] =
      path === '/worker.js'
        ? ['text/javascript', WORKER_JS]
        : path === '/worker/'
          ? ['text/html; charset=utf-8', WORKER_HTML]
          : ['text/html; charset=utf-8', BARE_HTML];
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    workerUrl: `http://127.0.0.1:${port}/worker/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
