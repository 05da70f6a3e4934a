import { useCallback, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ConnectionGap } from '../../store/inspector-state';
import { TimelineRows } from '../../store/timeline-rows';
import type { TimelineView } from '../../store/timeline-view';
import { TimelineGapRow } from './timeline-gap-row';
import { TimelineRow, timelineRowId } from './timeline-row';

/** Fixed row height (timeline.css `.timeline-row`); rows are one line, so no per-row measuring is needed. */
export const ROW_HEIGHT = 26;

interface TimelineListProps {
  view: TimelineView;
  /** TimelineView's version: changes whenever the filtered list changes. */
  version: number;
  /** Disconnected intervals, shown as marker rows between the events (store `gaps`). */
  gaps: readonly ConnectionGap[];
  selectedSeq: number;
  onSelect: (seq: number) => void;
}

/**
 * The virtualized event list (TanStack Virtual chat pattern): keys are seqs, never indexes, so
 * eviction at the front does not change a row's identity; `anchorTo: 'end'` + `followOnAppend`
 * follow the tail while the user is at the bottom, and scrolling up stops following.
 */
export function TimelineList({ view, version, gaps, selectedSeq, onSelect }: TimelineListProps) {
  const scrollerRef = useRef<HTMLDivElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  // Events plus gap markers; rebuilt only when the filtered list or the gaps change.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the mutable view's contents
  const rows = useMemo(() => new TimelineRows(view, gaps), [view, version, gaps]);
  // A new function only when the rows changed, so the virtualizer re-keys exactly then.
  const getItemKey = useCallback((index: number) => rows.keyAt(index), [rows]);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns a mutable instance; TOOLCHAIN.md notes this warning
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey,
    overscan: 12,
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: 2,
    directDomUpdates: true,
    onChange: (instance) => setAtEnd(instance.options.count === 0 || instance.isAtEnd()),
  });

  const moveTo = (index: number): void => {
    if (view.count === 0) return;
    const target = Math.max(0, Math.min(view.count - 1, index));
    onSelect(view.seqAt(target));
    if (rows.rowOfEvent(target) === rows.count - 1) virtualizer.scrollToEnd();
    else virtualizer.scrollToIndex(rows.rowOfEvent(target));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = selectedSeq > 0 ? view.indexOf(selectedSeq) : -1;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(current < 0 ? 0 : current + 1);
        break;
      case 'ArrowUp':
        moveTo(current < 0 ? view.count - 1 : current - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(view.count - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const selectedIndex = selectedSeq > 0 ? view.indexOf(selectedSeq) : -1;
  return (
    <div className="timeline-list">
      <div
        ref={scrollerRef}
        className="timeline-scroller"
        data-testid="timeline-scroller"
        role="listbox"
        aria-label="Events"
        tabIndex={0}
        aria-activedescendant={selectedIndex >= 0 ? timelineRowId(selectedSeq) : undefined}
        onKeyDown={onKeyDown}
      >
        {/* The virtualizer writes this container's height itself (directDomUpdates). */}
        <div ref={virtualizer.containerRef} className="timeline-sizer">
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows.itemAt(item.index);
            if (row.kind === 'gap') {
              return <TimelineGapRow key={item.key} gap={row.gap} index={item.index} rowRef={virtualizer.measureElement} />;
            }
            const seq = row.seq;
            return (
              <TimelineRow
                key={seq}
                seq={seq}
                index={item.index}
                selected={seq === selectedSeq}
                onSelect={onSelect}
                rowRef={virtualizer.measureElement}
              />
            );
          })}
        </div>
      </div>
      {!atEnd && (
        <button type="button" className="timeline-jump" onClick={() => virtualizer.scrollToEnd()}>
          Jump to latest
        </button>
      )}
    </div>
  );
}
