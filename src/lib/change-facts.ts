/**
 * What one event changed, computed once where the frame is parsed anyway (the socket worker,
 * connection/version-tracker.ts) and shipped with its header, so the timeline's Change column, the
 * `Changed path` filter, History and Blame read it instead of parsing and diffing on the main
 * thread (docs/architecture.md, "Changed paths at ingest").
 */
import { diffObjects } from './json-diff';
import type { DiffEntry } from './json-diff';
import { clipText } from './clip-text';
import { maskDiffEntries } from './mask-secrets';
import { positionalPath } from './path-pattern';

/** One change as a row shows it: short previews, secrets masked (a row has no reveal toggle). */
export interface ChangeValue {
  path: string;
  change: DiffEntry['kind'];
  before?: string;
  after?: string;
}

/**
 * `previous`: against the previous version of the same Type+Key that this reader received;
 * `original`: against the event's `Original` (no previous version known); `none`: nothing compared,
 * `reason` says why.
 */
export type ChangeBase = 'previous' | 'original' | 'none';
export type NoChangeReason = 'first' | 'deleted' | 'large' | 'too-deep' | 'pseudo';

export interface ChangeFacts {
  base: ChangeBase;
  reason?: NoChangeReason;
  /** Diff entries in all (0: no change). More than `paths.length` means the list was capped. */
  count: number;
  /**
   * Positional paths of the first CHANGED_PATH_LIMIT entries (`Params.bar`, `Tasks[3]`; `""` is the
   * whole object): where the change is in the new version (in the old one for a removal).
   */
  paths: readonly string[];
  /** First path step of every entry (`Params`, `Meta`), complete even when `paths` is capped. */
  roots: readonly string[];
  /** Previews of the first CHANGE_VALUE_LIMIT entries. */
  values: readonly ChangeValue[];
  /** Pseudo types (log, static, tftp): the line the event carries instead of a change. */
  text?: string;
}

/** Paths kept per event: a machine save changes a handful; a re-inventory can change thousands. */
export const CHANGED_PATH_LIMIT = 64;
export const CHANGE_VALUE_LIMIT = 8;
/** A value preview: enough for a number, a state, a short name. */
const VALUE_PREVIEW_CHARS = 40;
const TEXT_LIMIT = 120;

export const NO_CHANGES: ChangeFacts = { base: 'none', reason: 'first', count: 0, paths: [], roots: [], values: [] };

/** `5`, `failed`, `""`, `{…}`: a row shows values, not trees. */
export function previewValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? '""' : clipText(value, VALUE_PREVIEW_CHARS);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[…${value.length}]`;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length === 0 ? '{}' : '{…}';
  return String(value);
}

export function changeValueOf(entry: DiffEntry): ChangeValue {
  const value: ChangeValue = { path: positionalPath(entry.segments), change: entry.kind };
  if (entry.kind !== 'added') value.before = previewValue(entry.before);
  if (entry.kind !== 'removed') value.after = previewValue(entry.after);
  return value;
}

function rootOf(entry: DiffEntry): string {
  const first = entry.segments[0];
  return first === undefined ? '' : String(first);
}

/** The facts of a diff between two versions (the entries come from `diffObjects(before, after)`). */
export function factsOfEntries(entries: readonly DiffEntry[], base: ChangeBase, before: unknown, after: unknown): ChangeFacts {
  const roots = new Set<string>();
  for (const entry of entries) roots.add(rootOf(entry));
  const shown = entries.slice(0, CHANGE_VALUE_LIMIT);
  return {
    base,
    count: entries.length,
    paths: entries.slice(0, CHANGED_PATH_LIMIT).map((entry) => positionalPath(entry.segments)),
    roots: [...roots],
    values: maskDiffEntries(shown, before, after).map(changeValueOf),
  };
}

/**
 * Pseudo types carry a record per event, not successive versions of one object
 * (docs/reference/drp-protocol.md §5), so a diff against the previous one is noise; their row shows
 * what happened instead.
 */
export function pseudoTypeText(type: string, object: unknown): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const fields = object as Record<string, unknown>;
  if (type === 'log' && typeof fields.Message === 'string') return clipText(fields.Message, TEXT_LIMIT);
  if ((type === 'static' || type === 'tftp') && typeof fields.Url === 'string') {
    return clipText(`${typeof fields.Status === 'number' ? `${fields.Status} ` : ''}${fields.Url}`, TEXT_LIMIT);
  }
  return undefined;
}

export const PSEUDO_TYPES: ReadonlySet<string> = new Set(['log', 'static', 'tftp']);

/**
 * Compares two versions; the recursive diff runs out of stack on pathologically nested input (a
 * hostile frame can nest 100,000 levels), which must cost that event its facts, not the reader.
 */
export function compareVersions(before: unknown, after: unknown, base: Exclude<ChangeBase, 'none'>): ChangeFacts {
  try {
    return factsOfEntries(diffObjects(before, after), base, before, after);
  } catch (error) {
    if (error instanceof RangeError) return { ...NO_CHANGES, reason: 'too-deep' };
    throw error;
  }
}
