import { act, renderHook } from '@testing-library/react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFixedRowScroller } from '../../../../src/features/timeline/use-fixed-row-scroller';

const ROW = 26;
const VIEWPORT = 260;

/**
 * A scroller element with injected sizes (jsdom lays nothing out) and a spied `scrollTop` setter,
 * so a test sees exactly which offsets the hook writes.
 */
function scrollerElement(): { element: HTMLDivElement; writes: ReturnType<typeof vi.fn> } {
  const element = document.createElement('div');
  let top = 0;
  const writes = vi.fn((value: number) => {
    top = value;
  });
  Object.defineProperty(element, 'clientHeight', { configurable: true, get: () => VIEWPORT });
  Object.defineProperty(element, 'scrollTop', { configurable: true, get: () => top, set: writes });
  document.body.append(element);
  return { element, writes };
}

function mouseDown(): ReactPointerEvent<HTMLDivElement> {
  return { pointerType: 'mouse', button: 0 } as ReactPointerEvent<HTMLDivElement>;
}

/** Mounts the hook on `element` (the ref is set before the hook's layout effects run). */
function mountScroller(element: HTMLDivElement, count: number) {
  return renderHook(
    ({ rows }: { rows: number }) => {
      const scroller = useFixedRowScroller(rows, ROW, 10, (index) => index);
      if (scroller.scrollerRef.current !== element) scroller.scrollerRef.current = element;
      return scroller;
    },
    { initialProps: { rows: count } },
  );
}

const endOffset = (rows: number): number => rows * ROW - VIEWPORT;

afterEach(() => {
  document.body.replaceChildren();
});

describe('useFixedRowScroller', () => {
  it('follows the tail: each grown total is written once as count × rowHeight − viewport', () => {
    const { element, writes } = scrollerElement();
    const { rerender } = mountScroller(element, 5);
    rerender({ rows: 100 });
    expect(writes).toHaveBeenLastCalledWith(endOffset(100));
    const callsAt100 = writes.mock.calls.length;
    rerender({ rows: 100 });
    expect(writes.mock.calls.length).toBe(callsAt100);
    rerender({ rows: 150 });
    expect(writes).toHaveBeenLastCalledWith(endOffset(150));
  });

  it('holds still while a mouse button is down on the list, and follows again on release', () => {
    const { element, writes } = scrollerElement();
    const { result, rerender } = mountScroller(element, 100);
    expect(writes).toHaveBeenLastCalledWith(endOffset(100));

    act(() => result.current.onPointerDown(mouseDown()));
    writes.mockClear();
    rerender({ rows: 200 });
    rerender({ rows: 300 });
    expect(writes).not.toHaveBeenCalled();
    expect(element.scrollTop).toBe(endOffset(100));
    // Still following (not scrolled away): "Jump to latest" has nothing to offer.
    expect(result.current.atEnd).toBe(true);

    // Released anywhere (the pointer may have left the list): the tail is followed again.
    act(() => {
      globalThis.dispatchEvent(new Event('pointerup'));
    });
    expect(writes).toHaveBeenLastCalledWith(endOffset(300));
  });

  it('a pointercancel also ends the hold', () => {
    const { element, writes } = scrollerElement();
    const { result, rerender } = mountScroller(element, 100);
    act(() => result.current.onPointerDown(mouseDown()));
    rerender({ rows: 120 });
    act(() => {
      globalThis.dispatchEvent(new Event('pointercancel'));
    });
    expect(writes).toHaveBeenLastCalledWith(endOffset(120));
  });

  it('a right-button press does not hold the list', () => {
    const { element, writes } = scrollerElement();
    const { result, rerender } = mountScroller(element, 100);
    act(() => result.current.onPointerDown({ pointerType: 'mouse', button: 2 } as ReactPointerEvent<HTMLDivElement>));
    rerender({ rows: 140 });
    expect(writes).toHaveBeenLastCalledWith(endOffset(140));
  });

  it('scrolling away stops following; scrollToEnd resumes it', () => {
    const { element, writes } = scrollerElement();
    const { result, rerender } = mountScroller(element, 100);
    act(() => {
      element.scrollTop = 0;
      result.current.onScroll({ currentTarget: element } as unknown as Parameters<typeof result.current.onScroll>[0]);
    });
    writes.mockClear();
    rerender({ rows: 200 });
    expect(writes).not.toHaveBeenCalled();
    expect(result.current.atEnd).toBe(false);
    act(() => result.current.scrollToEnd());
    expect(writes).toHaveBeenLastCalledWith(endOffset(200));
    expect(result.current.atEnd).toBe(true);
  });
});

describe('useFixedRowScroller: a revealed (selected) row stays in view', () => {
  it('reveal stops following, even for the newest row; scrollToEnd follows again', () => {
    const { element, writes } = scrollerElement();
    const { result, rerender } = mountScroller(element, 100);
    act(() => result.current.reveal(99));
    writes.mockClear();
    rerender({ rows: 200 });
    expect(writes).not.toHaveBeenCalled();
    expect(result.current.atEnd).toBe(false);
    act(() => result.current.scrollToEnd());
    expect(writes).toHaveBeenLastCalledWith(endOffset(200));
  });

  it('a press that reveals the pressed row holds the list after the release too', () => {
    const { element, writes } = scrollerElement();
    const { result, rerender } = mountScroller(element, 100);
    writes.mockClear();
    act(() => {
      result.current.onPointerDown(mouseDown());
      result.current.reveal(95);
    });
    rerender({ rows: 150 });
    act(() => {
      globalThis.dispatchEvent(new Event('pointerup'));
    });
    rerender({ rows: 160 });
    expect(element.scrollTop).toBe(endOffset(100));
    expect(writes).not.toHaveBeenCalled();
  });

  it('keeps the anchor row in place when rows leave the front of the list', () => {
    const { element } = scrollerElement();
    // Row keys stand for seqs: after `evicted` rows left the front, index i holds key i + evicted.
    const { result, rerender } = renderHook(
      ({ rows, evicted, anchor }: { rows: number; evicted: number; anchor: number }) => {
        const scroller = useFixedRowScroller(rows, ROW, 10, (index) => index + evicted, anchor);
        if (scroller.scrollerRef.current !== element) scroller.scrollerRef.current = element;
        return scroller;
      },
      { initialProps: { rows: 100, evicted: 0, anchor: 95 } },
    );
    act(() => result.current.reveal(95));
    const before = element.scrollTop;
    // 30 rows evicted, 30 appended: the anchored row (key 95) is now at index 65.
    rerender({ rows: 100, evicted: 30, anchor: 65 });
    expect(element.scrollTop).toBe(before - 30 * ROW);
    expect(65 * ROW - element.scrollTop).toBe(95 * ROW - before);
  });
});
