import { useMemo, useState } from 'react';
import { maskDiffEntries } from '../../lib/mask-secrets';
import type { DiffBase as StoreDiffBase } from '../../store/event-diffs';

type DiffBase = Exclude<StoreDiffBase, 'version'>;
import { useEventReader, useInspectorStore } from '../../store/store-context';
import { DiffEntryItem } from './diff-entry-item';
import { diffContextText, diffStatusText } from './diff-status-text';
import { ObjectTab } from './object-tab';

/** Rendering thousands of entries (a replaced inventory) helps nobody; the count is still shown. */
const MAX_ENTRIES_SHOWN = 500;

interface DiffTabProps {
  seq: number;
  hasOriginal: boolean;
  /** The event's frame size (the deleted object's tree opens like the Object tab's). */
  bytes: number;
  masked: boolean;
}

/**
 * The change this event made: by default against the previous event of the same Type+Key in the
 * buffer; when the server sent Original (update/save, docs/reference/drp-protocol.md §4.2) also against that.
 * A delete has nothing to compare: it says so and shows the object as it was deleted. Secrets in the
 * changed values are masked unless revealed. Giant events (with their previous version) reach it only
 * through the large-payload gate.
 */
export function DiffTab({ seq, hasOriginal, bytes, masked }: DiffTabProps) {
  const events = useEventReader();
  const select = useInspectorStore((state) => state.actions.select);
  // null until the user picks a base: then "vs previous" when the buffer holds a previous version,
  // else "vs Original", so an object's first event in the buffer still shows what its save changed.
  const [chosenBase, setBase] = useState<DiffBase | null>(null);
  // Memoized in the store per (seq, base); these only pick cached results.
  const previousDiff = useMemo(() => events.diff(seq, 'previous'), [events, seq]);
  const defaultBase: DiffBase = hasOriginal && previousDiff.status !== 'compared' ? 'original' : 'previous';
  const effectiveBase: DiffBase = hasOriginal ? (chosenBase ?? defaultBase) : 'previous';
  const diff = useMemo(
    () => (effectiveBase === 'previous' ? previousDiff : events.diff(seq, effectiveBase)),
    [events, seq, effectiveBase, previousDiff],
  );
  const entries = useMemo(() => {
    if (diff.status !== 'compared') return [];
    if (!masked) return diff.entries;
    const before = diff.base === 'original' ? events.original(seq) : events.object(diff.baseSeq);
    return maskDiffEntries(diff.entries, before, events.object(seq));
  }, [events, seq, diff, masked]);

  return (
    <div className="detail-diff">
      {hasOriginal && (
        <div className="detail-diff__bases" role="group" aria-label="Compare with">
          <button type="button" aria-pressed={effectiveBase === 'previous'} onClick={() => setBase('previous')}>
            vs previous
          </button>
          <button type="button" aria-pressed={effectiveBase === 'original'} onClick={() => setBase('original')}>
            vs Original
          </button>
        </div>
      )}
      <p className="detail-diff__status">
        <span data-testid="diff-status" data-status={diff.status}>
          {diffStatusText(diff)}
        </span>{' '}
        <span className="detail-diff__context">{diffContextText(diff)}</span>
        {diff.status === 'compared' && diff.base === 'previous' && (
          <button type="button" className="detail-diff__goto" onClick={() => select(diff.baseSeq)}>
            Show previous event
          </button>
        )}
      </p>
      {entries.length > 0 && (
        <ul className="detail-diff__entries">
          {entries.slice(0, MAX_ENTRIES_SHOWN).map((entry, index) => (
            // Paths are unique within one diff except for the root entry; index breaks the tie.
            <DiffEntryItem key={`${entry.kind}:${entry.path}:${index}`} entry={entry} />
          ))}
        </ul>
      )}
      {entries.length > MAX_ENTRIES_SHOWN && (
        <p className="detail-diff__more">{entries.length - MAX_ENTRIES_SHOWN} more changes not shown (see the Raw tab).</p>
      )}
      {diff.status === 'deleted' && <ObjectTab seq={seq} bytes={bytes} masked={masked} />}
    </div>
  );
}
