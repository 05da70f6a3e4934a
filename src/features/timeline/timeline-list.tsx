import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent, MouseEvent, PointerEvent } from 'react';
import type { ConnectionGap } from '../../store/connection-gaps';
import { TimelineRows } from '../../store/timeline-rows';
import type { TimelineView } from '../../store/timeline-view';
import { TimelineGapRow } from './timeline-gap-row';
import { TimelineRow, timelineRowId } from './timeline-row';
import { useFixedRowScroller } from './use-fixed-row-scroller';

/** Fixed row height (timeline.css `.timeline-row`, `.timeline-gap`); every position is index × this. */
export const ROW_HEIGHT = 26;
/** Rows rendered beyond each edge of the viewport, so a fast flick does not show blank space first. */
const OVERSCAN = 12;

interface TimelineListProps {
  view: TimelineView;
  /** TimelineView's version: changes whenever the filtered list changes. */
  version: number;
  /** Disconnected intervals, shown as marker rows between the events (store `gaps`). */
  gaps: readonly ConnectionGap[];
  selectedSeq: number;
  onSelect: (seq: number) => void;
  /** The `Changed path` filter's pattern ('' = none): the Change column then shows that path's change. */
  changedPath: string;
}

/** The seq of the event row at or around a DOM target, or 0. */
function seqAt(target: EventTarget | null): number {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-testid="timeline-row"]') : null;
  return row ? Number(row.dataset.seq) : 0;
}

/**
 * The virtualized event list: fixed-height rows keyed by seq (never an index, so eviction at the
 * front does not change a row's identity), following the tail while the user is at the bottom;
 * scrolling up stops following and "Jump to latest" resumes it (use-fixed-row-scroller.ts).
 *
 * A mouse selects on pointerdown, not on click: during a flood the list moves under the pointer, and
 * the row that was pressed is the one the user meant. Touch and keyboard activation select on click.
 *
 * Selecting a row by any means (mouse, touch, keyboard, or another view setting the store's
 * selection) stops following the tail and keeps that row in view, also while the ring evicts rows
 * in front of it, until the user asks for the tail again: "Jump to latest" or End.
 */
export function TimelineList({ view, version, gaps, selectedSeq, onSelect, changedPath }: TimelineListProps) {
  // Events plus gap markers; rebuilt only when the filtered list or the gaps change.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the mutable view's contents
  const rows = useMemo(() => new TimelineRows(view, gaps), [view, version, gaps]);
  const keyOfRow = useCallback((index: number) => rows.keyAt(index), [rows]);
  const selectedIndex = selectedSeq > 0 ? view.indexOf(selectedSeq) : -1;
  const selectedRow = selectedIndex >= 0 ? rows.rowOfEvent(selectedIndex) : -1;
  const {
    scrollerRef,
    range,
    totalHeight,
    atEnd,
    scrollToEnd,
    reveal,
    onScroll,
    onWheel,
    onPointerDown: holdOnPointerDown,
  } = useFixedRowScroller(rows.count, ROW_HEIGHT, OVERSCAN, keyOfRow, selectedRow);
  /** Set when a mouse pointerdown already selected, so its click does not select again. */
  const selectedOnPointerDown = useRef(false);
  /** The last seq this list selected (and revealed) itself; any other selection came from outside. */
  const selectedHere = useRef(0);

  const selectSeq = (seq: number): void => {
    selectedHere.current = seq;
    onSelect(seq);
    const index = view.indexOf(seq);
    if (index >= 0) reveal(rows.rowOfEvent(index));
  };

  const moveTo = (index: number, followTail = false): void => {
    if (view.count === 0) return;
    const target = Math.max(0, Math.min(view.count - 1, index));
    if (!followTail) {
      selectSeq(view.seqAt(target));
      return;
    }
    selectedHere.current = view.seqAt(target);
    onSelect(selectedHere.current);
    scrollToEnd();
  };

  // A selection made elsewhere (the detail pane, another view) is revealed and held like a click.
  useLayoutEffect(() => {
    if (selectedSeq === selectedHere.current) return;
    selectedHere.current = selectedSeq;
    if (selectedRow >= 0) reveal(selectedRow);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new selection reveals; list updates must not
  }, [selectedSeq]);

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
        // End is the keyboard's "Jump to latest": select the newest row and follow the tail again.
        moveTo(view.count - 1, true);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    holdOnPointerDown(event);
    selectedOnPointerDown.current = false;
    if (event.pointerType !== 'mouse' || event.button !== 0) return;
    const seq = seqAt(event.target);
    if (seq > 0) {
      selectedOnPointerDown.current = true;
      selectSeq(seq);
    }
  };

  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    if (selectedOnPointerDown.current) {
      selectedOnPointerDown.current = false;
      return;
    }
    const seq = seqAt(event.target);
    if (seq > 0) selectSeq(seq);
  };

  const items = [];
  for (let index = range.start; index < range.end; index += 1) {
    const item = rows.itemAt(index);
    const top = index * ROW_HEIGHT;
    if (item.kind === 'gap') {
      items.push(<TimelineGapRow key={`gap-${item.gap.id}`} gap={item.gap} index={index} top={top} />);
    } else {
      items.push(
        <TimelineRow key={item.seq} seq={item.seq} index={index} top={top} selected={item.seq === selectedSeq} changedPath={changedPath} />,
      );
    }
  }

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
        onScroll={onScroll}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onClick={onClick}
      >
        <div className="timeline-sizer" style={{ height: totalHeight }}>
          {items}
        </div>
      </div>
      {!atEnd && (
        <button type="button" className="timeline-jump" onClick={scrollToEnd}>
          Jump to latest
        </button>
      )}
    </div>
  );
}
