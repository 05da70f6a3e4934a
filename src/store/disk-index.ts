import type { ObjectFacts } from '../lib/object-facts';
import { lowerBound } from '../lib/sorted-search';

/** One object as the deep window knows it: every recorded version's seq, ascending. */
export interface DiskObject {
  /** `Type + NUL + Key` (objectKeyOf). */
  readonly id: string;
  readonly type: string;
  readonly key: string;
  readonly seqs: number[];
  /** The newest facts its recorded events carried (names, workflow position). */
  facts: ObjectFacts | null;
}

/** One stored chunk of consecutive events, seqs `firstSeq .. firstSeq + count - 1`. */
export interface DiskChunk {
  /** The chunk's id in the browser database (negative while its write is not acknowledged yet). */
  rowId: number;
  readonly firstSeq: number;
  readonly count: number;
  /** Per event: its object, action and principal (indexes into the index's tables). */
  readonly objects: Uint32Array;
  readonly actions: Uint16Array;
  readonly principals: Uint32Array;
}

/**
 * What a chunk adds: refs into string tables (its capture's, lib/capture-storage/chunk-index.ts
 * CaptureTables; chunks of one capture share them, so each table is mapped once as it grows).
 */
export interface DiskChunkEntry {
  rowId: number;
  firstSeq: number;
  count: number;
  objects: readonly string[];
  actions: readonly string[];
  principals: readonly string[];
  objectRefs: ArrayLike<number>;
  actionRefs: ArrayLike<number>;
  principalRefs: ArrayLike<number>;
  /** Per event, when known (a chunk being recorded live): its facts, the object's newest win. */
  facts?: readonly (ObjectFacts | null)[];
}

/**
 * The deep window's map of every recorded event (docs/architecture.md, "The deep window"): which
 * object, action and principal each seq is, in a few bytes per event (typed arrays per chunk, one
 * string table per field), and every object's version seqs. Enough to filter by facets, list an
 * object's History and the Objects view across a capture of a million events, while the events
 * themselves stay on disk until a view reads them (disk-tier.ts).
 */
export class DiskIndex {
  private chunks: DiskChunk[] = [];
  private readonly objectList: DiskObject[] = [];
  private readonly objectIds = new Map<string, number>();
  private readonly actionList: string[] = [];
  private readonly actionIds = new Map<string, number>();
  private readonly principalList: string[] = [];
  private readonly principalIds = new Map<string, number>();
  private events = 0;
  private epochCount = 0;
  /** A table's values mapped to this index's ids, extended as the table grows. */
  private tableMaps = new WeakMap<readonly string[], number[]>();

  /** Moves when events leave the index (cleared, or deleted by the size cap): views rebuild then. */
  get epoch(): number {
    return this.epochCount;
  }

  /** Recorded events the index holds. */
  get size(): number {
    return this.events;
  }

  get firstSeq(): number {
    return this.chunks.length > 0 ? this.chunks[0].firstSeq : 0;
  }

  get lastSeq(): number {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last.firstSeq + last.count - 1 : 0;
  }

  /** Adds a chunk; chunks arrive in seq order (a chunk older than the newest is ignored). */
  add(entry: DiskChunkEntry): void {
    if (entry.count === 0 || (this.chunks.length > 0 && entry.firstSeq <= this.lastSeq)) return;
    const objectMap = this.mapped(entry.objects, (id) => this.objectRef(id));
    const actionMap = this.mapped(entry.actions, (action) => this.ref(this.actionList, this.actionIds, action, 65_535));
    const principalMap = this.mapped(entry.principals, (principal) =>
      this.ref(this.principalList, this.principalIds, principal, 0xffffffff),
    );
    const chunk: DiskChunk = {
      rowId: entry.rowId,
      firstSeq: entry.firstSeq,
      count: entry.count,
      objects: new Uint32Array(entry.count),
      actions: new Uint16Array(entry.count),
      principals: new Uint32Array(entry.count),
    };
    const { facts } = entry;
    for (let index = 0; index < entry.count; index += 1) {
      const ref = objectMap[entry.objectRefs[index]];
      // A ref past its table is a damaged row: the event is kept, under an object of its own.
      const object = ref ?? this.objectRef(`?\u0000${entry.firstSeq + index}`);
      chunk.objects[index] = object;
      chunk.actions[index] = actionMap[entry.actionRefs[index]] ?? 0;
      chunk.principals[index] = principalMap[entry.principalRefs[index]] ?? 0;
      this.objectList[object].seqs.push(entry.firstSeq + index);
      const eventFacts = facts?.[index];
      if (eventFacts) this.objectList[object].facts = eventFacts;
    }
    this.chunks.push(chunk);
    this.events += entry.count;
  }

  /** Forgets chunks deleted from disk (the size cap evicts the oldest). */
  drop(rowIds: readonly number[]): void {
    if (rowIds.length === 0) return;
    const doomed = new Set(rowIds);
    const kept: DiskChunk[] = [];
    for (const chunk of this.chunks) {
      if (!doomed.has(chunk.rowId)) {
        kept.push(chunk);
        continue;
      }
      this.events -= chunk.count;
      const last = chunk.firstSeq + chunk.count - 1;
      const touched = new Set(chunk.objects);
      for (const ref of touched) {
        const seqs = this.objectList[ref].seqs;
        const from = lowerBound(seqs, chunk.firstSeq);
        const to = lowerBound(seqs, last + 1);
        seqs.splice(from, to - from);
      }
    }
    const removed = this.chunks.length - kept.length;
    // Only the oldest chunks gone (the size cap): views just drop what is below the new first seq.
    // A hole anywhere else (a failed write, a deleted capture) makes them rebuild.
    const prefix = removed > 0 && this.chunks.slice(0, removed).every((chunk) => doomed.has(chunk.rowId));
    this.chunks = kept;
    if (removed > 0 && !prefix) this.epochCount += 1;
  }

  /** Recorded events with `from <= seq <= to`. */
  count(from: number, to: number): number {
    let total = 0;
    for (const chunk of this.chunks) {
      const last = chunk.firstSeq + chunk.count - 1;
      if (last < from) continue;
      if (chunk.firstSeq > to) break;
      total += Math.min(to, last) - Math.max(from, chunk.firstSeq) + 1;
    }
    return total;
  }

  /** The chunk with this id. */
  chunkById(rowId: number): DiskChunk | undefined {
    for (let index = this.chunks.length - 1; index >= 0; index -= 1) if (this.chunks[index].rowId === rowId) return this.chunks[index];
    return undefined;
  }

  /** The chunk holding `seq`, or undefined. */
  chunkOf(seq: number): DiskChunk | undefined {
    const { chunks } = this;
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid];
      if (seq < chunk.firstSeq) hi = mid - 1;
      else if (seq >= chunk.firstSeq + chunk.count) lo = mid + 1;
      else return chunk;
    }
    return undefined;
  }

  has(seq: number): boolean {
    return this.chunkOf(seq) !== undefined;
  }

  /** The recorded object `seq` is a version of. */
  objectAt(seq: number): DiskObject | undefined {
    const chunk = this.chunkOf(seq);
    return chunk ? this.objectList[chunk.objects[seq - chunk.firstSeq]] : undefined;
  }

  actionAt(seq: number): string {
    const chunk = this.chunkOf(seq);
    return chunk ? (this.actionList[chunk.actions[seq - chunk.firstSeq]] ?? '') : '';
  }

  principalAt(seq: number): string {
    const chunk = this.chunkOf(seq);
    return chunk ? (this.principalList[chunk.principals[seq - chunk.firstSeq]] ?? '') : '';
  }

  object(id: string): DiskObject | undefined {
    const ref = this.objectIds.get(id);
    return ref === undefined ? undefined : this.objectList[ref];
  }

  /** The recorded version of the same object just before `seq`, 0 if none. */
  previousSeq(seq: number): number {
    const seqs = this.objectAt(seq)?.seqs;
    if (!seqs) return 0;
    const at = lowerBound(seqs, seq);
    return at > 0 ? seqs[at - 1] : 0;
  }

  /** Visits every recorded event with `from <= seq <= to`, oldest first, from the index alone. */
  forEach(from: number, to: number, visit: (seq: number, object: DiskObject, action: string, principal: string) => void): void {
    for (const chunk of this.chunks) {
      const last = chunk.firstSeq + chunk.count - 1;
      if (last < from) continue;
      if (chunk.firstSeq > to) break;
      const start = Math.max(from, chunk.firstSeq) - chunk.firstSeq;
      const end = Math.min(to, last) - chunk.firstSeq;
      for (let index = start; index <= end; index += 1) {
        visit(
          chunk.firstSeq + index,
          this.objectList[chunk.objects[index]],
          this.actionList[chunk.actions[index]],
          this.principalList[chunk.principals[index]],
        );
      }
    }
  }

  /** Objects with at least one recorded version, in first-recorded order. */
  forEachObject(visit: (object: DiskObject) => void): void {
    for (const object of this.objectList) if (object.seqs.length > 0) visit(object);
  }

  clear(): void {
    this.chunks = [];
    this.objectList.length = 0;
    this.objectIds.clear();
    this.actionList.length = 0;
    this.actionIds.clear();
    this.principalList.length = 0;
    this.principalIds.clear();
    this.events = 0;
    // The recorder keeps its tables across a Clear: their values must be mapped again.
    this.tableMaps = new WeakMap();
    this.epochCount += 1;
  }

  private mapped(table: readonly string[], add: (value: string) => number): number[] {
    let map = this.tableMaps.get(table);
    if (!map) {
      map = [];
      this.tableMaps.set(table, map);
    }
    for (let index = map.length; index < table.length; index += 1) map.push(add(table[index]));
    return map;
  }

  private objectRef(id: string): number {
    let ref = this.objectIds.get(id);
    if (ref === undefined) {
      ref = this.objectList.length;
      const split = id.indexOf('\u0000');
      this.objectList.push({ id, type: id.slice(0, split), key: id.slice(split + 1), seqs: [], facts: null });
      this.objectIds.set(id, ref);
    }
    return ref;
  }

  private ref(list: string[], ids: Map<string, number>, value: string, limit: number): number {
    let ref = ids.get(value);
    if (ref === undefined) {
      if (list.length > limit) return limit;
      ref = list.length;
      list.push(value);
      ids.set(value, ref);
    }
    return ref;
  }
}
