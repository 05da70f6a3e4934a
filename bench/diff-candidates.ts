/**
 * The diff candidates compared by diff-bench.ts, each producing our DiffEntry format so that the
 * measured time includes what an adapter over the library would have to do.
 */
import { create } from 'jsondiffpatch';
import type { Delta } from 'jsondiffpatch';
import microdiff from 'microdiff';
import { IDENTITY_FIELDS, identityFieldOf } from '../src/lib/array-identity';
import { diffObjects } from '../src/lib/json-diff';
import type { DiffEntry } from '../src/lib/json-diff';
import { formatPath } from '../src/lib/json-path';
import type { PathPart } from '../src/lib/json-path';
import { isPlainObject } from '../src/protocol/plain-object';

export interface DiffCandidate {
  name: string;
  /** The library call alone, for the "raw" column. */
  raw(before: unknown, after: unknown): unknown;
  /** The library call plus conversion to DiffEntry[]. */
  diff(before: unknown, after: unknown): DiffEntry[];
}

type Json = Record<string, unknown> | unknown[];

function identityOf(item: unknown): string | undefined {
  if (!isPlainObject(item)) return undefined;
  for (const field of IDENTITY_FIELDS) {
    const value = item[field];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') return `${field}=${String(value)}`;
  }
  return undefined;
}

// objectHash: identity where DRP objects have one, else the position (jsondiffpatch docs, arrays.md).
const patcher = create({
  objectHash: (item: object, index?: number) => identityOf(item) ?? `$$index:${String(index)}`,
  arrays: { detectMove: false },
  cloneDiffValues: false,
});

/** Walks a jsondiffpatch delta next to the two values, to name array items by identity. */
function convertDelta(
  delta: Delta,
  before: unknown,
  after: unknown,
  parts: PathPart[],
  segments: (string | number)[],
  out: DiffEntry[],
): void {
  if (delta === undefined) return;
  const emit = (kind: DiffEntry['kind'], b: unknown, a: unknown): void => {
    const entry: DiffEntry = { path: formatPath(parts), segments: segments.slice(), kind };
    if (kind !== 'added') entry.before = b;
    if (kind !== 'removed') entry.after = a;
    out.push(entry);
  };
  if (Array.isArray(delta)) {
    if (delta.length === 1) emit('added', undefined, delta[0]);
    else if (delta.length === 2) emit('changed', delta[0], delta[1]);
    else if (delta[2] === 0) emit('removed', delta[0], undefined);
    return; // moves (3) are off; text diffs (2) need diff-match-patch, not configured
  }
  if ('_t' in delta && delta._t === 'a') {
    const beforeArray = Array.isArray(before) ? before : [];
    const afterArray = Array.isArray(after) ? after : [];
    const field = identityFieldOf(beforeArray, afterArray);
    const partFor = (item: unknown, index: number): PathPart =>
      field !== undefined ? { kind: 'id', field, value: (item as Record<string, string>)[field] } : { kind: 'index', index };
    for (const key of Object.keys(delta)) {
      if (key === '_t') continue;
      const child = (delta as unknown as Record<string, Delta>)[key];
      const removedSide = key.startsWith('_');
      const index = Number(removedSide ? key.slice(1) : key);
      const item = removedSide ? beforeArray[index] : afterArray[index];
      const match =
        field !== undefined && !removedSide
          ? beforeArray.find((candidate) => (candidate as Record<string, unknown>)[field] === (item as Record<string, unknown>)[field])
          : beforeArray[index];
      parts.push(partFor(item, index));
      segments.push(index);
      convertDelta(child, match, removedSide ? undefined : item, parts, segments, out);
      parts.pop();
      segments.pop();
    }
    return;
  }
  for (const [key, child] of Object.entries(delta as Record<string, Delta>)) {
    parts.push({ kind: 'key', key });
    segments.push(key);
    convertDelta(
      child,
      isPlainObject(before) ? before[key] : undefined,
      isPlainObject(after) ? after[key] : undefined,
      parts,
      segments,
      out,
    );
    parts.pop();
    segments.pop();
  }
}

function microdiffToEntries(before: unknown, after: unknown): DiffEntry[] {
  return microdiff(before as Json, after as Json).map((change) => {
    const parts: PathPart[] = change.path.map((segment) =>
      typeof segment === 'number' ? { kind: 'index', index: segment } : { kind: 'key', key: segment },
    );
    const base = { path: formatPath(parts), segments: change.path };
    if (change.type === 'CREATE') return { ...base, kind: 'added', after: change.value };
    if (change.type === 'REMOVE') return { ...base, kind: 'removed', before: change.oldValue };
    return { ...base, kind: 'changed', before: change.oldValue, after: change.value };
  });
}

export const candidates: readonly DiffCandidate[] = [
  {
    name: 'hand-written (src/lib/json-diff.ts)',
    raw: diffObjects,
    diff: diffObjects,
  },
  {
    name: 'jsondiffpatch 0.7 (objectHash)',
    raw: (before, after) => patcher.diff(before, after),
    diff: (before, after) => {
      const out: DiffEntry[] = [];
      convertDelta(patcher.diff(before, after), before, after, [], [], out);
      return out;
    },
  },
  {
    name: 'microdiff 1.6',
    raw: (before, after) => microdiff(before as Json, after as Json),
    diff: microdiffToEntries,
  },
];
