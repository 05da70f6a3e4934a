import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { CaptureMeta, ChunkHeadersRow, ChunkRow } from './capture-records';
import type { CaptureKeysRow, ChunkIndexRow } from './chunk-index';

/** The browser database Record to disk writes (IndexedDB through Dexie, wrapped here: house rule 5). */
export const CAPTURE_DB_NAME = 'drp-inspector-captures';

class CaptureDexie extends Dexie {
  captures!: Table<CaptureMeta, number>;
  chunks!: Table<ChunkRow, number>;
  chunkIndex!: Table<ChunkIndexRow, number>;
  chunkHeaders!: Table<ChunkHeadersRow, number>;
  captureKeys!: Table<CaptureKeysRow, number>;

  constructor(name: string) {
    super(name);
    // Chunks are keyed by an auto-increment id, so id order is write order: the size cap evicts
    // from the lowest id, the oldest events of all captures.
    this.version(1).stores({ captures: '++id', chunks: '++id, captureId, [captureId+firstEvent]' });
    // Version 2: each chunk's index row and stored headers (same id as the chunk), and each capture's
    // string tables, read to reopen a capture and to list History without the events' bytes.
    this.version(2).stores({ chunkIndex: 'id, captureId', chunkHeaders: 'id', captureKeys: '++id, captureId' });
  }
}

/** Whether an error is the browser refusing a write for lack of quota (Dexie wraps the DOMException). */
export function isQuotaError(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error || (current && typeof current === 'object');) {
    const named = current as { name?: unknown; inner?: unknown };
    if (named.name === 'QuotaExceededError') return true;
    current = named.inner;
    if (current === undefined || current === null) return false;
  }
  return false;
}

export interface Evicted {
  events: number;
  storedBytes: number;
  /** Ids of the deleted chunks (the deep window forgets them). */
  chunkIds: number[];
}

/**
 * Captures and their chunks. Every write is one transaction (a chunk and its capture's counters
 * together), so what a resolved promise acknowledged survives a reload or a crash as a whole.
 */
export class CaptureDatabase {
  private readonly db: CaptureDexie;

  constructor(name = CAPTURE_DB_NAME) {
    this.db = new CaptureDexie(name);
  }

  list(): Promise<CaptureMeta[]> {
    return this.db.captures.toArray();
  }

  get(id: number): Promise<CaptureMeta | undefined> {
    return this.db.captures.get(id);
  }

  create(meta: CaptureMeta): Promise<number> {
    return this.db.captures.add(meta);
  }

  /** Adds a chunk, its index row and the capture's new counters in one transaction; resolves to the chunk's id. */
  async appendChunk(
    chunk: ChunkRow,
    index: Omit<ChunkIndexRow, 'id'>,
    headers: Omit<ChunkHeadersRow, 'id'>,
    keys: readonly CaptureKeysRow[],
    meta: Partial<CaptureMeta>,
  ): Promise<number> {
    const { captures, chunks, chunkIndex, chunkHeaders, captureKeys } = this.db;
    return this.db.transaction('rw', [captures, chunks, chunkIndex, chunkHeaders, captureKeys], async () => {
      if (keys.length > 0) await captureKeys.bulkAdd([...keys]);
      const id = await chunks.add(chunk);
      await chunkIndex.add({ ...index, id });
      await chunkHeaders.add({ ...headers, id });
      await this.db.captures.update(chunk.captureId, meta);
      return id;
    });
  }

  /** A capture's string tables, in the order they were written. */
  keysOf(captureId: number): Promise<CaptureKeysRow[]> {
    return this.db.captureKeys.where('captureId').equals(captureId).sortBy('id');
  }

  /** A capture's index rows in event order (what reopening reads). */
  async indexOf(captureId: number): Promise<ChunkIndexRow[]> {
    const rows = await this.db.chunkIndex.where('captureId').equals(captureId).toArray();
    return rows.sort((a, b) => a.firstEvent - b.firstEvent);
  }

  /** One chunk and its headers by id (the deep window reads them back on demand). */
  async chunk(id: number): Promise<{ chunk: ChunkRow; headers: ChunkHeadersRow | undefined } | undefined> {
    return this.db.transaction('r', this.db.chunks, this.db.chunkHeaders, async () => {
      const chunk = await this.db.chunks.get(id);
      return chunk ? { chunk, headers: await this.db.chunkHeaders.get(id) } : undefined;
    });
  }

  /** The stored headers of chunks, in the order of `ids` (undefined where one is gone). */
  headersOf(ids: readonly number[]): Promise<(ChunkHeadersRow | undefined)[]> {
    return this.db.chunkHeaders.bulkGet([...ids]);
  }

  async update(id: number, meta: Partial<CaptureMeta>): Promise<void> {
    await this.db.captures.update(id, meta);
  }

  async delete(id: number): Promise<void> {
    const { captures, chunks, chunkIndex, chunkHeaders, captureKeys } = this.db;
    await this.db.transaction('rw', [captures, chunks, chunkIndex, chunkHeaders, captureKeys], async () => {
      await captureKeys.where('captureId').equals(id).delete();
      const ids = (await chunks.where('captureId').equals(id).primaryKeys()) as number[];
      await chunks.bulkDelete(ids);
      await chunkHeaders.bulkDelete(ids);
      await chunkIndex.where('captureId').equals(id).delete();
      await this.db.captures.delete(id);
    });
  }

  /** A capture's chunks in event order. */
  chunksOf(id: number): Promise<ChunkRow[]> {
    return this.db.chunks.where('[captureId+firstEvent]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
  }

  async totalStoredBytes(): Promise<number> {
    let total = 0;
    for (const meta of await this.list()) total += meta.storedBytes;
    return total;
  }

  /**
   * Deletes the oldest chunks (of any capture) until at least `bytes` are freed, and counts them
   * as evicted on their captures, all in one transaction. The newest chunk always stays: a cap
   * smaller than one chunk (or two evictions racing on stale totals) must not empty the capture.
   */
  async evictOldest(bytes: number): Promise<Evicted> {
    const evicted: Evicted = { events: 0, storedBytes: 0, chunkIds: [] };
    const { captures, chunks, chunkIndex, chunkHeaders } = this.db;
    await this.db.transaction('rw', [captures, chunks, chunkIndex, chunkHeaders], async () => {
      const perCapture = new Map<number, { events: number; storedBytes: number; rawBytes: number }>();
      const doomed: number[] = [];
      const newest = await this.db.chunks.orderBy(':id').last();
      await this.db.chunks
        .orderBy(':id')
        .until((chunk) => evicted.storedBytes >= bytes || chunk.id === newest?.id)
        .each((chunk) => {
          doomed.push(chunk.id as number);
          evicted.events += chunk.count;
          evicted.storedBytes += chunk.storedBytes;
          const sums = perCapture.get(chunk.captureId) ?? { events: 0, storedBytes: 0, rawBytes: 0 };
          sums.events += chunk.count;
          sums.storedBytes += chunk.storedBytes;
          sums.rawBytes += chunk.rawBytes;
          perCapture.set(chunk.captureId, sums);
        });
      await this.db.chunks.bulkDelete(doomed);
      await this.db.chunkIndex.bulkDelete(doomed);
      await this.db.chunkHeaders.bulkDelete(doomed);
      evicted.chunkIds = doomed;
      for (const [id, sums] of perCapture) {
        await this.db.captures
          .where(':id')
          .equals(id)
          .modify((meta) => {
            meta.evicted += sums.events;
            meta.storedBytes -= sums.storedBytes;
            meta.rawBytes -= sums.rawBytes;
          });
      }
    });
    return evicted;
  }

  close(): void {
    this.db.close();
  }
}
