/**
 * Scroll geometry of a list whose rows all have the same height. With one height every position is
 * arithmetic (`index × rowHeight`), so the list never measures a row and never reads the scroller's
 * `scrollHeight`: under a flood those layout reads were most of the main thread's time (issue 4
 * profile: per-row `offsetHeight` 21-26 %, `scrollHeight` for follow-tail 16 %).
 */

/** Rows to render, `start` inclusive, `end` exclusive. */
export interface RowWindow {
  start: number;
  end: number;
}

/** The scroll offset that shows the last row at the bottom (0 when everything fits). */
export function maxScrollTop(count: number, rowHeight: number, viewportHeight: number): number {
  return Math.max(0, count * rowHeight - viewportHeight);
}

/** The rows that intersect the viewport at `scrollTop`, plus `overscan` rows on each side. */
export function visibleRows(scrollTop: number, viewportHeight: number, count: number, rowHeight: number, overscan: number): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.min(Math.max(0, scrollTop), maxScrollTop(count, rowHeight, viewportHeight));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** Whether a viewport at `scrollTop` shows the end of the list, within `threshold` pixels. */
export function isAtEnd(scrollTop: number, viewportHeight: number, count: number, rowHeight: number, threshold: number): boolean {
  return scrollTop + viewportHeight >= count * rowHeight - threshold;
}

/**
 * The smallest scroll change that shows row `index` whole: unchanged when it already is, else the
 * row lands at the nearer edge (what keyboard navigation in a list box does).
 */
export function scrollTopToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  if (rowBottom > scrollTop + viewportHeight) return Math.max(0, rowBottom - viewportHeight);
  return scrollTop;
}
