import { linesOf } from '../../../src/lib/capture-storage/chunk-codec';
import { CaptureTables, buildChunkIndex } from '../../../src/lib/capture-storage/chunk-index';
import type { StoredHeader } from '../../../src/lib/capture-storage/chunk-index';
import type { ChunkLoader } from '../../../src/store/disk-tier';
import { objectKeyOf } from '../../../src/store/event-record';
import type { EventRecord } from '../../../src/store/event-record';
import type { Inspector } from '../../../src/store/inspector-store';

const encoder = new TextEncoder();

/**
 * What Record to disk stores, kept in memory: the chunks' lines and stored headers exactly as the
 * recorder builds them (chunk-codec linesOf, chunk-index buildChunkIndex), without the browser
 * database (the e2e tests cover that with Chromium's IndexedDB). Counts reads, so a test can tell
 * a history read only headers.
 */
export class MemoryDisk implements ChunkLoader {
  private readonly stored = new Map<number, { lines: Uint8Array; headers: string }>();
  private nextId = 1;
  chunkReads = 0;
  headerReads = 0;

  constructor(private readonly inspector: Inspector) {
    inspector.store.getState().actions.setChunkLoader(this);
    inspector.events.onIngest((records) => this.pending.push(...records));
  }

  /** Records the events ingested since the last call, in chunks of `size`, as the recorder would. */
  writeIngested(size = 5): void {
    const records = this.pending;
    this.pending = [];
    for (let at = 0; at < records.length; at += size) this.write(records.slice(at, at + size));
  }

  private pending: EventRecord[] = [];
  /** The capture's string tables, as the recorder keeps them. */
  readonly tables = new CaptureTables();

  private write(records: EventRecord[]): void {
    const { headers, ...index } = buildChunkIndex(
      1,
      0,
      records.map((record) => ({ ...record, objectKey: objectKeyOf(record.type, record.key) })),
      this.tables,
    );
    const rowId = this.nextId;
    this.nextId += 1;
    this.stored.set(rowId, { lines: encoder.encode(linesOf(records.map((record) => record.raw))), headers: JSON.stringify(headers) });
    const { actions } = this.inspector.store.getState();
    const entry = { ...index, ...this.tables, rowId: 0, firstSeq: records[0].seq, facts: records.map((record) => record.facts) };
    actions.recordedChunk(actions.recordingChunk(entry, records), rowId);
  }

  /** Forgets chunks as the size cap would, oldest first. */
  deleteOldest(count: number): void {
    const ids = [...this.stored.keys()].slice(0, count);
    for (const id of ids) this.stored.delete(id);
    this.inspector.store.getState().actions.recordedChunksDeleted(ids);
  }

  chunk(rowId: number) {
    this.chunkReads += 1;
    const stored = this.stored.get(rowId);
    return Promise.resolve(stored ? { bytes: stored.lines.slice(), headers: JSON.parse(stored.headers) as StoredHeader[] } : null);
  }

  headers(rowIds: readonly number[]) {
    this.headerReads += rowIds.length;
    return Promise.resolve(rowIds.map((id) => (this.stored.has(id) ? (JSON.parse(this.stored.get(id)!.headers) as StoredHeader[]) : null)));
  }
}
