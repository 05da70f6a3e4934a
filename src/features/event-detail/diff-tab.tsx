import { useState } from 'react';
import { useEventReader, useInspectorStore } from '../../store/store-context';
import { CopyJsonPatchButton } from './copy-json-patch-button';
import { DiffCompareNote } from './diff-compare-note';
import { DiffEntryItem } from './diff-entry-item';
import { DiffOptions } from './diff-options';
import { DiffSideBySide } from './diff-side-by-side';
import { diffContextText, diffStatusText } from './diff-status-text';
import { ObjectTab } from './object-tab';
import { useDetailDiff } from './use-detail-diff';
import type { ChosenBase } from './use-detail-diff';

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
 * buffer; when the server sent Original (update/save, docs/reference/drp-protocol.md §4.2) also against that;
 * with a Compare base chosen in History, against that version (older or newer). A delete has
 * nothing to compare: it says so and shows the object as it was deleted. Secrets in the changed
 * values are masked unless revealed; changes under `Ignore paths` are counted and hidden unless
 * asked for. Giant events (with their previous version) reach it only through the large-payload gate.
 */
export function DiffTab({ seq, hasOriginal, bytes, masked }: DiffTabProps) {
  const events = useEventReader();
  const compareBaseSeq = useInspectorStore((state) => (state.view.compareBaseSeq === seq ? 0 : state.view.compareBaseSeq));
  const layout = useInspectorStore((state) => state.view.diffLayout);
  const ignorePaths = useInspectorStore((state) => state.view.ignorePaths);
  const { select, setView } = useInspectorStore((state) => state.actions);
  // null until the user picks a base: then "vs previous" when the buffer holds a previous version,
  // else "vs Original", so an object's first event in the buffer still shows what its save changed.
  const [chosenBase, setBase] = useState<ChosenBase | null>(null);
  const [showIgnored, setShowIgnored] = useState(false);
  const previousStatus = events.diff(seq, 'previous').status;
  const defaultBase: ChosenBase = hasOriginal && previousStatus !== 'compared' ? 'original' : 'previous';
  const base: ChosenBase = hasOriginal ? (chosenBase ?? defaultBase) : 'previous';
  const { diff, before, after, entries, ignored } = useDetailDiff(events, seq, base, compareBaseSeq, masked, ignorePaths);
  const listed = showIgnored ? entries : entries.filter((entry) => !ignored.has(entry));
  const comparing = compareBaseSeq > 0;
  const choose = (next: ChosenBase): void => {
    setBase(next);
    if (comparing) setView({ compareBaseSeq: 0 });
  };

  return (
    <div className="detail-diff">
      {comparing && <DiffCompareNote baseSeq={compareBaseSeq} seq={seq} onClear={() => setView({ compareBaseSeq: 0 })} />}
      {(hasOriginal || comparing) && (
        <div className="detail-diff__bases" role="group" aria-label="Compare with">
          <button type="button" aria-pressed={!comparing && base === 'previous'} onClick={() => choose('previous')}>
            vs previous
          </button>
          {hasOriginal && (
            <button type="button" aria-pressed={!comparing && base === 'original'} onClick={() => choose('original')}>
              vs Original
            </button>
          )}
        </div>
      )}
      <DiffOptions />
      <p className="detail-diff__status">
        <span data-testid="diff-status" data-status={diff.status}>
          {diffStatusText(diff)}
        </span>{' '}
        <span className="detail-diff__context">{diffContextText(diff)}</span>
        {ignored.size > 0 && (
          <>
            {' · '}
            <span data-testid="diff-ignored-count">{ignored.size} ignored</span>{' '}
            <button type="button" aria-pressed={showIgnored} onClick={() => setShowIgnored(!showIgnored)}>
              {showIgnored ? 'Hide ignored' : 'Show ignored'}
            </button>
          </>
        )}
        {diff.status === 'compared' && diff.base === 'previous' && (
          <button type="button" className="detail-diff__goto" onClick={() => select(diff.baseSeq)}>
            Show previous event
          </button>
        )}{' '}
        <CopyJsonPatchButton before={before} after={after} available={diff.status === 'compared'} masked={masked} />
      </p>
      {listed.length > 0 &&
        (layout === 'side-by-side' ? (
          <DiffSideBySide entries={listed.slice(0, MAX_ENTRIES_SHOWN)} ignored={ignored} />
        ) : (
          <ul className="detail-diff__entries">
            {listed.slice(0, MAX_ENTRIES_SHOWN).map((entry, index) => (
              // Paths are unique within one diff except for the root entry; index breaks the tie.
              <DiffEntryItem key={`${entry.kind}:${entry.path}:${index}`} entry={entry} ignored={ignored.has(entry)} />
            ))}
          </ul>
        ))}
      {listed.length > MAX_ENTRIES_SHOWN && (
        <p className="detail-diff__more">{listed.length - MAX_ENTRIES_SHOWN} more changes not shown (see the Raw tab).</p>
      )}
      {diff.status === 'deleted' && <ObjectTab seq={seq} bytes={bytes} masked={masked} />}
    </div>
  );
}
