import { compilePathPattern } from '../lib/path-pattern';
import type { PathPattern } from '../lib/path-pattern';
import type { SummaryToWord } from '../lib/change-summary-words';
import { HUGE_PAYLOAD_CHARS } from '../lib/payload-limits';
import type { EventBuffer } from './event-buffer';
import type { HeaderRecord } from './disk-tier';

/** What a timeline row says about its event: the shape its words are written for (lib/change-summary-words.ts). */
export type ChangeSummary = SummaryToWord;

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
  const record = buffer.header(seq);
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
      return record.prevSeq > 0 && !buffer.header(record.prevSeq) && !buffer.disk.index.has(record.prevSeq)
        ? { kind: 'evicted' }
        : { kind: 'first' };
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
export function highlightOf(record: HeaderRecord): RowHighlight | undefined {
  if (record.action === 'delete') return 'deleted';
  const { facts } = record;
  if (record.type === 'jobs' && facts?.state === 'failed') return 'failed';
  if (record.type === 'machines' && facts?.runnable === false && record.changes.paths.includes('Runnable')) return 'not-runnable';
  return undefined;
}
