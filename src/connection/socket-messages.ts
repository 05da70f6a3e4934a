import type { IngestFrame } from './frame-text';

/** How the socket closed, as the browser reports it (a failed handshake is always 1006, docs/reference/drp-protocol.md §1.3). */
export interface CloseInfo {
  code: number;
  reason: string;
  wasClean: boolean;
}

/**
 * Commands to the code that owns the WebSocket (the socket worker, or the main-thread fallback).
 * Plain objects, so they cross `postMessage` by structured clone.
 */
export type SocketCommand = { type: 'open'; url: string } | { type: 'send'; text: string } | { type: 'close' };

/**
 * What the socket owner reports back, in order: `open`, then batches of classified frames, then one
 * `close`. Every frame received before the close is in a batch posted before it, so the store can
 * buffer them all before it places a gap marker. A batch's event texts share one ArrayBuffer, which
 * the worker transfers rather than copies (frame-text.ts).
 */
export type SocketNotice = { type: 'open' } | { type: 'frames'; frames: IngestFrame[] } | { type: 'close'; info: CloseInfo };
