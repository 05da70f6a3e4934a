import type { StoredHeader } from '../lib/capture-storage/chunk-index';
import { DiskIndex } from './disk-index';
import { storedFields } from './stored-record';
import type { ChunkLoader, HeaderRecord, LoadedChunk } from './stored-record';
import type { DiskChunk, DiskChunkEntry } from './disk-index';

export type { ChunkLoader, HeaderRecord, LoadedChunk } from './stored-record';
import { BufferedEventRecord } from './event-record';
import type { EventRecord } from './event-record';

const NO_LOADER: ChunkLoader = { chunk: () => Promise.resolve(null), headers: (rowIds) => Promise.resolve(rowIds.map(() => null)) };
/** Headers kept apart from decoded chunks: a few History pages of versions spread over a capture. */
const HEADER_CACHE = 20_000;

/** Decoded chunks kept for scrolling through neighbouring rows; records asked for one by one are kept apart (RECORD_CACHE). */
const CACHE_CHUNKS = 48;
const CACHE_BYTES = 24 * 1024 * 1024;
/**
 * Records asked for one by one (rows on screen, the selection, a diff's base) are copied out of
 * their chunk and kept here, so a screen whose rows sit in more chunks than the chunk cache holds
 * (a filter over a long capture) never evicts its own rows.
 */
const RECORD_CACHE = 4000;
const RECORD_CACHE_BYTES = 16 * 1024 * 1024;
const NEWLINE = 0x0a;

interface Decoded {
  records: readonly EventRecord[];
  bytes: number;
  /** A chunk being written: its records are the live ones and stay until the write is acknowledged. */
  pinned?: boolean;
}

/**
 * The deep window's cold tier: the events recorded to disk that the memory ring no longer holds
 * (docs/architecture.md, "The deep window"). The index (disk-index.ts) answers which event a seq
 * is; the records themselves are decoded from their chunk on demand (`ensure`), kept in a small
 * LRU, and read synchronously (`get`) once there. A record read back is built from the header
 * stored with it, so it is the record that was live: same changes, facts and frame text.
 */
export class DiskTier {
  readonly index = new DiskIndex();
  private readonly cache = new Map<number, Decoded>();
  private cachedBytes = 0;
  private readonly loading = new Map<number, Promise<readonly EventRecord[] | null>>();
  private readonly failed = new Set<number>();
  private readonly requested = new Set<number>();
  private nextProvisional = -1;

  private load: ChunkLoader = NO_LOADER;
  private readonly headerCache = new Map<number, HeaderRecord>();
  private readonly recordCache = new Map<number, EventRecord>();
  private recordCacheBytes = 0;

  /** `loaded` is called after chunks were decoded, so views re-read the rows they could not show yet. */
  constructor(private readonly loaded: () => void) {}

  /** Where chunks are read from (the capture database; set by the capture controller). */
  setLoader(load: ChunkLoader): void {
    this.load = load;
    this.failed.clear();
  }

  /** The record of `seq` if its chunk is decoded; undefined otherwise (see `ensure`). */
  get(seq: number): EventRecord | undefined {
    const kept = this.recordCache.get(seq);
    if (kept) return kept;
    const chunk = this.index.chunkOf(seq);
    if (!chunk) return undefined;
    const decoded = this.cache.get(chunk.rowId);
    if (!decoded) return undefined;
    // Touch: most recently used goes last.
    this.cache.delete(chunk.rowId);
    this.cache.set(chunk.rowId, decoded);
    return decoded.records[seq - chunk.firstSeq];
  }

  /** The header of `seq`: from its decoded chunk, or from the headers read for History. */
  header(seq: number): HeaderRecord | undefined {
    return this.get(seq) ?? this.headerCache.get(seq);
  }

  /**
   * Reads the stored headers of `seqs` (not their events' bytes) and keeps them, so History lists
   * versions spread over a whole capture at the cost of one small read per chunk.
   */
  async ensureHeaders(seqs: readonly number[]): Promise<void> {
    const byChunk = new Map<number, { chunk: DiskChunk; seqs: number[] }>();
    for (const seq of seqs) {
      if (this.header(seq)) continue;
      const chunk = this.index.chunkOf(seq);
      if (!chunk || this.failed.has(chunk.rowId)) continue;
      const entry = byChunk.get(chunk.rowId) ?? { chunk, seqs: [] };
      entry.seqs.push(seq);
      byChunk.set(chunk.rowId, entry);
    }
    if (byChunk.size === 0) return;
    const wanted = [...byChunk.values()];
    let loaded: (readonly StoredHeader[] | null)[];
    try {
      loaded = await this.load.headers(wanted.map(({ chunk }) => chunk.rowId));
    } catch {
      // Unreadable: these chunks show as such rather than "reading" forever.
      loaded = wanted.map(() => null);
    }
    wanted.forEach(({ chunk, seqs: chunkSeqs }, at) => {
      const headers = loaded[at];
      if (!headers) this.failed.add(chunk.rowId);
      if (!headers || this.index.chunkOf(chunk.firstSeq) !== chunk) return;
      for (const seq of chunkSeqs) {
        this.headerCache.set(seq, storedFields(this.index, seq, headers[seq - chunk.firstSeq], 0));
      }
    });
    for (const oldest of this.headerCache.keys()) {
      if (this.headerCache.size <= HEADER_CACHE) break;
      this.headerCache.delete(oldest);
    }
    this.loaded();
  }

  /** Whether `seq` is recorded here but not decoded yet (a row shows "reading from disk"). */
  pending(seq: number): boolean {
    const chunk = this.index.chunkOf(seq);
    return chunk !== undefined && !this.recordCache.has(seq) && !this.cache.has(chunk.rowId) && !this.failed.has(chunk.rowId);
  }

  /**
   * Asks for `seq` to be read back, batched with the other requests of this task (the rows of a
   * screen ask one by one as they render): one read per chunk, one `loaded` per batch.
   */
  request(seq: number): void {
    if (!this.pending(seq)) return;
    this.requested.add(seq);
    if (this.requested.size > 1) return;
    queueMicrotask(() => {
      const seqs = [...this.requested];
      this.requested.clear();
      void this.ensure(seqs).then((records) => this.keep(records));
    });
  }

  /** Keeps copies of records asked for one by one (RECORD_CACHE). */
  private keep(records: ReadonlyMap<number, EventRecord>): void {
    for (const [seq, record] of records) {
      if (this.recordCache.has(seq)) continue;
      const bytes = record.textBytes().slice();
      this.recordCache.set(seq, new BufferedEventRecord(record, { buffer: bytes.buffer, offset: 0, length: bytes.length }));
      this.recordCacheBytes += bytes.length;
    }
    for (const [oldest, record] of this.recordCache) {
      if (this.recordCache.size <= RECORD_CACHE && this.recordCacheBytes <= RECORD_CACHE_BYTES) break;
      this.recordCache.delete(oldest);
      this.recordCacheBytes -= record.bytes;
    }
  }

  /**
   * Decodes the chunks holding `seqs` (at most CACHE_CHUNKS of them) and resolves with the records
   * of those seqs that could be read: callers use these, not the cache, which other reads may
   * have moved on from meanwhile.
   */
  async ensure(seqs: Iterable<number>): Promise<Map<number, EventRecord>> {
    const wanted = new Map<number, DiskChunk>();
    const asked: number[] = [];
    for (const seq of seqs) {
      const chunk = this.index.chunkOf(seq);
      if (!chunk || this.failed.has(chunk.rowId)) continue;
      if (!wanted.has(chunk.rowId) && wanted.size >= CACHE_CHUNKS) break;
      asked.push(seq);
      if (!this.cache.has(chunk.rowId)) wanted.set(chunk.rowId, chunk);
    }
    const decoded = new Map<number, readonly EventRecord[]>();
    await Promise.all(
      [...wanted.values()].map(async (chunk) => {
        const records = await this.decode(chunk);
        if (records) decoded.set(chunk.rowId, records);
      }),
    );
    const found = new Map<number, EventRecord>();
    for (const seq of asked) {
      const chunk = this.index.chunkOf(seq);
      if (!chunk) continue;
      const record = decoded.get(chunk.rowId)?.[seq - chunk.firstSeq] ?? this.get(seq);
      if (record) found.set(seq, record);
    }
    if (wanted.size > 0) this.loaded();
    return found;
  }

  /**
   * A chunk Record to disk is writing: indexed at once, its records (the ones just ingested) kept
   * until the database acknowledges it, so an event the ring drops meanwhile never goes missing
   * from the timeline. Returns the provisional id for `written` or `unwritten`.
   */
  writing(entry: DiskChunkEntry, records: readonly EventRecord[]): number {
    const rowId = this.nextProvisional;
    this.nextProvisional -= 1;
    const before = this.index.size;
    this.index.add({ ...entry, rowId });
    if (this.index.size > before) this.cache.set(rowId, { records, bytes: 0, pinned: true });
    return rowId;
  }

  /** The write of chunk `provisional` is acknowledged as row `rowId`: it is read from disk from now on. */
  written(provisional: number, rowId: number): void {
    const chunk = this.index.chunkById(provisional);
    if (chunk) chunk.rowId = rowId;
    // Kept records would keep their batch buffers alive; once on disk they are read back when asked.
    this.cache.delete(provisional);
  }

  /** The write of chunk `provisional` failed: its events are not on disk. */
  unwritten(provisional: number): void {
    this.cache.delete(provisional);
    this.index.drop([provisional]);
  }

  clear(): void {
    this.index.clear();
    this.cache.clear();
    this.headerCache.clear();
    this.recordCache.clear();
    this.recordCacheBytes = 0;
    this.cachedBytes = 0;
    this.failed.clear();
  }

  /** Forgets chunks the size cap deleted. */
  drop(rowIds: readonly number[]): void {
    for (const rowId of rowIds) {
      const chunk = this.index.chunkById(rowId);
      for (let seq = chunk?.firstSeq ?? 0; chunk && seq < chunk.firstSeq + chunk.count; seq += 1) {
        const kept = this.recordCache.get(seq);
        if (kept) this.recordCacheBytes -= kept.bytes;
        this.recordCache.delete(seq);
      }
      const decoded = this.cache.get(rowId);
      if (decoded) this.cachedBytes -= decoded.bytes;
      this.cache.delete(rowId);
    }
    this.index.drop(rowIds);
  }

  private decode(chunk: DiskChunk): Promise<readonly EventRecord[] | null> {
    let running = this.loading.get(chunk.rowId);
    if (!running) {
      running = this.load
        .chunk(chunk.rowId)
        .then((loaded) => {
          if (!loaded || this.index.chunkOf(chunk.firstSeq) !== chunk) {
            if (!loaded) this.failed.add(chunk.rowId);
            return null;
          }
          const records = this.recordsOf(chunk, loaded);
          this.remember(chunk.rowId, { records, bytes: loaded.bytes.byteLength });
          return records;
        })
        .catch(() => {
          // A chunk that cannot be read (deleted meanwhile, corrupt) shows as unreadable, once.
          this.failed.add(chunk.rowId);
          return null;
        })
        .finally(() => this.loading.delete(chunk.rowId));
      this.loading.set(chunk.rowId, running);
    }
    return running;
  }

  private remember(rowId: number, decoded: Decoded): void {
    this.cache.set(rowId, decoded);
    this.cachedBytes += decoded.bytes;
    for (const [oldest, entry] of this.cache) {
      if (this.cache.size <= CACHE_CHUNKS && this.cachedBytes <= CACHE_BYTES) break;
      if (oldest === rowId) break;
      if (entry.pinned) continue;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.bytes;
    }
  }

  private recordsOf(chunk: DiskChunk, loaded: LoadedChunk): EventRecord[] {
    const { bytes, headers } = loaded;
    const buffer =
      bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
    const records: EventRecord[] = [];
    let at = 0;
    for (let index = 0; index < chunk.count; index += 1) {
      const seq = chunk.firstSeq + index;
      const end = bytes.indexOf(NEWLINE, at);
      const length = (end < 0 ? bytes.length : end) - at;
      records.push(new BufferedEventRecord(storedFields(this.index, seq, headers?.[index], length), { buffer, offset: at, length }));
      at = end < 0 ? bytes.length : end + 1;
    }
    return records;
  }
}
