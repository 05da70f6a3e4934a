import type { ChunkCodec, ChunkHeadersRow } from '../lib/capture-storage/capture-records';
import { encodeChunk, encodeHeaders, lineBytesOf } from '../lib/capture-storage/chunk-codec';
import { buildChunkIndex } from '../lib/capture-storage/chunk-index';
import type { CaptureKeysRow, CaptureTables, ChunkIndexRow, StoredHeader } from '../lib/capture-storage/chunk-index';
import type { DiskChunkEntry } from './disk-index';
import { objectKeyOf } from './event-record';
import type { EventRecord } from './event-record';

/** A chunk of recorded events before it is written: its index row, stored headers and new table entries. */
export interface PreparedChunk {
  records: readonly EventRecord[];
  firstEvent: number;
  index: Omit<ChunkIndexRow, 'id' | 'captureId'>;
  headers: StoredHeader[];
  /** The capture's table entries first used by this chunk (their captureId is set when written). */
  newKeys: Omit<CaptureKeysRow, 'captureId'>[];
  /** What the deep window indexes at once, before the write (store/disk-tier.ts `writing`). */
  entry: DiskChunkEntry;
}

/** Indexes a run of recorded events into the capture's tables (synchronously: the deep window needs it now). */
export function prepareChunk(records: readonly EventRecord[], firstEvent: number, tables: CaptureTables): PreparedChunk {
  const {
    headers,
    captureId: _unset,
    ...index
  } = buildChunkIndex(
    0,
    firstEvent,
    records.map((record) => ({ ...record, objectKey: objectKeyOf(record.type, record.key) })),
    tables,
  );
  const newKeys = tables.takeNew(0).map(({ captureId: _none, ...row }) => row);
  const entry = { ...index, ...tables, rowId: 0, firstSeq: records[0].seq, facts: records.map((record) => record.facts) };
  return { records, firstEvent, index, headers, newKeys, entry };
}

/** A prepared chunk compressed: its lines, headers, and what it takes on disk. */
export interface EncodedChunk {
  codec: ChunkCodec;
  data: Uint8Array;
  rawBytes: number;
  headers: Omit<ChunkHeadersRow, 'id'>;
  keys: CaptureKeysRow[];
  /** Lines + stored headers + (roughly) the index row and new table entries. */
  storedBytes: number;
}

export async function encodePreparedChunk(chunk: PreparedChunk, captureId: number): Promise<EncodedChunk> {
  const encoded = await encodeChunk(lineBytesOf(chunk.records.map((record) => record.textBytes())));
  const headers = { codec: encoded.codec, data: await encodeHeaders(chunk.headers, encoded.codec) };
  const keys = chunk.newKeys.map((row) => ({ ...row, captureId }));
  const strings = keys.reduce((sum, row) => sum + row.values.reduce((chars, value) => chars + value.length, 0), 0);
  const { objectRefs, actionRefs, principalRefs } = chunk.index;
  const indexBytes = objectRefs.byteLength + actionRefs.byteLength + principalRefs.byteLength + strings;
  return { ...encoded, headers, keys, storedBytes: encoded.data.byteLength + headers.data.byteLength + indexBytes };
}
