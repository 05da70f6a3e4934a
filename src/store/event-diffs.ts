import { diffObjects } from '../lib/json-diff';
import type { DiffEntry } from '../lib/json-diff';
import { maskDiffEntries } from '../lib/mask-secrets';
import { HUGE_PAYLOAD_CHARS } from '../lib/payload-limits';
import { DisplayNames } from './display-names';
import type { EventBuffer } from './event-buffer';

/**
 * Diffs and row summaries derived from the buffer, memoized per seq. Views never diff: the detail
 * pane and the timeline rows ask here (CONTRIBUTING.md, house rule 4). Events never change once
 * buffered and seqs are never reused, so a result computed for a seq stays valid; caches are bounded,
 * not invalidated. Results are codes, not sentences: each feature words them (the detail pane in
 * features/event-detail/diff-status-text.ts, the timeline in features/timeline/change-summary-text.ts).
 */

/** `previous`: vs the previous event of the same Type+Key in the buffer; `original`: vs the event's Original (docs/reference/drp-protocol.md §4.2). */
export type DiffBase = 'previous' | 'original';

/** Why two objects could not be compared: `too-deep`, nested too deeply for the recursive diff. */
export type DiffUnavailableReason = 'too-deep';

export type EventDiff =
  /** `entries` is empty for equal objects. `baseSeq` is the previous event's seq, 0 for Original. */
  | { status: 'compared'; base: DiffBase; baseSeq: number; entries: readonly DiffEntry[] }
  /** No earlier event of this Type+Key since the buffer started (or was cleared). */
  | { status: 'first' }
  /** There was one (`baseSeq`), but the ring dropped it. */
  | { status: 'evicted'; baseSeq: number }
  /** `original` was asked for an event without Original (create, delete, or an older server). */
  | { status: 'no-original' }
  /** The event itself is no longer buffered. */
  | { status: 'missing' }
  /** A `delete` event: its Object is the object as it was when deleted (docs/reference/drp-protocol.md §4.1), nothing to compare. */
  | { status: 'deleted' }
  | { status: 'unavailable'; reason: DiffUnavailableReason };

/** A single change's values, as short previews (`undefined` for the side an added/removed entry lacks). */
export interface ChangeValues {
  change: DiffEntry['kind'];
  before?: string;
  after?: string;
}

/** What a timeline row says about its event. */
export type ChangeSummary =
  /**
   * `changes` entries against Original or the previous version; `paths`: the first few ('' is the
   * whole object); `values`: only when there is exactly one change, its before and after.
   */
  | { kind: 'compared'; changes: number; paths: readonly string[]; values?: ChangeValues }
  | { kind: 'first' }
  | { kind: 'evicted' }
  /** A `delete` event: its Object is the deleted object's last state, nothing to compare. */
  | { kind: 'deleted' }
  /** The event is too large to parse for a row; the Diff tab compares it on request. */
  | { kind: 'large-event'; bytes: number }
  /** The previous version it would be compared with is too large. */
  | { kind: 'large-previous'; bytes: number }
  /** Pseudo types: a line from the event itself (a log message, a request's status and URL), clipped. */
  | { kind: 'event-text'; text: string }
  | { kind: 'unavailable'; reason: DiffUnavailableReason }
  /** Nothing to say: the event is gone, or it has neither Original nor an earlier version to compare. */
  | { kind: 'none' };

/**
 * What makes a row stand out: a job whose `State` is `failed`, a machine whose `Runnable` turned
 * false in this event, a `delete` event.
 */
export type RowHighlight = 'failed' | 'not-runnable' | 'deleted';

const DIFF_CACHE_LIMIT = 32;
/** A value preview in a row: enough for a number, a state, a short name. */
const VALUE_PREVIEW_CHARS = 40;
const SUMMARY_CACHE_LIMIT = 5000;
/** A row shows the first few changed paths; the rest are counted. */
const SUMMARY_PATH_LIMIT = 3;
const SUMMARY_TEXT_LIMIT = 120;

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

function clip(text: string, limit = SUMMARY_TEXT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** `5`, `failed`, `""`, `{…}`: a row shows values, not trees. */
function previewValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : clip(value, VALUE_PREVIEW_CHARS);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[…${value.length}]`;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? '{}' : '{…}';
  return String(value);
}

function changeValues(entry: DiffEntry): ChangeValues {
  const values: ChangeValues = { change: entry.kind };
  if (entry.kind !== 'added') values.before = previewValue(entry.before);
  if (entry.kind !== 'removed') values.after = previewValue(entry.after);
  return values;
}

/**
 * Pseudo types carry a record per event, not successive versions of one object (docs/reference/drp-protocol.md §5),
 * so a diff against the previous one is noise; their row shows what happened instead.
 */
function pseudoTypeText(type: string, object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const fields = object as Record<string, unknown>;
  if (type === 'log' && typeof fields.Message === 'string') return clip(fields.Message);
  if ((type === 'static' || type === 'tftp') && typeof fields.Url === 'string') {
    return clip(`${typeof fields.Status === 'number' ? `${fields.Status} ` : ''}${fields.Url}`);
  }
  return undefined;
}

/** The diff and summary caches of one buffer (one per store, made by its EventReader). */
export class EventDiffs {
  private readonly buffer: EventBuffer;
  private readonly diffs = new BoundedCache<string, EventDiff>(DIFF_CACHE_LIMIT);
  private readonly summaries = new BoundedCache<number, ChangeSummary>(SUMMARY_CACHE_LIMIT);
  /** Highlights found by parsing (failed, not-runnable); computed with the summary, so as lazily. */
  private readonly highlights = new BoundedCache<number, RowHighlight | null>(SUMMARY_CACHE_LIMIT);
  /** Learns names from the objects the summaries parse (display-names.ts). */
  readonly names: DisplayNames;

  constructor(buffer: EventBuffer, names: DisplayNames = new DisplayNames()) {
    this.buffer = buffer;
    this.names = names;
  }

  /**
   * The row's highlight: `deleted` from the header at once; `failed` and `not-runnable` need the
   * parsed object, so they are known once the row's summary is (undefined until then, or if none).
   */
  highlight(seq: number): RowHighlight | undefined {
    const record = this.buffer.get(seq);
    if (!record) return undefined;
    if (record.action === 'delete') return 'deleted';
    return this.highlights.get(seq) ?? undefined;
  }

  /** The diff of event `seq` against `base`; computed once per (seq, base) while it stays cached. */
  diff(seq: number, base: DiffBase): EventDiff {
    // A gone record answers "missing" even if a diff was cached while it was buffered.
    if (!this.buffer.get(seq)) return { status: 'missing' };
    const cacheKey = `${seq}:${base}`;
    let diff = this.diffs.get(cacheKey);
    if (!diff) {
      diff = this.compute(seq, base);
      this.diffs.set(cacheKey, diff);
    }
    return diff;
  }

  /** The row's summary if already computed; undefined means "not yet" (rows compute it lazily). */
  peekChangeSummary(seq: number): ChangeSummary | undefined {
    return this.summaries.get(seq);
  }

  /** The change summary of a timeline row, cached by seq. */
  changeSummary(seq: number): ChangeSummary {
    let summary = this.summaries.get(seq);
    if (summary === undefined) {
      summary = this.computeSummary(seq);
      this.summaries.set(seq, summary);
    }
    return summary;
  }

  /**
   * The recursive diff runs out of stack on pathologically nested input (a hostile frame can nest
   * 100,000 levels); that must cost the user one diff, not the page.
   */
  private compute(seq: number, base: DiffBase): EventDiff {
    try {
      return this.computeUnguarded(seq, base);
    } catch (error) {
      if (error instanceof RangeError) return { status: 'unavailable', reason: 'too-deep' };
      throw error;
    }
  }

  private computeUnguarded(seq: number, base: DiffBase): EventDiff {
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
    const baseSeq = previous.record.seq;
    return { status: 'compared', base, baseSeq, entries: diffObjects(buffer.payloadOf(baseSeq)?.object, buffer.payloadOf(seq)?.object) };
  }

  /** Summaries parse the event and its previous version; for giant frames that waits for the Diff tab. */
  private largeSummary(seq: number): ChangeSummary | undefined {
    const record = this.buffer.get(seq);
    if (!record) return undefined;
    if (record.bytes > HUGE_PAYLOAD_CHARS) return { kind: 'large-event', bytes: record.bytes };
    const previous = record.prevSeq > 0 ? this.buffer.get(record.prevSeq) : undefined;
    if (!record.hasOriginal && previous && previous.bytes > HUGE_PAYLOAD_CHARS) return { kind: 'large-previous', bytes: previous.bytes };
    return undefined;
  }

  /** The one entry of `diff` with its secrets masked, against the objects it compared. */
  private maskedEntry(seq: number, diff: Extract<EventDiff, { status: 'compared' }>): DiffEntry {
    const payload = this.buffer.payloadOf(seq);
    const before = diff.base === 'original' ? payload?.original : this.buffer.payloadOf(diff.baseSeq)?.object;
    return maskDiffEntries(diff.entries.slice(0, 1), before, payload?.object)[0];
  }

  private computeSummary(seq: number): ChangeSummary {
    const record = this.buffer.get(seq);
    if (!record) return { kind: 'none' };
    const large = this.largeSummary(seq);
    if (large !== undefined) return large;
    if (record.action === 'delete') {
      this.learnFromObject(seq, []);
      return { kind: 'deleted' };
    }
    if (record.type === 'log' || record.type === 'static' || record.type === 'tftp') {
      const text = pseudoTypeText(record.type, this.buffer.payloadOf(seq)?.object);
      if (text !== undefined) return { kind: 'event-text', text };
    }
    // Original is the exact "before" of this operation; the previous buffered event may be older.
    // Not through the diff cache: scrolling through rows must not push out the detail pane's diff.
    const diff = this.compute(seq, record.hasOriginal ? 'original' : 'previous');
    this.learnFromObject(seq, diff.status === 'compared' ? diff.entries : []);
    switch (diff.status) {
      case 'compared': {
        // Only paths and short previews are kept: 5,000 cached summaries must not hold the diffed trees.
        const summary: ChangeSummary = {
          kind: 'compared',
          changes: diff.entries.length,
          paths: diff.entries.slice(0, SUMMARY_PATH_LIMIT).map((entry) => entry.path),
        };
        // A row has no reveal toggle: a changed Secret reads `•••••••• → ••••••••` there.
        if (diff.entries.length === 1) summary.values = changeValues(this.maskedEntry(seq, diff));
        return summary;
      }
      case 'first':
        return { kind: 'first' };
      case 'evicted':
        return { kind: 'evicted' };
      case 'unavailable':
        return { kind: 'unavailable', reason: diff.reason };
      default:
        return { kind: 'none' };
    }
  }

  /** The summary has just parsed the event (payloads are cached): take its name and highlight. */
  private learnFromObject(seq: number, entries: readonly DiffEntry[]): void {
    const record = this.buffer.get(seq);
    let object: unknown;
    try {
      object = this.buffer.payloadOf(seq)?.object;
    } catch (error) {
      if (error instanceof RangeError) return; // nested too deeply to parse: no name, no highlight
      throw error;
    }
    if (!record || typeof object !== 'object' || object === null) return;
    this.names.noteObject(record.type, record.key, object);
    const fields = object as Record<string, unknown>;
    let highlight: RowHighlight | null = null;
    if (record.type === 'jobs' && fields.State === 'failed') highlight = 'failed';
    else if (record.type === 'machines' && entries.some((entry) => entry.path === 'Runnable' && entry.after === false)) {
      highlight = 'not-runnable';
    }
    this.highlights.set(seq, highlight);
  }
}
