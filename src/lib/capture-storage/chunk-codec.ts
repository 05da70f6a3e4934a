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

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Compresses a chunk's lines with the browser's own deflate (CompressionStream 'deflate-raw'; no
 * library, native code off the JS heap): the versions of one object are near copies, so a chunk
 * of a few hundred events shrinks several times (docs/decisions/capture-compression.md).
 * Without CompressionStream the bytes are stored as they are.
 */
export async function encodeChunk(lines: string): Promise<{ data: Uint8Array; codec: ChunkCodec; rawBytes: number }> {
  const raw = encoder.encode(lines);
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
