/**
 * A thin wrapper over the browser WebSocket for the DRP event stream. It knows nothing about
 * React or the store: everything goes out through callbacks.
 *
 * - No `protocols` argument: DRP negotiates no subprotocol and browsers fail the handshake when they
 *   ask for one the server does not echo (drp-protocol.md §1.6).
 * - `onmessage` only hands the raw string on; parsing happens later in batches (§7.4: a slow reader
 *   makes the server drop events silently).
 * - Binary frames are not part of the protocol (the server ignores them, §2.1); they are reported
 *   by size so the store can count them as malformed.
 * - Reconnect/backoff (§7.3) belongs in a later layer on top of this object; one instance is one
 *   connection attempt.
 */
export interface CloseInfo {
  code: number;
  reason: string;
  wasClean: boolean;
}

export interface DrpSocketHandlers {
  onOpen(): void;
  onFrame(text: string): void;
  onBinaryFrame(bytes: number): void;
  onClose(info: CloseInfo): void;
}

export interface DrpSocket {
  /** Sends one command per message (§2.1). Returns false when the socket is not open. */
  send(command: string): boolean;
  /** Closes with a normal-closure code; `onClose` still reports what the browser saw. */
  close(): void;
  readonly isOpen: boolean;
}

export type WebSocketFactory = (url: string) => WebSocket;

// WebSocket readyState values (the constants are not on every test double).
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

const defaultFactory: WebSocketFactory = (url) => new WebSocket(url);

export function openDrpSocket(
  url: string,
  handlers: DrpSocketHandlers,
  createWebSocket: WebSocketFactory = defaultFactory,
): DrpSocket {
  const socket = createWebSocket(url);
  // ArrayBuffer rather than Blob so a binary frame's size is known synchronously.
  socket.binaryType = 'arraybuffer';
  let closed = false;

  socket.onopen = () => handlers.onOpen();
  socket.onmessage = (message: MessageEvent) => {
    const data: unknown = message.data;
    if (typeof data === 'string') handlers.onFrame(data);
    else handlers.onBinaryFrame(data instanceof ArrayBuffer ? data.byteLength : 0);
  };
  // The error event carries no detail (a failed handshake's HTTP status is invisible, §1.3); the
  // close event that always follows reports code 1006.
  socket.onerror = () => undefined;
  socket.onclose = (event: CloseEvent) => {
    if (closed) return;
    closed = true;
    handlers.onClose({ code: event.code, reason: event.reason, wasClean: event.wasClean });
  };

  return {
    send(command) {
      if (socket.readyState !== OPEN) return false;
      socket.send(command);
      return true;
    },
    close() {
      if (socket.readyState === CLOSING || socket.readyState === CLOSED) return;
      socket.close(1000, 'closed by user');
    },
    get isOpen() {
      return socket.readyState === OPEN;
    },
  };
}
