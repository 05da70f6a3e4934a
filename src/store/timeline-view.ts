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
}

export function storeTimelineSource(events: EventReader): TimelineSource {
  return {
    range: () => events.seqRange(),
    forEach: (from, to, visit) => events.forEachRecord(from, to, visit),
    changedPaths: (seq) => events.changedPaths(seq),
  };
}

/** Below this many dropped entries at the front we just move `start`; above it we copy. */
const COMPACT_THRESHOLD = 4096;

export class TimelineView {
  private readonly source: TimelineSource;
  private filter: TimelineFilter;
  private compiled: CompiledTimelineFilter;
  /** Matching seqs, ascending; the live part is `seqs[start..]`. */
  private seqs: number[] = [];
  private start = 0;
  /** Highest seq already tested against the filter. */
  private scannedTo = 0;
  private first = 1;
  private last = 0;
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
    return this.seqs.length - this.start;
  }

  /** Number of events in the visible range before filtering (M). */
  get total(): number {
    return Math.max(0, this.last - this.first + 1);
  }

  get error(): string | null {
    return this.compiled.error;
  }

  get currentFilter(): TimelineFilter {
    return this.filter;
  }

  seqAt(index: number): number {
    return this.seqs[this.start + index];
  }

  /** Index of `seq` among the shown events, or -1 (binary search: seqs are ascending). */
  indexOf(seq: number): number {
    let lo = this.start;
    let hi = this.seqs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.seqs[mid];
      if (value === seq) return mid - this.start;
      if (value < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** How many shown events have a seq <= `seq` (binary search); where a marker after `seq` goes. */
  rankOf(seq: number): number {
    let lo = this.start;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid] <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo - this.start;
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
    const { first, last } = this.source.range();
    let changed = first !== this.first || last !== this.last;
    const { seqs } = this;
    while (this.start < seqs.length && seqs[this.start] < first) this.start += 1;
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
    if (changed) this.changed();
  }

  private compile(filter: TimelineFilter): CompiledTimelineFilter {
    const { source } = this;
    return compileTimelineFilter(filter, source.changedPaths ? (seq) => source.changedPaths!(seq) : undefined);
  }

  private rescan(): void {
    const { first, last } = this.source.range();
    this.seqs = [];
    this.start = 0;
    this.first = first;
    this.last = last;
    this.scan(first, last);
    this.scannedTo = last;
  }

  private scan(from: number, to: number): void {
    const { compiled, seqs } = this;
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
