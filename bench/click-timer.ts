/**
 * Times "select an event → its diff is on screen" inside the page: from the pointerdown's own
 * timestamp (so time queued behind a busy main thread counts) until the detail pane shows
 * `diff-status` for the pressed row's seq, and until the frame after that has been produced.
 * The row is the one under the pointerdown, which is what the user pressed (the app selects on a
 * mouse pointerdown); whether the click that follows lands on the same row is recorded too.
 */
import type { Page } from '@playwright/test';

export interface ClickSample {
  seq: number;
  /** pointerdown → diff-status of that seq in the DOM. */
  domMs: number;
  /** pointerdown → the task after the next animation frame (≈ painted). */
  paintMs: number;
  /** The click (pointerup) landed on another row or none: the row moved under the pointer. */
  moved: boolean;
}

interface Press {
  seq: string;
  moved: boolean;
  sample?: ClickSample;
}

interface ClickTimerState {
  /** The press being timed, until its sample is taken. */
  pending: Press | null;
  /** The latest press on a row: its click may come before or after the sample. */
  lastPress: Press | null;
  samples: ClickSample[];
}

declare global {
  interface Window {
    __clickTimer?: ClickTimerState;
  }
}

export async function installClickTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__clickTimer) return;
    const state: ClickTimerState = { pending: null, lastPress: null, samples: [] };
    window.__clickTimer = state;
    const found = (seq: string): boolean =>
      document.querySelector(`section[aria-label="Event detail"][data-seq="${seq}"] [data-testid="diff-status"]`) !== null;
    const rowSeq = (target: EventTarget | null): string | undefined =>
      (target as Element | null)?.closest<HTMLElement>('[data-testid="timeline-row"]')?.dataset.seq;
    window.addEventListener(
      'pointerdown',
      (event) => {
        state.pending = null;
        const seq = rowSeq(event.target);
        if (!seq || found(seq)) return; // not a row, or already selected: nothing to time
        const start = event.timeStamp;
        const pending: Press = { seq, moved: false };
        state.pending = pending;
        state.lastPress = pending;
        const finish = (): void => {
          observer.disconnect();
          const domAt = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              pending.sample = { seq: Number(seq), domMs: domAt - start, paintMs: performance.now() - start, moved: pending.moved };
              state.samples.push(pending.sample);
              if (state.pending === pending) state.pending = null;
            }, 0),
          );
        };
        const observer = new MutationObserver(() => {
          if (found(seq)) finish();
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-seq'] });
      },
      true,
    );
    window.addEventListener(
      'click',
      (event) => {
        const press = state.lastPress;
        if (!press || rowSeq(event.target) === press.seq) return;
        press.moved = true;
        if (press.sample) press.sample.moved = true;
      },
      true,
    );
  });
}

/** Clicks at (x, y) and waits for the sample; null when the point held no unselected row or it timed out. */
export async function clickAndTime(page: Page, x: number, y: number, timeoutMs = 5000): Promise<ClickSample | null> {
  const before = await page.evaluate(() => window.__clickTimer!.samples.length);
  await page.mouse.click(x, y);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const state = await page.evaluate(() => ({ n: window.__clickTimer!.samples.length, pending: window.__clickTimer!.pending !== null }));
    if (state.n > before) return page.evaluate((i) => window.__clickTimer!.samples[i], before);
    if (!state.pending) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}
