/**
 * The DRP event stream as the store sees it: open, batches of classified frames, close. It knows
 * nothing about React or the store: everything goes out through callbacks.
 *
 * The WebSocket itself lives in a dedicated worker (socket-worker.ts) whenever the browser can start
 * one. Chromium reads a page's sockets on the page's main thread: while that thread renders a burst
 * it stops reading, the server's 256-message buffer fills and further events are dropped silently
 * (docs/reference/drp-protocol.md §7.4). A worker keeps reading whatever the page does, and it parses each frame
 * too, so the main thread only appends pre-parsed batches. Without a Worker (jsdom, or a worker the
 * page's CSP or a broken deployment refuses) the same relay runs on the main thread and produces the
 * same batches, so there is one ingest path either way.
 *
 * One instance is one connection attempt; reconnecting (§7.3) is the session controller's job.
 */
import { FrameRelay } from './frame-relay';
import type { WebSocketFactory } from './frame-relay';
import type { IngestFrame } from './frame-text';
import type { CloseInfo, SocketCommand, SocketNotice } from './socket-messages';
import { startSocketWorker } from './start-socket-worker';

export interface DrpSocketHandlers {
  onOpen(): void;
  /** Frames in arrival order, already classified (received-frame.ts, frame-text.ts); never empty. */
  onFrames(frames: readonly IngestFrame[]): void;
  onClose(info: CloseInfo): void;
}

export interface DrpSocket {
  /** Sends one command per message (§2.1). Returns false when the socket is not open. */
  send(command: string): boolean;
  /** Closes with a normal-closure code; `onClose` still reports what the browser saw. */
  close(): void;
  readonly isOpen: boolean;
}

export interface DrpSocketOptions {
  /** Starts the socket worker; a factory returning null keeps the socket on this thread. */
  createWorker?: () => Worker | null;
  /** Main-thread fallback only (tests inject a double). */
  createWebSocket?: WebSocketFactory;
}

interface Transport {
  post(command: SocketCommand): void;
  stop(): void;
}

function mainThreadTransport(deliver: (notice: SocketNotice) => void, options: DrpSocketOptions): Transport {
  const relay = new FrameRelay(deliver, {
    createWebSocket: options.createWebSocket ?? ((url) => new WebSocket(url)),
  });
  return { post: (command) => relay.handle(command), stop: () => undefined };
}

/**
 * Commands go to the worker by `postMessage` (queued by the browser until the worker has loaded).
 * If the worker fails before it has said anything (its script could not load), the socket falls
 * back to this thread and the commands issued so far are replayed there; a worker that fails later
 * ends the connection like a network drop (1006), which the session controller recovers from.
 */
function workerTransport(worker: Worker, deliver: (notice: SocketNotice) => void, fallback: () => Transport): Transport {
  let heard = false;
  let replacement: Transport | null = null;
  const issued: SocketCommand[] = [];
  worker.onmessage = (event: MessageEvent<SocketNotice>) => {
    heard = true;
    issued.length = 0;
    deliver(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    if (replacement) return;
    if (heard) {
      deliver({ type: 'close', info: { code: 1006, reason: 'the socket worker failed', wasClean: false } });
      return;
    }
    replacement = fallback();
    for (const command of issued) replacement.post(command);
  };
  return {
    post(command) {
      if (replacement) {
        replacement.post(command);
        return;
      }
      if (!heard) issued.push(command);
      worker.postMessage(command);
    },
    stop: () => worker.terminate(),
  };
}

export function openDrpSocket(url: string, handlers: DrpSocketHandlers, options: DrpSocketOptions = {}): DrpSocket {
  let open = false;
  let closing = false;
  let closed = false;
  // Set once the transport exists; a close cannot be delivered before that (events are async).
  let stopTransport = (): void => undefined;

  const deliver = (notice: SocketNotice): void => {
    if (closed) return;
    switch (notice.type) {
      case 'open':
        // A close asked for while the handshake ran: the browser would not have fired onopen either.
        if (closing) return;
        open = true;
        handlers.onOpen();
        break;
      case 'frames':
        if (notice.frames.length > 0) handlers.onFrames(notice.frames);
        break;
      case 'close':
        open = false;
        closed = true;
        stopTransport();
        handlers.onClose(notice.info);
        break;
    }
  };

  const worker = (options.createWorker ?? startSocketWorker)();
  const transport = worker
    ? workerTransport(worker, deliver, () => mainThreadTransport(deliver, options))
    : mainThreadTransport(deliver, options);
  stopTransport = () => transport.stop();
  transport.post({ type: 'open', url });

  return {
    send(command) {
      if (!open || closing) return false;
      transport.post({ type: 'send', text: command });
      return true;
    },
    close() {
      if (closing || closed) return;
      closing = true;
      open = false;
      transport.post({ type: 'close' });
    },
    get isOpen() {
      return open && !closing;
    },
  };
}
