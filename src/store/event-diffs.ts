import { diffObjects } from '../lib/json-diff';
import type { DiffEntry } from '../lib/json-diff';
import { positionalPath } from '../lib/path-pattern';
import type { EventBuffer } from './event-buffer';

/**
 * Diffs derived from the buffer, memoized per seq. Views never diff: the detail pane asks here
 * (CONTRIBUTING.md, house rule 4); timeline rows read the changes their headers carry
 * (change-summaries.ts). Events never change once buffered and seqs are never reused, so a result
 * computed for a seq stays valid; caches are bounded, not invalidated. Results are codes, not
 * sentences: the detail pane words them (features/event-detail/diff-status-text.ts).
 */

/**
 * `previous`: vs the previous event of the same Type+Key in the buffer; `original`: vs the event's
 * Original (docs/reference/drp-protocol.md §4.2); `version`: vs any other buffered version of the
 * same object (History's `Compare`).
 */
export type DiffBase = 'previous' | 'original' | 'version';

/** Why two objects could not be compared: `too-deep`, nested too deeply for the recursive diff. */
export type DiffUnavailableReason = 'too-deep';

export type EventDiff =
  /** `entries` is empty for equal objects. `baseSeq` is the version compared with, 0 for Original. */
  | { status: 'compared'; base: DiffBase; baseSeq: number; entries: readonly DiffEntry[] }
  /** No earlier event of this Type+Key since the buffer started (or was cleared). */
  | { status: 'first' }
  /** There was one (`baseSeq`), but the ring dropped it. */
  | { status: 'evicted'; baseSeq: number }
  /** It (`baseSeq`) is recorded to disk and being read back: not cached, asked again on the next revision. */
  | { status: 'reading'; baseSeq: number }
  /** `original` was asked for an event without Original (create, delete, or an older server). */
  | { status: 'no-original' }
  /** The event itself (or the chosen base version) is no longer buffered. */
  | { status: 'missing' }
  /** A `delete` event: its Object is the object as it was when deleted (docs/reference/drp-protocol.md §4.1), nothing to compare. */
  | { status: 'deleted' }
  | { status: 'unavailable'; reason: DiffUnavailableReason };

const DIFF_CACHE_LIMIT = 32;
const PATHS_CACHE_LIMIT = 2000;

/** Insertion-ordered Map used as a bounded cache (oldest insert dropped first). */
class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}

/** The diff caches of one buffer (one per store, made by its EventReader). */
export class EventDiffs {
  private readonly buffer: EventBuffer;
  private readonly diffs = new BoundedCache<string, EventDiff>(DIFF_CACHE_LIMIT);
  private readonly fullPaths = new BoundedCache<number, readonly string[]>(PATHS_CACHE_LIMIT);

  constructor(buffer: EventBuffer) {
    this.buffer = buffer;
  }

  /** The diff of event `seq` against `base`; computed once per (seq, base) while it stays cached. */
  diff(seq: number, base: Exclude<DiffBase, 'version'>): EventDiff {
    return this.cached(`${seq}:${base}`, seq, () => this.computeUnguarded(seq, base));
  }

  /**
   * From version `baseSeq` to version `seq` of the same object (either may be the newer: a newer
   * base gives the changes that lead back). `missing` when either left the ring.
   */
  diffBetween(baseSeq: number, seq: number): EventDiff {
    return this.cached(`${seq}:v${baseSeq}`, seq, () => {
      if (!this.buffer.get(baseSeq)) {
        if (!this.buffer.reading(baseSeq)) return { status: 'missing' };
        this.buffer.disk.request(baseSeq);
        return { status: 'reading', baseSeq };
      }
      const entries = diffObjects(this.buffer.payloadOf(baseSeq)?.object, this.buffer.payloadOf(seq)?.object);
      return { status: 'compared', base: 'version', baseSeq, entries };
    });
  }

  /**
   * Every changed path of `seq` (positional), for the rare event whose header list was capped
   * (lib/change-facts.ts CHANGED_PATH_LIMIT): diffed once against the version the header was.
   */
  changedPaths(seq: number): readonly string[] {
    const record = this.buffer.get(seq);
    if (!record) return [];
    if (record.changes.count <= record.changes.paths.length) return record.changes.paths;
    let paths = this.fullPaths.get(seq);
    if (paths === undefined) {
      const base = record.changes.base === 'original' || record.prevSeq === 0 ? 'original' : 'previous';
      const diff = this.diff(seq, base);
      paths = diff.status === 'compared' ? diff.entries.map((entry) => positionalPath(entry.segments)) : record.changes.paths;
      // A base still being read from disk (the deep window) is asked again next time.
      if (diff.status !== 'reading') this.fullPaths.set(seq, paths);
    }
    return paths;
  }

  /**
   * The recursive diff runs out of stack on pathologically nested input (a hostile frame can nest
   * 100,000 levels); that must cost the user one diff, not the page.
   */
  private cached(cacheKey: string, seq: number, compute: () => EventDiff): EventDiff {
    // A gone record answers "missing" even if a diff was cached while it was buffered.
    if (!this.buffer.get(seq)) return { status: 'missing' };
    let diff = this.diffs.get(cacheKey);
    if (!diff) {
      try {
        diff = compute();
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        diff = { status: 'unavailable', reason: 'too-deep' };
      }
      if (diff.status !== 'reading') this.diffs.set(cacheKey, diff);
    }
    return diff;
  }

  private computeUnguarded(seq: number, base: Exclude<DiffBase, 'version'>): EventDiff {
    const { buffer } = this;
    const record = buffer.get(seq);
    if (!record) return { status: 'missing' };
    if (base === 'original') {
      if (!record.hasOriginal) return { status: 'no-original' };
      const payload = buffer.payloadOf(seq);
      return { status: 'compared', base, baseSeq: 0, entries: diffObjects(payload?.original, payload?.object) };
    }
    // Against the previous version a delete reads "no changes" (the Object is the last state); it is the removal that matters.
    if (record.action === 'delete') return { status: 'deleted' };
    const previous = buffer.previousVersion(seq);
    if (!previous || previous.status === 'first') return { status: 'first' };
    if (previous.status === 'evicted') return { status: 'evicted', baseSeq: previous.seq };
    if (previous.status === 'reading') return { status: 'reading', baseSeq: previous.seq };
    const baseSeq = previous.record.seq;
    return { status: 'compared', base, baseSeq, entries: diffObjects(buffer.payloadOf(baseSeq)?.object, buffer.payloadOf(seq)?.object) };
  }
}
