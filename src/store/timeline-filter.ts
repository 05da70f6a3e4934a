import { compilePathPattern } from '../lib/path-pattern';
import type { EventRecord } from './event-record';

/**
 * The timeline's client-side filter: facets, free text, the `Changed path` pattern and the followed
 * object. Plain data (it lives in the store's view state and the page URL, view-state.ts); compiled
 * once per change, then tested against each record.
 */

/** One object by Type and Key (`Follow this object`). */
export interface ObjectRef {
  type: string;
  key: string;
}

export interface TimelineFilter {
  /** Facets: comma-separated alternatives, each a case-insensitive substring; empty = any. */
  type: string;
  action: string;
  key: string;
  principal: string;
  /** Free text searched in the raw frame JSON (so it covers Object and Original too). */
  text: string;
  regex: boolean;
  caseSensitive: boolean;
  /** Inverts the free-text match only; facets still narrow. */
  invert: boolean;
  /**
   * Only events whose change touches this path (`Params.bar`, `Params.*`, `Tasks[3]`;
   * lib/path-pattern.ts), against the previous version or Original; "" = any.
   */
  changedPath: string;
  /** Only the events of this object (`Follow this object`); null = all. */
  object: ObjectRef | null;
}

export const EMPTY_TIMELINE_FILTER: TimelineFilter = {
  type: '',
  action: '',
  key: '',
  principal: '',
  text: '',
  regex: false,
  caseSensitive: false,
  invert: false,
  changedPath: '',
  object: null,
};

export type FilterableRecord = Pick<EventRecord, 'seq' | 'type' | 'action' | 'key' | 'principal' | 'raw' | 'changes'>;

/** Every changed path of an event whose header list was capped (EventReader.changedPaths). */
export type FullChangedPaths = (seq: number) => readonly string[];

export interface CompiledTimelineFilter {
  test(record: FilterableRecord): boolean;
  /** The facets and the followed object alone: what an event recorded to disk is tested by before it is read (the deep window). */
  testIndexed(type: string, key: string, action: string, principal: string): boolean;
  /** Whether free text or `Changed path` is set: a match then needs the event itself, not only its index entry. */
  needsRecord: boolean;
  /** Why the free text could not be used (an invalid regex); the text criterion is then ignored. */
  error: string | null;
  /** False when every record passes. */
  active: boolean;
}

/** A facet's comma-separated alternatives, lower-cased; null when it has none (matches anything). */
export function parseFacet(text: string): string[] | null {
  const alternatives = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  return alternatives.length > 0 ? alternatives : null;
}

/** Whether `value` contains one of the alternatives, case-insensitively (the Objects view uses it too). */
export function facetMatches(alternatives: string[] | null, value: string): boolean {
  if (alternatives === null) return true;
  const lower = value.toLowerCase();
  return alternatives.some((alternative) => lower.includes(alternative));
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileText(filter: TimelineFilter): { match: ((raw: string) => boolean) | null; error: string | null } {
  const { text, regex, caseSensitive } = filter;
  if (text === '') return { match: null, error: null };
  if (!regex && caseSensitive) return { match: (raw) => raw.includes(text), error: null };
  try {
    // No `g` flag: `test` must not carry lastIndex from one record to the next.
    const pattern = new RegExp(regex ? text : escapeRegExp(text), caseSensitive ? '' : 'i');
    return { match: (raw) => pattern.test(raw), error: null };
  } catch (error) {
    // V8 already says "Invalid regular expression: /x(/i: Unterminated group"; avoid saying it twice.
    const reason = (error as Error).message.replace(/^Invalid regular expression:\s*/, '');
    return { match: null, error: `Invalid regular expression: ${reason}` };
  }
}

/**
 * The `Changed path` test. The header's list is complete unless the event changed more than
 * CHANGED_PATH_LIMIT paths; then `roots` (complete) rule most events out and the rest are diffed.
 */
function compileChangedPath(source: string, fullPaths: FullChangedPaths | undefined): ((record: FilterableRecord) => boolean) | null {
  if (source.trim() === '') return null;
  const pattern = compilePathPattern(source);
  return ({ seq, changes }) => {
    if (changes.count === 0) return false;
    if (changes.paths.some((path) => pattern.touches(path))) return true;
    if (changes.count <= changes.paths.length || fullPaths === undefined) return false;
    if (!changes.roots.some((root) => pattern.touches(root))) return false;
    return fullPaths(seq).some((path) => pattern.touches(path));
  };
}

export function compileTimelineFilter(filter: TimelineFilter, fullPaths?: FullChangedPaths): CompiledTimelineFilter {
  const type = parseFacet(filter.type);
  const action = parseFacet(filter.action);
  const key = parseFacet(filter.key);
  const principal = parseFacet(filter.principal);
  const { match, error } = compileText(filter);
  const invert = filter.invert;
  const changed = compileChangedPath(filter.changedPath, fullPaths);
  const object = filter.object;
  const active =
    type !== null || action !== null || key !== null || principal !== null || match !== null || changed !== null || object !== null;
  const testIndexed = (recordType: string, recordKey: string, recordAction: string, recordPrincipal: string): boolean =>
    facetMatches(type, recordType) &&
    facetMatches(action, recordAction) &&
    facetMatches(key, recordKey) &&
    facetMatches(principal, recordPrincipal) &&
    (object === null || (recordType === object.type && recordKey === object.key));
  return {
    error,
    active,
    needsRecord: match !== null || changed !== null,
    testIndexed,
    test: (record) =>
      testIndexed(record.type, record.key, record.action, record.principal) &&
      (changed === null || changed(record)) &&
      (match === null || match(record.raw) !== invert),
  };
}

export function sameFilter(a: TimelineFilter, b: TimelineFilter): boolean {
  return (
    a.type === b.type &&
    a.action === b.action &&
    a.key === b.key &&
    a.principal === b.principal &&
    a.text === b.text &&
    a.regex === b.regex &&
    a.caseSensitive === b.caseSensitive &&
    a.invert === b.invert &&
    a.changedPath === b.changedPath &&
    a.object?.type === b.object?.type &&
    a.object?.key === b.object?.key
  );
}
