import { useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';

/** Arrow keys move the separator by this much; with Shift, four times as far. */
const KEY_STEP_PX = 16;

interface PaneSeparatorProps {
  label: string;
  /** The width of the pane to the separator's right, in px. */
  value: number;
  min: number;
  max: number;
  /** Called while dragging and per key press, with a width already within [min, max]. */
  onResize: (width: number) => void;
}

/**
 * The handle between the timeline and the detail pane: a focusable WAI-ARIA window splitter. Drag
 * it, or focus it and press Left/Right (the detail pane grows to the left), Home/End for its
 * narrowest/widest. The value is the detail pane's width.
 */
export function PaneSeparator({ label, value, min, max, onResize }: PaneSeparatorProps) {
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);
  const clamp = (width: number): number => Math.round(Math.min(max, Math.max(min, width)));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step = event.shiftKey ? KEY_STEP_PX * 4 : KEY_STEP_PX;
    let next: number;
    if (event.key === 'ArrowLeft') next = value + step;
    else if (event.key === 'ArrowRight') next = value - step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    else return;
    event.preventDefault();
    onResize(clamp(next));
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    // Captured, so the drag goes on when the pointer leaves the thin handle.
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: value };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (!drag.current) return;
    onResize(clamp(drag.current.startWidth + drag.current.startX - event.clientX));
  };
  const endDrag = (): void => {
    drag.current = null;
  };

  return (
    <div
      className="pane-separator"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
    />
  );
}
