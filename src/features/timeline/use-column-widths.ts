import { useCallback, useState } from 'react';
import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react';

/** Where the widths live across reloads; layout only, nothing secret. */
export const COLUMN_WIDTHS_STORAGE_KEY = 'drp-inspector.timeline.column-widths';
/** Columns that can be resized: all but the last (Change), which takes what is left. */
export const RESIZABLE_COLUMNS = 5;
const MIN_WIDTH_PX = 40;
const MAX_WIDTH_PX = 800;
/** The Change column after resizing: whatever is left, but never less than this. */
const LAST_COLUMN = 'minmax(5rem, 1fr)';

const clampWidth = (width: number): number => Math.round(Math.max(MIN_WIDTH_PX, Math.min(MAX_WIDTH_PX, width)));

function loadWidths(): number[] | null {
  try {
    const parsed: unknown = JSON.parse(globalThis.localStorage?.getItem(COLUMN_WIDTHS_STORAGE_KEY) ?? 'null');
    if (!Array.isArray(parsed) || parsed.length !== RESIZABLE_COLUMNS) return null;
    return parsed.every((width) => typeof width === 'number' && Number.isFinite(width)) ? parsed.map(clampWidth) : null;
  } catch {
    return null; // storage disabled or a corrupt value: the stylesheet's widths
  }
}

function saveWidths(widths: number[] | null): void {
  try {
    if (widths === null) globalThis.localStorage?.removeItem(COLUMN_WIDTHS_STORAGE_KEY);
    else globalThis.localStorage?.setItem(COLUMN_WIDTHS_STORAGE_KEY, JSON.stringify(widths));
  } catch {
    // Storage full or disabled: the widths last for this page only.
  }
}

export interface ColumnWidths {
  /** Custom properties for the timeline: `--timeline-columns` once the user has resized (timeline.css). */
  style: CSSProperties | undefined;
  resized: boolean;
  /** Pointerdown on column `index`'s handle: drags its right edge. */
  startResize(index: number, event: ReactPointerEvent<HTMLElement>): void;
  /** Back to the stylesheet's widths (double-click on a handle). */
  reset(): void;
}

/**
 * Resizable timeline columns. Until the user drags a handle the stylesheet lays the columns out
 * (rem and fr tracks); the first drag measures the header cells as they are and from then on every
 * resizable column has a pixel width, remembered in localStorage. Header and rows share one grid
 * template through a custom property, so a drag re-lays out the rows without re-rendering them.
 */
export function useColumnWidths(): ColumnWidths {
  const [widths, setWidths] = useState<number[] | null>(loadWidths);

  const startResize = useCallback(
    (index: number, event: ReactPointerEvent<HTMLElement>): void => {
      if (event.button !== 0) return;
      const handle = event.currentTarget;
      const cells = handle.closest('.timeline-header')?.children;
      if (!cells) return;
      event.preventDefault();
      const start =
        widths ??
        Array.from(cells, (cell) => cell.getBoundingClientRect().width)
          .slice(0, RESIZABLE_COLUMNS)
          .map(clampWidth);
      const startX = event.clientX;
      let latest = start;
      handle.setPointerCapture?.(event.pointerId);
      const move = (moveEvent: PointerEvent): void => {
        latest = start.map((width, column) => (column === index ? clampWidth(width + moveEvent.clientX - startX) : width));
        setWidths(latest);
      };
      const end = (): void => {
        handle.removeEventListener('pointermove', move);
        handle.removeEventListener('pointerup', end);
        handle.removeEventListener('pointercancel', end);
        saveWidths(latest);
      };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', end);
      handle.addEventListener('pointercancel', end);
    },
    [widths],
  );

  const reset = useCallback((): void => {
    setWidths(null);
    saveWidths(null);
  }, []);

  const style =
    widths === null
      ? undefined
      : ({ '--timeline-columns': `${widths.map((width) => `${width}px`).join(' ')} ${LAST_COLUMN}` } as CSSProperties);
  return { style, resized: widths !== null, startResize, reset };
}
