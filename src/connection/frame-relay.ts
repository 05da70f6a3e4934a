import { packFrames } from './frame-text';
import { receiveBinaryFrame, receiveTextFrame } from './received-frame';
import type { SocketCommand, SocketNotice } from './socket-messages';
import { DeferredOriginalParser } from './deferred-original';
import { VersionTracker } from './version-tracker';

export type WebSocketFactory = (url: string) => WebSocket;

export interface FrameRelayOptions {
  createWebSocket: WebSocketFactory;
  /** How long the first frame of a batch may wait for company. */
  flushMs?: number;
  /** A batch is posted at once when it holds this many frames... */
  maxBatchFrames?: number;
  /** ...or this many characters of frame text (a few 1 MB machines should not wait). */
  maxBatchChars?: number;
}

/**
 * Defaults: a batch every ~32 ms (two display frames) gives the main thread one message per
 * published update or less (the store publishes at most every 100 ms under load, ingest-batcher.ts),
 * rather than one per event; nothing waits noticeably longer than it would for the next paint.
 */
export const RELAY_FLUSH_MS = 32;
export const RELAY_MAX_BATCH_FRAMES = 1000;
export const RELAY_MAX_BATCH_CHARS = 4_000_000;

// WebSocket readyState values (the constants are not on every test double).
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/**
 * Owns one WebSocket for one connection attempt and turns what it receives into batched
 * `SocketNotice`s. It runs inside the socket worker (socket-worker.ts), where the browser keeps
 * reading the socket however busy the page is, and on the main thread when no worker is available.
 *
 * - `onmessage` only queues the text (or a binary frame's size); frames are classified in batches
 *   when the batch is posted (docs/reference/drp-protocol.md §7.4: a reader that falls 256 messages behind loses
 *   events silently, so the handler must stay cheap even here), and the batch's event texts are
 *   packed into one transferable buffer (frame-text.ts).
 * - No `protocols` argument: DRP negotiates no subprotocol and browsers fail the handshake when they
 *   ask for one the server does not echo (§1.6).
 * - Binary frames are not part of the protocol (§2.1); they are reported by size as errors.
 */
export class FrameRelay {
  private socket: WebSocket | null = null;
  private pending: (string | number)[] = [];
  private pendingChars = 0;
  private timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private closed = false;
  /** The latest version of each object this connection received, to diff the next one against. */
  private readonly versions = new VersionTracker();
  /** Parses events without their `Original` while this server's frames allow it (deferred-original.ts). */
  private readonly parser = new DeferredOriginalParser();
  private readonly post: (notice: SocketNotice, transfer: Transferable[]) => void;
  private readonly options: Required<FrameRelayOptions>;

  /** `post` gets the buffers it may transfer (postMessage's transfer list) with each notice. */
  constructor(post: (notice: SocketNotice, transfer: Transferable[]) => void, options: FrameRelayOptions) {
    this.post = post;
    this.options = {
      flushMs: RELAY_FLUSH_MS,
      maxBatchFrames: RELAY_MAX_BATCH_FRAMES,
      maxBatchChars: RELAY_MAX_BATCH_CHARS,
      ...options,
    };
  }

  handle(command: SocketCommand): void {
    switch (command.type) {
      case 'open':
        this.open(command.url);
        break;
      case 'send':
        // The page may not know yet that the socket closed; the close notice is on its way.
        if (this.socket?.readyState === OPEN) this.socket.send(command.text);
        break;
      case 'close':
        if (this.socket && this.socket.readyState !== CLOSING && this.socket.readyState !== CLOSED) {
          this.socket.close(1000, 'closed by user');
        }
        break;
    }
  }

  /** Posts what is queued now. */
  readonly flush = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const queued = this.pending;
    this.pending = [];
    this.pendingChars = 0;
    const batch = packFrames(
      queued.map((item) => (typeof item === 'string' ? receiveTextFrame(item, this.versions, this.parser) : receiveBinaryFrame(item))),
    );
    this.post({ type: 'frames', frames: batch.frames }, batch.buffer ? [batch.buffer] : []);
  };

  private open(url: string): void {
    // One relay is one connection attempt; reconnecting opens a new one (store/session-controller.ts).
    if (this.socket) return;
    const socket = this.options.createWebSocket(url);
    this.socket = socket;
    // ArrayBuffer rather than Blob so a binary frame's size is known synchronously.
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      if (!this.closed) this.post({ type: 'open' }, []);
    };
    socket.onmessage = (message: MessageEvent) => {
      if (this.closed) return;
      const data: unknown = message.data;
      if (typeof data === 'string') {
        this.pending.push(data);
        this.pendingChars += data.length;
      } else {
        this.pending.push(data instanceof ArrayBuffer ? data.byteLength : 0);
      }
      if (this.pending.length >= this.options.maxBatchFrames || this.pendingChars >= this.options.maxBatchChars) this.flush();
      else if (this.timer === undefined) this.timer = setTimeout(this.flush, this.options.flushMs);
    };
    // The error event carries no detail (a failed handshake's HTTP status is invisible, §1.3); the
    // close event that always follows reports code 1006.
    socket.onerror = () => undefined;
    socket.onclose = (event: CloseEvent) => {
      if (this.closed) return;
      this.flush();
      this.closed = true;
      this.post({ type: 'close', info: { code: event.code, reason: event.reason, wasClean: event.wasClean } }, []);
    };
  }
}
