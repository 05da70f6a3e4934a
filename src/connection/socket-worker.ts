/**
 * The socket worker: a dedicated module worker that owns the event WebSocket for one connection
 * attempt (drp-socket.ts starts it). A page busy rendering a burst stops reading its own sockets;
 * this thread keeps reading, so the server's 256-message buffer does not fill and drop events
 * (docs/reference/drp-protocol.md §7.4). It classifies frames (received-frame.ts) and posts them in batches.
 */
import { FrameRelay } from './frame-relay';
import type { SocketCommand, SocketNotice } from './socket-messages';

/** The part of DedicatedWorkerGlobalScope used here (the app's TS config has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SocketCommand>) => void) | null;
  postMessage(notice: SocketNotice, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const relay = new FrameRelay((notice, transfer) => scope.postMessage(notice, transfer), {
  createWebSocket: (url) => new WebSocket(url),
});
scope.onmessage = (event) => relay.handle(event.data);
