/**
 * Scroll geometry of a list whose rows all have the same height. With one height every position is
 * arithmetic (`index × rowHeight`), so the list never measures a row and never reads the scroller's
 * `scrollHeight`: under a flood those layout reads were most of the main thread's time (flood
 * profile, docs/architecture.md: per-row `offsetHeight` 21-26 %, `scrollHeight` for follow-tail 16 %).
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
