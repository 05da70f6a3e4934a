import { compilePathPattern, positionalPath } from '../lib/path-pattern';
import type { PathSegments } from '../lib/path-pattern';
import type { EventBuffer } from './event-buffer';
import type { ObjectEntry } from './object-index';

/** The buffered versions of one object, newest first, and how many older ones were evicted. */
export interface ObjectVersions {
  object: ObjectEntry;
  /** Seqs of the buffered versions, newest first. */
  seqs: readonly number[];
  /** Versions seen since the buffer started (or was cleared) that the ring has dropped. */
  evicted: number;
}

/** One leaf of a version's object and the buffered version that last changed it. */
export interface BlameLeaf {
  /** Positional path (`Params.bar`, `Tasks[3]`). */
  path: string;
  segments: PathSegments;
  /** The leaf's value in the blamed version (a primitive, or an empty array/object). */
  value: unknown;
  /** Seq of the newest version at or before the blamed one whose change touched this leaf; 0 = before capture. */
  changedSeq: number;
}

export interface Blame {
  seq: number;
  leaves: readonly BlameLeaf[];
  /** Leaves past BLAME_LEAF_LIMIT are left out (a 1 MB inventory has tens of thousands). */
  truncated: boolean;
}

export const BLAME_LEAF_LIMIT = 5000;

/** Every buffered version of the object `seq` belongs to (not only those before `seq`). */
export function versionsOf(buffer: EventBuffer, seq: number): ObjectVersions | undefined {
  const object = buffer.objectOf(seq);
  if (!object) return undefined;
  const seqs: number[] = [];
  for (let record = buffer.get(object.newestSeq); record; record = record.prevSeq > 0 ? buffer.get(record.prevSeq) : undefined) {
    seqs.push(record.seq);
  }
  return { object, seqs, evicted: object.seen - seqs.length };
}

/** The next older or newer buffered version of the same object, or undefined at either end. */
export function adjacentVersion(buffer: EventBuffer, seq: number, direction: 'older' | 'newer'): number | undefined {
  const record = buffer.get(seq);
  if (!record) return undefined;
  if (direction === 'older') return record.prevSeq > 0 && buffer.get(record.prevSeq) ? record.prevSeq : undefined;
  const versions = versionsOf(buffer, seq);
  const index = versions?.seqs.indexOf(seq) ?? -1;
  return index > 0 ? versions?.seqs[index - 1] : undefined;
}

/** Leaves of a parsed object, depth first in key order; iterative (a hostile object can nest deeply). */
function leavesOf(root: unknown, limit: number): { leaves: { segments: PathSegments; value: unknown }[]; truncated: boolean } {
  const leaves: { segments: PathSegments; value: unknown }[] = [];
  const stack: { value: unknown; segments: (string | number)[] }[] = [{ value: root, segments: [] }];
  while (stack.length > 0) {
    const { value, segments } = stack.pop()!;
    const children = Array.isArray(value)
      ? value.map((child, index) => [index, child] as const)
      : typeof value === 'object' && value !== null
        ? Object.entries(value)
        : [];
    if (children.length === 0) {
      if (leaves.length >= limit) return { leaves, truncated: true };
      leaves.push({ segments, value });
      continue;
    }
    for (let index = children.length - 1; index >= 0; index--)
      stack.push({ value: children[index][1], segments: [...segments, children[index][0]] });
  }
  return { leaves, truncated: false };
}

/**
 * Blame of version `seq`: for each leaf, the newest version (at or before `seq`) whose changed paths
 * touch it (lib/path-pattern.ts: the leaf itself, inside it, or an ancestor replaced). Changed paths
 * come from the headers, so this is index lookups, no diffs; a version whose path list was capped
 * (more than CHANGED_PATH_LIMIT changes) is asked through `fullPaths`, which diffs it once.
 */
export function blameOf(
  buffer: EventBuffer,
  seq: number,
  object: unknown,
  fullPaths: (seq: number) => readonly string[],
): Blame | undefined {
  const versions = versionsOf(buffer, seq);
  if (!versions) return undefined;
  const older = versions.seqs.slice(versions.seqs.indexOf(seq));
  const { leaves, truncated } = leavesOf(object, BLAME_LEAF_LIMIT);
  const blamed: BlameLeaf[] = leaves.map(({ segments, value }) => ({ path: positionalPath(segments), segments, value, changedSeq: 0 }));
  let open = blamed.map((leaf) => ({ leaf, pattern: compilePathPattern(leaf.path) }));
  const oldest = older[older.length - 1];
  let newer = seq;
  for (const versionSeq of older) {
    if (open.length === 0) break;
    const record = buffer.get(versionSeq);
    if (!record) break;
    const { changes } = record;
    // A delete ends the object's life: what the blamed version holds was set from the re-creation on.
    if (record.action === 'delete' && versionSeq !== seq) {
      for (const { leaf } of open) leaf.changedSeq = newer;
      break;
    }
    if (changes.base === 'none' && changes.reason !== 'pseudo') {
      // Nothing says what this version changed (first seen, too large, too deep): every leaf still
      // open had its value from here, unless this is the first buffered version ("before capture").
      if (!(versionSeq === oldest && changes.reason === 'first' && versions.evicted === 0)) {
        for (const { leaf } of open) leaf.changedSeq = versionSeq;
      }
      break;
    }
    newer = versionSeq;
    if (changes.count === 0) continue;
    const paths = changes.count > changes.paths.length ? fullPaths(versionSeq) : changes.paths;
    open = open.filter(({ leaf, pattern }) => {
      if (!paths.some((path) => pattern.touches(path))) return true;
      leaf.changedSeq = versionSeq;
      return false;
    });
  }
  return { seq, leaves: blamed, truncated };
}
