/**
 * Times "select an event → its diff is on screen" inside the page: from the pointerdown's own
 * timestamp (so time queued behind a busy main thread counts) until the detail pane shows
 * `diff-status` for the clicked row's seq, and until the frame after that has been produced.
 */
import type { Page } from '@playwright/test';

export interface ClickSample {
  seq: number;
  /** pointerdown → diff-status of that seq in the DOM. */
  domMs: number;
  /** pointerdown → the task after the next animation frame (≈ painted). */
  paintMs: number;
}

interface ClickTimerState {
  pending: { seq: string; start: number } | null;
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
    const state: ClickTimerState = { pending: null, samples: [] };
    window.__clickTimer = state;
    const found = (seq: string): boolean =>
      document.querySelector(`section[aria-label="Event detail"][data-seq="${seq}"] [data-testid="diff-status"]`) !== null;
    let downAt = 0;
    // The start is the pointerdown's own timestamp; the row is the one the click lands on (rows
    // move under the pointer while following the tail, and the app selects on click).
    window.addEventListener('pointerdown', (event) => (downAt = event.timeStamp), true);
    window.addEventListener(
      'click',
      (event) => {
        const row = (event.target as Element | null)?.closest<HTMLElement>('[data-testid="timeline-row"]');
        const seq = row?.dataset.seq;
        if (!seq || found(seq)) return; // not a row, or already selected: nothing to time
        const start = downAt || event.timeStamp;
        state.pending = { seq, start };
        const finish = (): void => {
          observer.disconnect();
          const domAt = performance.now();
          requestAnimationFrame(() =>
            setTimeout(() => {
              state.samples.push({ seq: Number(seq), domMs: domAt - start, paintMs: performance.now() - start });
              state.pending = null;
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
