import { useMemo } from 'react';
import type { DiffEntry } from '../../lib/json-diff';
import { maskDiffEntries } from '../../lib/mask-secrets';
import { compilePathPatterns, positionalPath } from '../../lib/path-pattern';
import type { EventDiff } from '../../store/event-diffs';
import type { EventReader } from '../../store/event-reader';

/** The Diff tab's own bases; a History `Compare` base comes from the store's view. */
export type ChosenBase = 'previous' | 'original';

export interface DetailDiff {
  diff: EventDiff;
  /** The two objects compared (for masking and the JSON Patch); undefined unless compared. */
  before: unknown;
  after: unknown;
  /** Every entry, masked unless secrets are revealed, in diff order. */
  entries: readonly DiffEntry[];
  /** The entries an `Ignore paths` pattern covers (hidden unless asked for, always counted). */
  ignored: ReadonlySet<DiffEntry>;
}

/**
 * Which diff the tab shows and its entries: against the Compare base when one is set (History),
 * else against the chosen base. The diffs are memoized in the store; this only picks, masks and
 * splits off ignored paths.
 */
export function useDetailDiff(
  events: EventReader,
  seq: number,
  base: ChosenBase,
  compareBaseSeq: number,
  masked: boolean,
  ignorePaths: string,
): DetailDiff {
  const diff = useMemo(
    () => (compareBaseSeq > 0 ? events.diffBetween(compareBaseSeq, seq) : events.diff(seq, base)),
    [events, seq, base, compareBaseSeq],
  );
  const patterns = useMemo(() => compilePathPatterns(ignorePaths), [ignorePaths]);
  return useMemo(() => {
    if (diff.status !== 'compared') return { diff, before: undefined, after: undefined, entries: [], ignored: new Set<DiffEntry>() };
    const before = diff.base === 'original' ? events.original(seq) : events.object(diff.baseSeq);
    const after = events.object(seq);
    const entries = masked ? maskDiffEntries(diff.entries, before, after) : diff.entries;
    const ignored = new Set<DiffEntry>();
    for (const entry of entries) {
      const path = positionalPath(entry.segments);
      if (patterns.some((pattern) => pattern.covers(path))) ignored.add(entry);
    }
    return { diff, before, after, entries, ignored };
  }, [events, seq, diff, masked, patterns]);
}
