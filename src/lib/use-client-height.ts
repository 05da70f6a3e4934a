import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * An element's `clientHeight`, read once on mount and then in a ResizeObserver callback (layout is
 * clean there, so no forced reflow); 0 until measured, and where nothing is laid out (jsdom). The
 * timeline and the Objects list size their row windows with it.
 */
export function useClientHeight(ref: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    setHeight(element.clientHeight);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
