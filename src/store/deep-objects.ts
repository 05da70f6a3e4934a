import type { DiskObject } from './disk-index';
import type { ObjectEntry } from './object-index';
import { lowerBound } from '../lib/sorted-search';

/** How many of a disk object's versions are older than the ring (those the ring does not hold). */
export function versionsBelow(object: DiskObject, ringFirst: number): number {
  return lowerBound(object.seqs, ringFirst);
}

/**
 * One object as the timeline reaches it: its versions in the ring and those on disk older than the
 * ring (the deep window). `buffered` counts both, `newestSeq` is the newest of either. A fresh
 * object each call when the disk adds to it, so compare entries by `id`, not identity.
 */
export function deepEntryOf(ring: ObjectEntry | undefined, disk: DiskObject | undefined, ringFirst: number): ObjectEntry | undefined {
  const onDisk = disk ? versionsBelow(disk, ringFirst) : 0;
  if (onDisk === 0) return ring;
  const newestOnDisk = disk!.seqs[onDisk - 1];
  const inRing = ring?.buffered ?? 0;
  return {
    id: disk!.id,
    type: disk!.type,
    key: disk!.key,
    newestSeq: inRing > 0 ? ring!.newestSeq : newestOnDisk,
    seen: Math.max(ring?.seen ?? 0, inRing + onDisk),
    buffered: inRing + onDisk,
    facts: (inRing > 0 ? ring!.facts : null) ?? disk!.facts ?? ring?.facts ?? null,
  };
}
