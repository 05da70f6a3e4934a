import { lowerBound, upperBound } from '../lib/sorted-search';
import { ColdMatches } from './cold-matches';
import type { ColdSearchProgress, DeepSource } from './cold-matches';
import type { EventRecord } from './event-record';
import type { EventReader } from './event-reader';
import { EMPTY_TIMELINE_FILTER, compileTimelineFilter, sameFilter } from './timeline-filter';
import type { CompiledTimelineFilter, TimelineFilter } from './timeline-filter';

export { EMPTY_TIMELINE_FILTER, compileTimelineFilter } from './timeline-filter';
export type { CompiledTimelineFilter, FilterableRecord, ObjectRef, TimelineFilter } from './timeline-filter';

/**
 * The timeline's client-side filter and the filtered list of seqs it shows, kept up to date
 * incrementally: arriving events are tested once and appended, evicted (or cleared) seqs are dropped
 * from the front, and only a filter change rescans the buffer. Plain TypeScript, no React; the
 * timeline feature binds it with `useSyncExternalStore` (CONTRIBUTING.md, house rule 3: high-frequency data outside React).
 */

/** What the view reads: the visible seq range (it already stops at pausedAtSeq) and the records in it. */
export interface TimelineSource {
  range(): { first: number; last: number };
  forEach(from: number, to: number, visit: (record: EventRecord) => void): void;
  /** Every changed path of an event whose header list was capped (the `Changed path` filter). */
  changedPaths?(seq: number): readonly string[];
  /** The events recorded to disk that the ring no longer holds (`range().first` reaches them). */
  deep?: DeepSource;
}

export function storeTimelineSource(events: EventReader): TimelineSource {
  const { index } = events.disk;
  return {
    range: () => events.seqRange(),
    forEach: (from, to, visit) => events.forEachRecord(from, to, visit),
    changedPaths: (seq) => events.changedPaths(seq),
    deep: {
      ringFirst: () => events.ringFirstSeq,
      has: (seq) => index.has(seq),
      chunkOf: (seq) => index.chunkOf(seq)?.rowId ?? 0,
      count: (from, to) => index.count(from, to),
      epoch: () => index.epoch,
      forEachIndexed: (from, to, visit) =>
        index.forEach(from, to, (seq, object, action, principal) => visit(seq, object.type, object.key, action, principal)),
      record: (seq) => (events.reading(seq) ? undefined : events.record(seq)),
      ensure: (seqs) => events.readBack(seqs),
    },
  };
}

/** Below this many dropped entries at the front we just move `start`; above it we copy. */
const COMPACT_THRESHOLD = 4096;

export class TimelineView {
  private readonly source: TimelineSource;
  private filter: TimelineFilter;
  private compiled: CompiledTimelineFilter;
  /** Matches among the events on disk older than the ring when the filter was set (the deep window). */
  private readonly cold = new ColdMatches();
  /** Matching seqs after those, ascending; the live part is `seqs[start..]`. */
  private seqs: number[] = [];
  private start = 0;
  /** Highest seq already tested against the filter. */
  private scannedTo = 0;
  private first = 1;
  private last = 0;
  private totalCount = 0;
  private diskTotal = 0;
  private ringFirst = 1;
  private epoch = -1;
  private version = 0;
  private readonly listeners = new Set<() => void>();

  constructor(source: TimelineSource, filter: TimelineFilter = EMPTY_TIMELINE_FILTER) {
    this.source = source;
    this.filter = filter;
    this.compiled = this.compile(filter);
    this.rescan();
  }

  /** Number of events shown (N of "N of M events"). */
  get count(): number {
    return this.cold.count + this.seqs.length - this.start;
  }

  /** Number of events in the visible range before filtering (M): on disk and in the ring. */
  get total(): number {
    return this.totalCount;
  }

  /** Of `total`, the events on disk the ring no longer holds (the deep window). */
  get onDisk(): number {
    return this.diskTotal;
  }

  /** How far the search of the events on disk has come (free text, `Changed path`); null when none runs. */
  get diskSearch(): ColdSearchProgress | null {
    return this.cold.progress;
  }

  get error(): string | null {
    return this.compiled.error;
  }

  get currentFilter(): TimelineFilter {
    return this.filter;
  }

  seqAt(index: number): number {
    const coldCount = this.cold.count;
    return index < coldCount ? this.cold.seqAt(index) : this.seqs[this.start + index - coldCount];
  }

  /** Index of `seq` among the shown events, or -1 (binary search: seqs are ascending). */
  indexOf(seq: number): number {
    const coldIndex = this.cold.indexOf(seq);
    if (coldIndex >= 0) return coldIndex;
    const index = this.indexInLive(seq);
    return index < 0 ? -1 : index + this.cold.count;
  }

  private indexInLive(seq: number): number {
    const at = lowerBound(this.seqs, seq, this.start);
    return this.seqs[at] === seq ? at - this.start : -1;
  }

  /** How many shown events have a seq <= `seq` (binary search); where a marker after `seq` goes. */
  rankOf(seq: number): number {
    return this.cold.rankOf(seq) + upperBound(this.seqs, seq, this.start) - this.start;
  }

  /** The visible seq range before filtering, inclusive (empty when `last < first`). */
  get range(): { first: number; last: number } {
    return { first: this.first, last: this.last };
  }

  /** For useSyncExternalStore: changes whenever the list or its counts change. */
  getVersion = (): number => this.version;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setFilter(filter: TimelineFilter): void {
    if (sameFilter(filter, this.filter)) return;
    this.filter = filter;
    this.compiled = this.compile(filter);
    this.rescan();
    this.changed();
  }

  /** Catches up with the source: drops seqs that left the range, tests the new ones. Cheap when idle. */
  sync(): void {
    const { deep } = this.source;
    if (deep && deep.epoch() !== this.epoch) {
      // Recorded events left or another capture was opened: the cold part is rebuilt.
      this.rescan();
      this.changed();
      return;
    }
    const { first, last } = this.source.range();
    let changed = first !== this.first || last !== this.last;
    const { seqs } = this;
    this.cold.dropBelow(first);
    while (this.start < seqs.length && seqs[this.start] < first) this.start += 1;
    if (deep) changed = this.forgetUnrecorded(deep.ringFirst()) || changed;
    // The range can only shrink at the end if the source re-pauses below what we scanned; stay exact.
    while (seqs.length > this.start && seqs[seqs.length - 1] > last) {
      seqs.pop();
      changed = true;
    }
    if (this.start > COMPACT_THRESHOLD && this.start * 2 > seqs.length) {
      this.seqs = seqs.slice(this.start);
      this.start = 0;
    }
    if (last < this.scannedTo) this.scannedTo = last;
    if (last > this.scannedTo) {
      this.scan(Math.max(this.scannedTo + 1, first), last);
      this.scannedTo = last;
    }
    this.first = first;
    this.last = last;
    this.totalCount = this.totalOf(first, last);
    if (changed) this.changed();
  }

  /** Events the ring dropped since the last sync stay listed only if they are on disk. */
  private forgetUnrecorded(ringFirst: number): boolean {
    const from = this.ringFirst;
    this.ringFirst = ringFirst;
    if (ringFirst <= from) return false;
    const { seqs } = this;
    const before = seqs.length;
    // Seqs below `from` were checked at earlier syncs: start at the first one the ring dropped since.
    const lo = lowerBound(seqs, from, this.start);
    let write = lo;
    for (let read = lo; read < seqs.length; read += 1) {
      const seq = seqs[read];
      if (seq >= from && seq < ringFirst && !this.source.deep!.has(seq)) continue;
      if (seq >= ringFirst) {
        // Past the dropped stretch everything is kept: move the rest down in one go.
        if (write !== read) seqs.copyWithin(write, read);
        write += seqs.length - read;
        break;
      }
      seqs[write] = seq;
      write += 1;
    }
    seqs.length = write;
    return seqs.length !== before;
  }

  private totalOf(first: number, last: number): number {
    const { deep } = this.source;
    if (!deep) return Math.max(0, last - first + 1);
    const ringFirst = deep.ringFirst();
    this.diskTotal = deep.count(first, Math.min(last, ringFirst - 1));
    return this.diskTotal + Math.max(0, last - Math.max(first, ringFirst) + 1);
  }

  private compile(filter: TimelineFilter): CompiledTimelineFilter {
    const { source } = this;
    return compileTimelineFilter(filter, source.changedPaths ? (seq) => source.changedPaths!(seq) : undefined);
  }

  private rescan(): void {
    const { first, last } = this.source.range();
    const { deep } = this.source;
    this.seqs = [];
    this.start = 0;
    this.first = first;
    this.last = last;
    this.ringFirst = deep ? deep.ringFirst() : first;
    this.epoch = deep ? deep.epoch() : -1;
    this.cold.rebuild(deep, this.compiled, first, Math.min(last, this.ringFirst - 1), () => this.changed());
    this.scan(Math.max(first, this.ringFirst), last);
    this.scannedTo = last;
    this.totalCount = this.totalOf(first, last);
  }

  private scan(from: number, to: number): void {
    const { compiled, seqs } = this;
    const { deep } = this.source;
    const ringFirst = deep ? deep.ringFirst() : from;
    if (deep && from < ringFirst) {
      // Events the ring dropped before this view saw them (a paused or hidden tab): from the disk index.
      deep.forEachIndexed(from, Math.min(to, ringFirst - 1), (seq, type, key, action, principal) => {
        if (!compiled.active || (!compiled.needsRecord && compiled.testIndexed(type, key, action, principal))) seqs.push(seq);
      });
    }
    if (!compiled.active) {
      this.source.forEach(from, to, (record) => seqs.push(record.seq));
      return;
    }
    this.source.forEach(from, to, (record) => {
      if (compiled.test(record)) seqs.push(record.seq);
    });
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
