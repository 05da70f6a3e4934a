import { useCallback, useRef, useState } from 'react';
import { useClientHeight } from '../../lib/use-client-height';
import type { RefObject, UIEvent } from 'react';

/** Before the scroller is laid out (and in jsdom, which lays nothing out): render this much. */
const UNMEASURED_VIEWPORT_PX = 800;

export interface RowWindow {
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** Rows to render, `start` inclusive, `end` exclusive; row `i` sits at `i × rowHeight`. */
  start: number;
  end: number;
  onScroll(event: UIEvent<HTMLDivElement>): void;
  /** Scrolls as little as needed to show row `index` whole. */
  reveal(index: number): void;
}

/**
 * The rows of a fixed-height list that are in view, from the scroll offset and the viewport height
 * alone: arithmetic, no row is measured, so 10,000 rows scroll as cheaply as 10. `offsetPx` is
 * what sits above the first row inside the scroller (a sticky header).
 */
export function useRowWindow(count: number, rowHeight: number, overscan: number, offsetPx: number): RowWindow {
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const viewport = useClientHeight(scrollerRef);
  const [scrollTop, setScrollTop] = useState(0);

  const height = viewport > 0 ? viewport : UNMEASURED_VIEWPORT_PX;
  const top = Math.max(0, scrollTop - offsetPx);
  const start = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const end = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);

  const reveal = useCallback(
    (index: number) => {
      const element = scrollerRef.current;
      if (!element) return;
      const rowTop = offsetPx + index * rowHeight;
      // The sticky header covers the top `offsetPx` of the viewport.
      if (rowTop - offsetPx < element.scrollTop) element.scrollTop = rowTop - offsetPx;
      else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) element.scrollTop = rowTop + rowHeight - element.clientHeight;
    },
    [rowHeight, offsetPx],
  );

  return {
    scrollerRef,
    start,
    end: Math.max(start, end),
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
    reveal,
  };
}
