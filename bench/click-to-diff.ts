/**
 * Click-to-diff latency during a flood (target: ≤ 100 ms at 2k events/s): with follow-tail
 * on and the Diff tab open, click rows in the moving timeline and time each until the clicked
 * event's diff is painted (click-timer.ts).
 */
import type { Simulator } from '../simulator/simulator';
import type { BenchClient } from './bench-clients';
import { clickAndTime, installClickTimer } from './click-timer';
import type { ClickSample } from './click-timer';
import { armTarget, startFrames, stopFrames } from './page-probes';
import { burstCommand } from './payloads';
import type { BurstResult, Payload } from './payloads';
import { frameIntervals, longTaskTotals, maxOf, percentile, sleep } from './stats';
import type { IntervalSummary } from './stats';

export interface ClickToDiffResult {
  floodRate: number;
  samples: ClickSample[];
  /** Presses on a row whose diff never showed (timed out, or another row got selected). */
  misses: number;
  /** Timed selections whose click (pointerup) landed elsewhere: the row moved under the pointer. */
  moved: number;
  paintP50: number;
  paintP95: number;
  paintMax: number;
  domP50: number;
  frames: IntervalSummary;
  longestTaskMs: number;
}

export interface ClickToDiffOptions {
  rate: number;
  clicks: number;
  payload: Payload;
}

/** Spread over the visible list so consecutive clicks land on different rows. */
const CLICK_FRACTIONS = [0.3, 0.55, 0.8, 0.45, 0.7, 0.2, 0.6, 0.35, 0.75, 0.5];
const SETTLE_BEFORE_CLICKS_MS = 1000;
const GAP_BETWEEN_CLICKS_MS = 250;
const MAX_ATTEMPTS_PER_SAMPLE = 4;
const FLOOD_CHUNK_SECONDS = 1;

export async function measureClickToDiff(sim: Simulator, client: BenchClient, options: ClickToDiffOptions): Promise<ClickToDiffResult> {
  const { page } = client;
  // Rows to click, and the Diff tab selected once (the detail pane remembers the tab).
  await sim.control(burstCommand(options.payload, 2000, 0.2));
  const scroller = page.getByTestId('timeline-scroller');
  await page.locator('[data-testid="timeline-row"]').first().waitFor();
  await page.locator('[data-testid="timeline-row"]').last().click();
  await page.getByRole('tab', { name: 'Diff' }).click();
  await page.getByTestId('diff-status').waitFor();
  // Back to the tail: clicking a row must not be what stops follow-tail for the rest of the run.
  await scroller.press('End');
  await installClickTimer(page);

  await armTarget(page, Number.POSITIVE_INFINITY);
  await startFrames(page);
  // Back-to-back short bursts until the clicks are done (a burst cannot be stopped early).
  let clicking = true;
  const floodWindow = { from: 0, to: 0 };
  const flood = (async () => {
    while (clicking) {
      const burst = (await sim.control(burstCommand(options.payload, options.rate, FLOOD_CHUNK_SECONDS))) as BurstResult;
      floodWindow.from ||= burst.firstSendAt;
      floodWindow.to = burst.lastSendAt;
    }
  })();
  await sleep(SETTLE_BEFORE_CLICKS_MS);
  const box = await scroller.boundingBox();
  if (!box) throw new Error('timeline scroller not visible');
  const samples: ClickSample[] = [];
  let misses = 0;
  // A press whose row never shows its diff (another row selected, or nothing) is a miss, as the
  // user sees it, and is tried again elsewhere.
  for (let attempt = 0; samples.length < options.clicks && attempt < options.clicks * MAX_ATTEMPTS_PER_SAMPLE; attempt++) {
    const fraction = CLICK_FRACTIONS[attempt % CLICK_FRACTIONS.length];
    const sample = await clickAndTime(page, box.x + box.width / 2, box.y + box.height * fraction);
    if (sample) samples.push(sample);
    else misses++;
    await sleep(GAP_BETWEEN_CLICKS_MS);
  }
  clicking = false;
  await flood;
  const recording = await stopFrames(page);
  const paint = samples.map((s) => s.paintMs);
  return {
    floodRate: options.rate,
    samples,
    misses,
    moved: samples.filter((sample) => sample.moved).length,
    paintP50: percentile(paint, 50),
    paintP95: percentile(paint, 95),
    paintMax: maxOf(paint),
    domP50: percentile(
      samples.map((s) => s.domMs),
      50,
    ),
    frames: frameIntervals(recording.frames, floodWindow.from, floodWindow.to),
    longestTaskMs: longTaskTotals(recording.longTasks, floodWindow.from, floodWindow.to).longestMs,
  };
}
