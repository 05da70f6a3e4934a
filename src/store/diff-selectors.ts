import { formatBytes } from '../lib/format-bytes';
import { diffObjects, summarizeDiff } from '../lib/json-diff';
import type { DiffEntry } from '../lib/json-diff';
import { HUGE_PAYLOAD_CHARS } from '../lib/payload-limits';
import type { InspectorStore } from './inspector-state';
import { getEventObject, getEventOriginal, getRecord, previousVersion } from './read-helpers';

/**
 * Diffs derived from the buffer, memoized per store and seq. Views never diff: the detail pane and
 * the timeline rows ask here (CONTRIBUTING.md, house rule 4). Events never change once buffered and seqs are never
 * reused, so a result computed for a seq stays valid; caches are bounded, not invalidated.
 */

/** `previous`: vs the previous event of the same Type+Key in the buffer; `original`: vs the event's Original (docs/reference/drp-protocol.md §4.2). */
export type DiffBase = 'previous' | 'original';

export type EventDiff =
  /** `entries` is empty for equal objects ("no changes"). `baseSeq` is the previous event's seq, 0 for Original. */
  | { status: 'compared'; base: DiffBase; baseSeq: number; entries: readonly DiffEntry[] }
  /** No earlier event of this Type+Key since the buffer started (or was cleared). */
  | { status: 'first' }
  /** There was one (`baseSeq`), but the ring dropped it. */
  | { status: 'evicted'; baseSeq: number }
  /** `original` was asked for an event without Original (create, delete, or an older server). */
  | { status: 'no-original' }
  /** The event itself is no longer buffered. */
  | { status: 'missing' }
  /** The objects could not be compared (nested too deeply for the recursive diff). */
  | { status: 'unavailable'; reason: string };

const DIFF_CACHE_LIMIT = 32;
const SUMMARY_CACHE_LIMIT = 5000;

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

interface StoreCaches {
  diffs: BoundedCache<string, EventDiff>;
  summaries: BoundedCache<number, string>;
}

const cachesByStore = new WeakMap<InspectorStore, StoreCaches>();

function cachesOf(store: InspectorStore): StoreCaches {
  let caches = cachesByStore.get(store);
  if (!caches) {
    caches = { diffs: new BoundedCache(DIFF_CACHE_LIMIT), summaries: new BoundedCache(SUMMARY_CACHE_LIMIT) };
    cachesByStore.set(store, caches);
  }
  return caches;
}

/**
 * The recursive diff runs out of stack on pathologically nested input (a hostile frame can nest
 * 100,000 levels); that must cost the user one diff, not the page.
 */
function computeDiff(store: InspectorStore, seq: number, base: DiffBase): EventDiff {
  try {
    return computeDiffUnguarded(store, seq, base);
  } catch (error) {
    if (error instanceof RangeError) return { status: 'unavailable', reason: 'nested too deeply to compare' };
    throw error;
  }
}

function computeDiffUnguarded(store: InspectorStore, seq: number, base: DiffBase): EventDiff {
  const record = getRecord(store, seq);
  if (!record) return { status: 'missing' };
  if (base === 'original') {
    if (!record.hasOriginal) return { status: 'no-original' };
    return { status: 'compared', base, baseSeq: 0, entries: diffObjects(getEventOriginal(store, seq), getEventObject(store, seq)) };
  }
  const previous = previousVersion(store, seq);
  if (!previous || previous.status === 'first') return { status: 'first' };
  if (previous.status === 'evicted') return { status: 'evicted', baseSeq: previous.seq };
  const baseSeq = previous.record.seq;
  return { status: 'compared', base, baseSeq, entries: diffObjects(getEventObject(store, baseSeq), getEventObject(store, seq)) };
}

/** The diff of event `seq` against `base`; computed once per (seq, base) while it stays cached. */
export function selectEventDiff(store: InspectorStore, seq: number, base: DiffBase): EventDiff {
  // A gone record answers "missing" even if a diff was cached while it was buffered.
  if (!getRecord(store, seq)) return { status: 'missing' };
  const caches = cachesOf(store);
  const cacheKey = `${seq}:${base}`;
  let diff = caches.diffs.get(cacheKey);
  if (!diff) {
    diff = computeDiff(store, seq, base);
    caches.diffs.set(cacheKey, diff);
  }
  return diff;
}

const SUMMARY_TEXT_LIMIT = 120;

function clip(text: string): string {
  return text.length > SUMMARY_TEXT_LIMIT ? `${text.slice(0, SUMMARY_TEXT_LIMIT - 1)}…` : text;
}

/**
 * Pseudo types carry a record per event, not successive versions of one object (docs/reference/drp-protocol.md §5),
 * so a diff against the previous one is noise; their row shows what happened instead.
 */
function pseudoTypeSummary(type: string, object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const fields = object as Record<string, unknown>;
  if (type === 'log' && typeof fields.Message === 'string') return clip(fields.Message);
  if ((type === 'static' || type === 'tftp') && typeof fields.Url === 'string') {
    return clip(`${typeof fields.Status === 'number' ? `${fields.Status} ` : ''}${fields.Url}`);
  }
  return undefined;
}

/** Summaries parse the event and its previous version; for giant frames that waits for the Diff tab. */
function hugeSummary(store: InspectorStore, seq: number): string | undefined {
  const record = getRecord(store, seq);
  if (!record) return undefined;
  if (record.bytes > HUGE_PAYLOAD_CHARS) return `large event (${formatBytes(record.bytes)}): see the Diff tab`;
  const previous = record.prevSeq > 0 ? getRecord(store, record.prevSeq) : undefined;
  if (!record.hasOriginal && previous && previous.bytes > HUGE_PAYLOAD_CHARS) {
    return `previous version is large (${formatBytes(previous.bytes)}): see the Diff tab`;
  }
  return undefined;
}

function computeSummary(store: InspectorStore, seq: number): string {
  const record = getRecord(store, seq);
  if (!record) return '';
  const huge = hugeSummary(store, seq);
  if (huge !== undefined) return huge;
  if (record.type === 'log' || record.type === 'static' || record.type === 'tftp') {
    const text = pseudoTypeSummary(record.type, getEventObject(store, seq));
    if (text !== undefined) return text;
  }
  // Original is the exact "before" of this operation; the previous buffered event may be older.
  // Not through the diff cache: scrolling through rows must not push out the detail pane's diff.
  const diff = computeDiff(store, seq, record.hasOriginal ? 'original' : 'previous');
  switch (diff.status) {
    case 'compared':
      return summarizeDiff(diff.entries);
    case 'first':
      return 'first version seen';
    case 'evicted':
      return 'previous version evicted';
    case 'unavailable':
      return diff.reason;
    default:
      return '';
  }
}

/** The row's summary if already computed; undefined means "not yet" (rows compute it lazily). */
export function peekChangeSummary(store: InspectorStore, seq: number): string | undefined {
  return cachesOf(store).summaries.get(seq);
}

/** The short change summary of a timeline row, cached by seq. */
export function changeSummaryOf(store: InspectorStore, seq: number): string {
  const caches = cachesOf(store);
  let summary = caches.summaries.get(seq);
  if (summary === undefined) {
    summary = computeSummary(store, seq);
    caches.summaries.set(seq, summary);
  }
  return summary;
}
