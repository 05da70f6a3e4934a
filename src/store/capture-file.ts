import type { CaptureDatabase } from '../lib/capture-storage/capture-database';
import { chunkParts, endLines, headerLines, leadingGaps } from '../lib/capture-storage/capture-lines';
import type { CaptureMeta } from '../lib/capture-storage/capture-records';
import { decodeChunk } from '../lib/capture-storage/chunk-codec';

/**
 * A stored capture as one capture file (docs/reference/capture-format.md): the capture marker,
 * the subscription history, the events still on disk with gap markers where they happened, and an
 * end marker when the recording stopped cleanly. Export downloads it; reopening imports it, so a
 * reopened capture goes through exactly the path a file does (classified in the import worker).
 * Chunks are decompressed one at a time; the Blob holds their bytes, never one big string.
 */
export async function captureFile(db: CaptureDatabase, id: number): Promise<{ meta: CaptureMeta; blob: Blob } | null> {
  const meta = await db.get(id);
  if (!meta) return null;
  const chunks = await db.chunksOf(id);
  const gaps = [...meta.gaps].sort((a, b) => a.afterEvent - b.afterEvent);
  const parts: BlobPart[] = [...headerLines(meta), ...leadingGaps(meta, chunks[0]?.firstEvent ?? meta.events)];
  let kept = 0;
  for (const chunk of chunks) {
    const bytes = await decodeChunk(chunk.data, chunk.codec);
    parts.push(...chunkParts({ firstEvent: chunk.firstEvent, count: chunk.count, bytes }, gaps));
    kept += chunk.count;
  }
  parts.push(...endLines(meta, kept));
  return { meta, blob: new Blob(parts, { type: 'application/x-ndjson' }) };
}
