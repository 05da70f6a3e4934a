import { useClientHeight } from '../../lib/use-client-height';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject, UIEvent, WheelEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { isAtEnd, maxScrollTop, scrollTopToReveal } from './row-window';
import type { RowWindow } from './row-window';

type OffsetListener = (offset: number, isScrolling: boolean) => void;

/** Within this many pixels of the end counts as "at the end" (sub-pixel scroll positions). */
const END_THRESHOLD_PX = 2;
/** Rows rendered above the viewport while following the tail. */
const TAIL_OVERSCAN = 4;

export interface FixedRowScroller {
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** Rows to render; row `i` sits at `i × rowHeight`. */
  range: RowWindow;
  totalHeight: number;
  /** Following the tail, or nothing to scroll: "Jump to latest" has nothing to do. */
  atEnd: boolean;
  scrollToEnd(): void;
  /**
   * Stops following and scrolls as little as needed to show row `index` whole: a selected row stays
   * in view until `scrollToEnd` (the user's "Jump to latest" or End).
   */
  reveal(index: number): void;
  onScroll(event: UIEvent<HTMLDivElement>): void;
  onWheel(event: WheelEvent<HTMLDivElement>): void;
  onPointerDown(event: ReactPointerEvent<HTMLDivElement>): void;
}

/**
 * A virtual list of fixed-height rows that follows its tail: at the bottom, appended rows scroll into
 * view; scrolling away stops following; scrolling back to the bottom (or `scrollToEnd`) resumes.
 *
 * TanStack Virtual picks the rows to render, configured for one row height so it never measures a
 * row. Its own follow-tail and its default scroll observer read `scrollHeight` (a forced layout) on
 * every update, which was 16 % of the main thread in a flood (flood profile, docs/architecture.md), so this hook keeps
 * the tail itself: a commit writes `scrollTop` at most once, computed as `count × rowHeight −
 * viewport`, and hands that offset straight to the virtualizer through a custom
 * `observeElementOffset`, so the rows for the new offset render before the frame is painted.
 *
 * While a pointer is down on the list the tail is not followed, so the row under the pointer stays
 * put until the button comes up and the click lands on the row that was pressed (at 2,000 events/s
 * rows used to move between pointerdown and pointerup in 39 of 48 clicks).
 *
 * `anchorIndex` (the selected row, or -1) keeps that row where it is on screen while the tail is not
 * followed: when rows leave the front of the list (ring eviction) its index drops, and the offset
 * drops by as many rows, so the selected row does not drift up and out of view.
 */
export function useFixedRowScroller(
  count: number,
  rowHeight: number,
  overscan: number,
  getItemKey: (index: number) => string | number,
  anchorIndex = -1,
): FixedRowScroller {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const viewport = useClientHeight(scrollerRef);
  /** The virtualizer's offset callback: scroll events and this hook's own writes both feed it. */
  const reportOffset = useRef<OffsetListener | null>(null);
  const [following, setFollowing] = useState(true);
  const [held, setHeld] = useState(false);
  /** The last offset this hook wrote; its own scroll events must not read as the user's. */
  const written = useRef<number | null>(null);
  /** The element's scroll offset as last written or seen (never read back from layout). */
  const lastTop = useRef(0);
  /** "Jump to latest": write the end offset in the next commit even if it looks unchanged. */
  const forceWrite = useRef(false);
  /** The anchor row as of the last commit: its key (identity) and index (position). */
  const anchor = useRef<{ key: string | number; index: number } | null>(null);

  const maxTop = maxScrollTop(count, rowHeight, viewport);
  // A list that fits its viewport is at its end: follow once it grows, as a user would expect.
  // (State adjusted while rendering, React's pattern for state derived from props.)
  if (maxTop === 0 && !following) setFollowing(true);
  const tracking = following && !held;
  // Following the tail there is nothing below the viewport, and rows above it only matter once the
  // user scrolls (which re-renders anyway): a few rows of margin are enough, and each row not
  // rendered is one less to lay out and paint in every list update of a flood.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack's virtualizer keeps mutable state by design (docs/toolchain.md).
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    getItemKey,
    overscan: tracking ? Math.min(overscan, TAIL_OVERSCAN) : overscan,
    observeElementOffset: (instance, report) => observeScrollTop(instance, report, reportOffset),
  });
  const items = virtualizer.getVirtualItems();
  const range: RowWindow = items.length > 0 ? { start: items[0].index, end: items[items.length - 1].index + 1 } : { start: 0, end: 0 };

  useLayoutEffect(() => {
    // Keep the anchor row in place: same row, new index, and the tail not followed.
    const element = scrollerRef.current;
    const previous = anchor.current;
    const key = anchorIndex >= 0 && anchorIndex < count ? getItemKey(anchorIndex) : null;
    anchor.current = key === null ? null : { key, index: anchorIndex };
    if (!element || tracking || key === null || previous?.key !== key || previous.index === anchorIndex) return;
    const next = Math.max(0, Math.min(maxTop, lastTop.current + (anchorIndex - previous.index) * rowHeight));
    if (next === lastTop.current) return;
    written.current = next;
    lastTop.current = next;
    element.scrollTop = next;
    reportOffset.current?.(next, false);
  });

  useLayoutEffect(() => {
    // Follow the tail: at most one scrollTop write per commit, only when the end moved.
    const element = scrollerRef.current;
    if (!element || !tracking || (lastTop.current === maxTop && !forceWrite.current)) return;
    forceWrite.current = false;
    written.current = maxTop;
    lastTop.current = maxTop;
    element.scrollTop = maxTop;
    reportOffset.current?.(maxTop, false);
  });

  // The pointer may leave the list while down; its release anywhere ends the hold.
  useLayoutEffect(() => {
    if (!held) return undefined;
    const release = (): void => setHeld(false);
    globalThis.addEventListener('pointerup', release, true);
    globalThis.addEventListener('pointercancel', release, true);
    return () => {
      globalThis.removeEventListener('pointerup', release, true);
      globalThis.removeEventListener('pointercancel', release, true);
    };
  }, [held]);

  const onScroll = useCallback(
    (event: UIEvent<HTMLDivElement>): void => {
      const element = event.currentTarget;
      const offset = element.scrollTop;
      lastTop.current = offset;
      if (written.current !== null && Math.abs(offset - written.current) < 1) return;
      written.current = null;
      // clientHeight, not the observed viewport: right after a resize the observer may lag a frame.
      setFollowing(isAtEnd(offset, element.clientHeight, count, rowHeight, END_THRESHOLD_PX));
    },
    [count, rowHeight],
  );

  const onWheel = useCallback(
    (event: WheelEvent<HTMLDivElement>): void => {
      // Stop following before the scroll event arrives: a tail write in between would undo the wheel.
      if (event.deltaY < 0 && following && lastTop.current > 0) {
        setFollowing(false);
      }
    },
    [following],
  );

  const onPointerDown = useCallback((event: ReactPointerEvent<HTMLDivElement>): void => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    setHeld(true);
  }, []);

  const scrollToEnd = useCallback((): void => {
    forceWrite.current = true;
    setFollowing(true);
  }, []);

  const reveal = useCallback(
    (index: number): void => {
      const element = scrollerRef.current;
      if (!element) return;
      const next = scrollTopToReveal(index, Math.min(lastTop.current, maxTop), viewport, rowHeight);
      setFollowing(false);
      if (next !== lastTop.current) {
        written.current = next;
        lastTop.current = next;
        element.scrollTop = next;
        reportOffset.current?.(next, false);
      }
    },
    [maxTop, viewport, rowHeight],
  );

  return {
    scrollerRef,
    range,
    totalHeight: count * rowHeight,
    atEnd: following || maxTop === 0,
    scrollToEnd,
    reveal,
    onScroll,
    onWheel,
    onPointerDown,
  };
}

/**
 * The virtualizer's scroll-offset source: `scrollTop` on scroll events, reported as "not scrolling"
 * so the library skips its `scrollHeight` read, plus the callback kept in `sink` for the hook's own
 * writes (which would otherwise reach the virtualizer one scroll event, i.e. one frame, late).
 */
function observeScrollTop(
  instance: Virtualizer<HTMLDivElement, HTMLDivElement>,
  report: OffsetListener,
  sink: { current: OffsetListener | null },
): (() => void) | undefined {
  const element = instance.scrollElement;
  if (!element) return undefined;
  const onScroll = (): void => report(element.scrollTop, false);
  sink.current = report;
  element.addEventListener('scroll', onScroll, { passive: true });
  report(element.scrollTop, false);
  return () => {
    element.removeEventListener('scroll', onScroll);
    if (sink.current === report) sink.current = null;
  };
}
