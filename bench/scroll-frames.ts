/**
 * Scrolling a full buffer (target: frame times while scrolling 100k events): the timeline scroller
 * is driven from requestAnimationFrame, once as a steady fast flick from the top down and once as
 * random jumps (dragging the scrollbar), recording frame intervals and long tasks.
 */
import type { Page } from '@playwright/test';
import { startFrames, stopFrames, armTarget } from './page-probes';
import { frameIntervals, longTaskTotals } from './stats';
import type { IntervalSummary } from './stats';

/** `wheel`: 400 px a frame (~24,000 px/s, a hard mouse-wheel spin); `flick`: 1500 px a frame, a stress case. */
export type ScrollPattern = 'wheel' | 'flick' | 'jumps';

export interface ScrollResult {
  pattern: ScrollPattern;
  seconds: number;
  /** Scroll height of the list, px (rows × row height). */
  scrollHeight: number;
  frames: IntervalSummary;
  longTaskMs: number;
  longestTaskMs: number;
}

/** ~60 rows per frame at 26 px rows: a hard flick. */
const FLICK_PX_PER_FRAME = 1500;
/** ~15 rows per frame. */
const WHEEL_PX_PER_FRAME = 400;

export async function measureScroll(
  page: Page,
  pattern: ScrollPattern,
  seconds: number,
  selector = '[data-testid="timeline-scroller"]',
): Promise<ScrollResult> {
  await armTarget(page, Number.POSITIVE_INFINITY);
  await startFrames(page);
  const window_ = await page.evaluate(
    ([kind, ms, step, scrollerSelector]) =>
      new Promise<{ from: number; to: number; height: number }>((resolve) => {
        const scroller = document.querySelector<HTMLElement>(scrollerSelector);
        if (!scroller) throw new Error(`no scroller ${scrollerSelector}`);
        const origin = performance.timeOrigin;
        scroller.scrollTop = 0;
        let seed = 12345;
        const random = (): number => {
          seed = (seed * 1103515245 + 12345) % 2147483648;
          return seed / 2147483648;
        };
        const from = origin + performance.now();
        let direction = 1;
        const tick = (): void => {
          const max = scroller.scrollHeight - scroller.clientHeight;
          if (kind !== 'jumps') {
            let next = scroller.scrollTop + direction * step;
            if (next >= max || next <= 0) {
              direction = -direction;
              next = Math.max(0, Math.min(max, next));
            }
            scroller.scrollTop = next;
          } else {
            scroller.scrollTop = random() * max;
          }
          if (origin + performance.now() - from < ms) requestAnimationFrame(tick);
          else resolve({ from, to: origin + performance.now(), height: scroller.scrollHeight });
        };
        requestAnimationFrame(tick);
      }),
    [pattern, seconds * 1000, pattern === 'wheel' ? WHEEL_PX_PER_FRAME : FLICK_PX_PER_FRAME, selector] as const,
  );
  const recording = await stopFrames(page);
  const tasks = longTaskTotals(recording.longTasks, window_.from, window_.to);
  return {
    pattern,
    seconds,
    scrollHeight: window_.height,
    frames: frameIntervals(recording.frames, window_.from, window_.to),
    longTaskMs: tasks.totalMs,
    longestTaskMs: tasks.longestMs,
  };
}
