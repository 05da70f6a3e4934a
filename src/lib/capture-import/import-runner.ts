import { createImportParser } from './import-parser';
import type { ImportBatch, ImportNotice } from './import-messages';

export interface RunImportOptions {
  /** Bytes read per slice: the unit of progress and of cancellation. */
  chunkBytes?: number;
  /** A batch is posted at this many events or this many characters of event text, whichever first. */
  batchEvents?: number;
  batchChars?: number;
}

const DEFAULT_CHUNK_BYTES = 1024 * 1024;
const DEFAULT_BATCH_EVENTS = 1000;
const DEFAULT_BATCH_CHARS = 4 * 1024 * 1024;

/**
 * Reads a Blob slice by slice (`Blob.slice().arrayBuffer()`, so no more than one slice of the
 * file is in memory as bytes), decodes it with one streaming TextDecoder (a UTF-8 sequence split
 * between slices is joined), feeds the import parser and posts batches and progress. The file is
 * never one string. Between slices it awaits, so a cancel message is seen within one slice; run
 * on the main thread (no Worker) that await is also where the page gets to render.
 */
export async function runImport(
  file: Blob,
  post: (notice: ImportNotice) => void,
  isCancelled: () => boolean,
  options: RunImportOptions = {},
): Promise<void> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const batchEvents = options.batchEvents ?? DEFAULT_BATCH_EVENTS;
  const batchChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
  let batch: ImportBatch = { events: [], markers: [] };
  let chars = 0;
  const flush = (): void => {
    if (batch.events.length === 0 && batch.markers.length === 0) return;
    post({ type: 'batch', ...batch });
    batch = { events: [], markers: [] };
    chars = 0;
  };
  const parser = createImportParser((record) => {
    if (record.kind === 'marker') batch.markers.push({ marker: record.marker, atEvent: record.atEvent });
    if (record.kind !== 'event') return;
    batch.events.push(record.text);
    chars += record.text.length;
    if (batch.events.length >= batchEvents || chars >= batchChars) flush();
  });
  const decoder = new TextDecoder('utf-8');
  const totalBytes = file.size;
  try {
    for (let offset = 0; offset < totalBytes; offset += chunkBytes) {
      const bytes = await file.slice(offset, Math.min(offset + chunkBytes, totalBytes)).arrayBuffer();
      if (isCancelled()) {
        post({ type: 'cancelled' });
        return;
      }
      parser.push(decoder.decode(bytes, { stream: true }));
      flush();
      post({ type: 'progress', bytesRead: Math.min(offset + chunkBytes, totalBytes), totalBytes });
    }
  } catch (err) {
    post({ type: 'failed', message: `could not read the file (${err instanceof Error ? err.message : String(err)})` });
    return;
  }
  if (isCancelled()) {
    post({ type: 'cancelled' });
    return;
  }
  parser.push(decoder.decode());
  const summary = parser.end();
  flush();
  post({ type: 'done', summary });
}
