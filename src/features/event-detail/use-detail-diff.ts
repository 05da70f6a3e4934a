import { useMemo } from 'react';
import type { DiffEntry } from '../../lib/json-diff';
import { maskDiffEntries } from '../../lib/mask-secrets';
import { compilePathPatterns, positionalPath } from '../../lib/path-pattern';
import type { EventDiff } from '../../store/event-diffs';
import type { EventReader } from '../../store/event-reader';
import { useInspectorStore } from '../../store/store-context';

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

function pickDiff(events: EventReader, seq: number, base: ChosenBase, compareBaseSeq: number): EventDiff {
  return compareBaseSeq > 0 ? events.diffBetween(compareBaseSeq, seq) : events.diff(seq, base);
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
  // A base on disk (the deep window) is read back meanwhile: diff again once it is readable. The
  // diffs are cached in the store, so asking on every store update costs a lookup.
  const settled = useInspectorStore(() => pickDiff(events, seq, base, compareBaseSeq).status !== 'reading');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `settled` stands for the base read back
  const diff = useMemo(() => pickDiff(events, seq, base, compareBaseSeq), [events, seq, base, compareBaseSeq, settled]);
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
