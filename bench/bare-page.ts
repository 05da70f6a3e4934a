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

export interface BarePageServer {
  url: string;
  close(): Promise<void>;
}

export async function startBarePageServer(): Promise<BarePageServer> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(BARE_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
