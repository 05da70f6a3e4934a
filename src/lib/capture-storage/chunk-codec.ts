import type { ChunkCodec } from './capture-records';

const encoder = new TextEncoder();

/**
 * JSON Lines of a run of events. A frame may be pretty-printed JSON; a raw newline or carriage
 * return can only be whitespace between tokens there (inside a string JSON requires `\n`), so
 * turning it into a space keeps the value and keeps one event per line.
 */
export function linesOf(texts: readonly string[]): string {
  let joined = '';
  for (const text of texts) joined += `${/[\r\n]/.test(text) ? text.replace(/[\r\n]/g, ' ') : text}\n`;
  return joined;
}

/**
 * JSON Lines of a run of events from their UTF-8 bytes, copied once into one buffer (no decode, no
 * encode: Record to disk's cost per event is a copy). Raw CR/LF bytes (only possible as whitespace
 * in a pretty-printed frame, as in `linesOf`) become spaces.
 */
export function lineBytesOf(texts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const text of texts) total += text.length + 1;
  const out = new Uint8Array(total);
  let at = 0;
  for (const text of texts) {
    out.set(text, at);
    if (text.includes(0x0a) || text.includes(0x0d)) {
      for (let index = at; index < at + text.length; index += 1) if (out[index] === 0x0a || out[index] === 0x0d) out[index] = 0x20;
    }
    at += text.length;
    out[at] = 0x0a;
    at += 1;
  }
  return out;
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  // Measured: a Blob's stream costs fewer promise turns than writing into the transform by hand.
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Compresses a chunk's lines with the browser's own deflate (CompressionStream 'deflate-raw'; no
 * library, native code off the JS heap): the versions of one object are near copies, so a chunk
 * of a few hundred events shrinks several times (docs/decisions/capture-compression.md).
 * Without CompressionStream the bytes are stored as they are.
 */
export async function encodeChunk(lines: string | Uint8Array): Promise<{ data: Uint8Array; codec: ChunkCodec; rawBytes: number }> {
  const raw = typeof lines === 'string' ? encoder.encode(lines) : lines;
  if (typeof CompressionStream === 'undefined') return { data: raw, codec: 'none', rawBytes: raw.byteLength };
  return { data: await pipe(raw, new CompressionStream('deflate-raw')), codec: 'deflate-raw', rawBytes: raw.byteLength };
}

/** A chunk's lines as UTF-8 bytes again. */
export async function decodeChunk(data: Uint8Array, codec: ChunkCodec): Promise<Uint8Array> {
  return codec === 'none' ? data : pipe(data, new DecompressionStream('deflate-raw'));
}

const decoder = new TextDecoder();

/** A chunk's stored headers (chunk-index.ts), compressed like its lines (`codec` is the lines'). */
export async function encodeHeaders(headers: unknown, codec: ChunkCodec): Promise<Uint8Array> {
  const raw = encoder.encode(JSON.stringify(headers));
  return codec === 'none' ? raw : pipe(raw, new CompressionStream('deflate-raw'));
}

/** The headers again; null when they cannot be read (the records are then rebuilt without them). */
export async function decodeHeaders(data: Uint8Array, codec: ChunkCodec): Promise<unknown> {
  try {
    return JSON.parse(decoder.decode(await decodeChunk(data, codec))) as unknown;
  } catch {
    return null;
  }
}
