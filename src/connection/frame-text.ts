import type { EventHeader, ReceivedFrame } from './received-frame';

/**
 * Where one event's frame text lives: UTF-8 bytes in a batch buffer. A WebSocket text frame is valid
 * UTF-8 by definition (RFC 6455 docs/reference/drp-protocol.md §5.6), so decoding gives back exactly the string that arrived.
 */
export interface FrameText {
  buffer: ArrayBuffer;
  offset: number;
  length: number;
}

/** A classified frame as the store ingests it: events carry their text as bytes, not as a string. */
export type IngestFrame =
  { kind: 'event'; text: FrameText; bytes: number; header: EventHeader } | Exclude<ReceivedFrame, { kind: 'event' }>;

export interface FrameBatch {
  frames: IngestFrame[];
  /** The one buffer every event text of the batch points into (null when the batch has no event). */
  buffer: ArrayBuffer | null;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * Packs the texts of a batch into one ArrayBuffer. Why bytes rather than strings: the buffer is
 * *transferred* from the socket worker (no copy, where a string is copied twice by structured
 * clone), and it lives outside the JS heap, so the garbage collector never copies or scans the
 * ~60 MB a second that a flood of large machine events brings (measured in the flood benchmark: keeping those strings cost
 * about a tenth of the throughput on two cores). The texts are decoded again only when a view,
 * the free-text filter or an export reads them.
 */
export function packFrames(received: readonly ReceivedFrame[]): FrameBatch {
  let capacity = 0;
  for (const frame of received) if (frame.kind === 'event') capacity += frame.raw.length;
  // One byte per character fits ASCII (nearly every DRP frame); anything wider grows the buffer.
  let bytes = new Uint8Array(capacity);
  let used = 0;
  const offsets = new Array<number>(received.length).fill(0);
  const lengths = new Array<number>(received.length).fill(0);
  received.forEach((frame, index) => {
    if (frame.kind !== 'event') return;
    let result = encoder.encodeInto(frame.raw, bytes.subarray(used));
    if (result.read < frame.raw.length) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, used + frame.raw.length * 3));
      grown.set(bytes.subarray(0, used));
      bytes = grown;
      result = encoder.encodeInto(frame.raw, bytes.subarray(used));
    }
    offsets[index] = used;
    lengths[index] = result.written;
    used += result.written;
  });
  // Exactly the bytes used: the buffer stays alive as long as one of its events is buffered.
  const buffer = used === bytes.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.buffer as ArrayBuffer).slice(0, used);
  const frames = received.map((frame, index): IngestFrame =>
    frame.kind === 'event'
      ? { kind: 'event', text: { buffer, offset: offsets[index], length: lengths[index] }, bytes: frame.bytes, header: frame.header }
      : frame,
  );
  return { frames, buffer: capacity === 0 ? null : buffer };
}

export function decodeFrameText(text: FrameText): string {
  return decoder.decode(new Uint8Array(text.buffer, text.offset, text.length));
}

/** One frame packed on its own (the store's one-frame conveniences, tests). */
export function ingestFrameOf(frame: ReceivedFrame): IngestFrame {
  return packFrames([frame]).frames[0];
}
