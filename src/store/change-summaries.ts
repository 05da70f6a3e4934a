import { compilePathPattern } from '../lib/path-pattern';
import type { PathPattern } from '../lib/path-pattern';
import type { ChangeValue } from '../lib/change-facts';
import { HUGE_PAYLOAD_CHARS } from '../lib/payload-limits';
import type { EventBuffer } from './event-buffer';
import type { DiffUnavailableReason } from './event-diffs';
import type { EventRecord } from './event-record';

/** What a timeline row says about its event. */
export type ChangeSummary =
  /**
   * `changes` entries against the previous version (or Original); `paths`: the first few ('' is the
   * whole object); `values`: only when one change is shown (a single change, or the change at the
   * `Changed path` filter's path), its before and after.
   */
  | { kind: 'compared'; changes: number; paths: readonly string[]; values?: ChangeValue }
  | { kind: 'first' }
  | { kind: 'evicted' }
  /** A `delete` event: its Object is the deleted object's last state, nothing to compare. */
  | { kind: 'deleted' }
  /** The event is too large to parse for a row; the Diff tab compares it on request. */
  | { kind: 'large-event'; bytes: number }
  /** Pseudo types: a line from the event itself (a log message, a request's status and URL), clipped. */
  | { kind: 'event-text'; text: string }
  | { kind: 'unavailable'; reason: DiffUnavailableReason }
  /** Nothing to say: the event is gone. */
  | { kind: 'none' };

/**
 * What makes a row stand out: a job whose `State` is `failed`, a machine whose `Runnable` turned
 * false in this event, a `delete` event.
 */
export type RowHighlight = 'failed' | 'not-runnable' | 'deleted';

/** Every row of a filtered timeline asks with the same pattern: compile it once (the last few kept). */
const patterns = new Map<string, PathPattern>();

function patternOf(source: string): PathPattern {
  let pattern = patterns.get(source);
  if (!pattern) {
    if (patterns.size >= 16) patterns.clear();
    pattern = compilePathPattern(source);
    patterns.set(source, pattern);
  }
  return pattern;
}

/** A row shows the first few changed paths; the rest are counted. */
const SUMMARY_PATH_LIMIT = 3;

/**
 * A row's summary, read from the changes its header carries (computed where the frame was parsed,
 * connection/version-tracker.ts): no parse and no diff here, so every row has its summary the moment
 * it is on screen, however fast events arrive. With a `Changed path` pattern the summary is about
 * that path: its change, with values.
 */
export function summaryOf(buffer: EventBuffer, seq: number, pathPattern = ''): ChangeSummary {
  const record = buffer.get(seq);
  if (!record) return { kind: 'none' };
  const { changes } = record;
  if (record.bytes > HUGE_PAYLOAD_CHARS || changes.reason === 'large') return { kind: 'large-event', bytes: record.bytes };
  switch (changes.reason) {
    case 'deleted':
      return { kind: 'deleted' };
    case 'pseudo':
      return { kind: 'event-text', text: changes.text ?? '' };
    case 'too-deep':
      return { kind: 'unavailable', reason: 'too-deep' };
    case 'first':
      // The reader had no earlier version (a new connection) and the event no Original.
      return record.prevSeq > 0 && !buffer.get(record.prevSeq) ? { kind: 'evicted' } : { kind: 'first' };
  }
  const paths = changes.paths.slice(0, SUMMARY_PATH_LIMIT);
  if (pathPattern !== '') {
    const pattern = patternOf(pathPattern);
    const value = changes.values.find((candidate) => pattern.touches(candidate.path));
    if (value) return { kind: 'compared', changes: changes.count, paths: [value.path], values: value };
    const path = changes.paths.find((candidate) => pattern.touches(candidate));
    if (path !== undefined) return { kind: 'compared', changes: changes.count, paths: [path] };
  }
  if (changes.count === 1 && changes.values.length === 1) return { kind: 'compared', changes: 1, paths, values: changes.values[0] };
  return { kind: 'compared', changes: changes.count, paths };
}

/** The row's highlight, from its header: the job's state, the machine's `Runnable`, the action. */
export function highlightOf(record: EventRecord): RowHighlight | undefined {
  if (record.action === 'delete') return 'deleted';
  const { facts } = record;
  if (record.type === 'jobs' && facts?.state === 'failed') return 'failed';
  if (record.type === 'machines' && facts?.runnable === false && record.changes.paths.includes('Runnable')) return 'not-runnable';
  return undefined;
}
