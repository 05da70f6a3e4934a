import { useMemo, useSyncExternalStore } from 'react';
import type { ObjectVersions } from '../../store/object-history';
import { useEventReader, useInspectorStore } from '../../store/store-context';

/**
 * Every buffered version of the object `seq` belongs to, newest first, kept live: it re-reads when
 * that object gains or loses a version (a new save, an eviction), not on every flush, so a flood of
 * other objects does not re-render History. Also re-renders when display names are learned.
 */
export function useObjectVersions(seq: number): ObjectVersions | undefined {
  const events = useEventReader();
  // Run on every store update (each flush bumps `revision`); a string of the object's counters is
  // equal (Object.is) between flushes that did not touch it, so those do not re-render.
  const objectState = useInspectorStore(() => {
    const entry = events.objectOf(seq);
    return entry ? `${entry.newestSeq}:${entry.buffered}:${entry.seen}` : '';
  });
  return useMemo(() => (objectState === '' ? undefined : events.versions(seq)), [events, seq, objectState]);
}

/** Re-renders the caller when a machine or job name is learned (names show in principals). */
export function useDisplayNamesVersion(): number {
  const { displayNames } = useEventReader();
  return useSyncExternalStore(displayNames.subscribe, displayNames.getVersion);
}
