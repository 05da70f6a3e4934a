import { compilePathPattern, positionalPath } from '../lib/path-pattern';
import type { PathSegments } from '../lib/path-pattern';
import { versionsBelow } from './deep-objects';
import type { EventBuffer } from './event-buffer';
import type { EventRecord } from './event-record';
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
  /**
   * Older versions on disk not read back yet (the deep window): the walk stopped at the first of
   * them. Read these (EventReader.readBack) and ask again; empty when the blame is complete.
   */
  reading: readonly number[];
}

/**
 * What Blame needs of an older version: kept by the caller for versions read back from disk, so a
 * walk through hundreds of them does not depend on their chunks staying cached.
 */
export type VersionChange = Pick<EventRecord, 'action' | 'changes'>;

/** Versions read back from disk per round of a blame that reaches past the ring. */
const BLAME_READ_BACK = 40;

export const BLAME_LEAF_LIMIT = 5000;

/**
 * Every version of the object `seq` belongs to (not only those before `seq`): the ring's, along
 * the `prevSeq` chain, then those recorded to disk before the ring (the deep window), from the
 * disk index without reading them.
 */
export function versionsOf(buffer: EventBuffer, seq: number): ObjectVersions | undefined {
  const object = buffer.objectOf(seq);
  if (!object) return undefined;
  const seqs: number[] = [];
  const ringFirst = buffer.firstSeq;
  for (let at = object.newestSeq; at >= ringFirst;) {
    const record = buffer.get(at);
    if (!record) break;
    seqs.push(at);
    at = record.prevSeq;
  }
  const disk = buffer.disk.index.object(object.id);
  if (disk) for (let index = versionsBelow(disk, ringFirst) - 1; index >= 0; index -= 1) seqs.push(disk.seqs[index]);
  return { object, seqs, evicted: Math.max(0, object.seen - seqs.length) };
}

/** The next older or newer version of the same object, or undefined at either end. */
export function adjacentVersion(buffer: EventBuffer, seq: number, direction: 'older' | 'newer'): number | undefined {
  const versions = versionsOf(buffer, seq);
  const index = versions?.seqs.indexOf(seq) ?? -1;
  if (index < 0) return undefined;
  return versions?.seqs[direction === 'older' ? index + 1 : index - 1];
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
  known: ReadonlyMap<number, VersionChange> = new Map(),
): Blame | undefined {
  const versions = versionsOf(buffer, seq);
  if (!versions) return undefined;
  const older = versions.seqs.slice(versions.seqs.indexOf(seq));
  const { leaves, truncated } = leavesOf(object, BLAME_LEAF_LIMIT);
  const blamed: BlameLeaf[] = leaves.map(({ segments, value }) => ({ path: positionalPath(segments), segments, value, changedSeq: 0 }));
  let open = blamed.map((leaf) => ({ leaf, pattern: compilePathPattern(leaf.path) }));
  const oldest = older[older.length - 1];
  let newer = seq;
  for (const [at, versionSeq] of older.entries()) {
    if (open.length === 0) break;
    const record = buffer.get(versionSeq) ?? known.get(versionSeq);
    if (!record && buffer.reading(versionSeq)) {
      return { seq, leaves: blamed, truncated, reading: older.slice(at, at + BLAME_READ_BACK) };
    }
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
  return { seq, leaves: blamed, truncated, reading: [] };
}
