/**
 * Diff of two ~1 MB machine objects (target: ≤ 50 ms, and no main-thread task over 100 ms
 * because of a diff): `diffObjects` from src/lib/json-diff.ts timed in Node and in Chromium (the
 * same source bundled by Vite), plus the app end to end: two successive 1 MB saves of one machine
 * published, the second one clicked, time until its diff is on screen and the longest task meanwhile.
 */
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from '@playwright/test';
import { build } from 'vite';
import type { Rollup } from 'vite';
import type { Simulator } from '../simulator/simulator';
import { diffObjects } from '../src/lib/json-diff';
import type { BenchClient } from './bench-clients';
import { newBenchPage } from './bench-browser';
import { clickAndTime, installClickTimer } from './click-timer';
import { applyProvisioningStep, makeMachine, reparse } from './drp-machine-factory';
import { armTarget, readCount, startFrames, stopFrames } from './page-probes';
import { longTaskTotals, maxOf, median, percentile, sleep } from './stats';

type Machine = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- mutations reach deep into generated objects

export interface MegabytePair {
  before: Machine;
  after: Machine;
  bytes: number;
}

/** Two saves of one machine with a 1 MB inventory and a handful of changes, as a runner would make. */
export function megabytePair(): MegabytePair {
  const before = makeMachine({ seed: 7, inventoryBytes: 1_000_000 }) as Machine;
  const after = reparse(before);
  applyProvisioningStep(after, { upgraded: 1000, removed: 2000 });
  return { before, after, bytes: JSON.stringify(after).length };
}

export interface TimingSummary {
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  entries: number;
}

function summarize(times: number[], entries: number): TimingSummary {
  return { samples: times.length, medianMs: median(times), p95Ms: percentile(times, 95), maxMs: maxOf(times), entries };
}

export function timeDiffInNode(pair: MegabytePair, iterations: number): TimingSummary {
  // Separate parses, as two frames would be: no shared subtrees for the walk to short-circuit on.
  const before = reparse(pair.before);
  const after = reparse(pair.after);
  for (let i = 0; i < 3; i++) diffObjects(before, after);
  const times: number[] = [];
  let entries = 0;
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    entries = diffObjects(before, after).length;
    times.push(performance.now() - start);
  }
  return summarize(times, entries);
}

/** src/lib/json-diff.ts as an IIFE exposing `benchJsonDiff.diffObjects`, built the way the app is. */
async function bundleJsonDiff(): Promise<string> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      emptyOutDir: false,
      lib: { entry: `${root}src/lib/json-diff.ts`, formats: ['iife'], name: 'benchJsonDiff', fileName: 'json-diff' },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const first = Array.isArray(output) ? output[0] : output;
  const chunk = first.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  if (!chunk) throw new Error('vite produced no chunk for src/lib/json-diff.ts');
  return chunk.code;
}

export async function timeDiffInBrowser(browser: Browser, pageUrl: string, pair: MegabytePair, iterations: number): Promise<TimingSummary> {
  const code = await bundleJsonDiff();
  const { context, page } = await newBenchPage(browser);
  try {
    await page.goto(pageUrl);
    await page.addScriptTag({ content: code });
    const result = await page.evaluate(
      ([beforeText, afterText, n]) => {
        const lib = (window as unknown as { benchJsonDiff: { diffObjects(a: unknown, b: unknown): unknown[] } }).benchJsonDiff;
        const before = JSON.parse(beforeText);
        const after = JSON.parse(afterText);
        for (let i = 0; i < 3; i++) lib.diffObjects(before, after);
        const times: number[] = [];
        let entries = 0;
        for (let i = 0; i < n; i++) {
          const start = performance.now();
          entries = lib.diffObjects(before, after).length;
          times.push(performance.now() - start);
        }
        return { times, entries };
      },
      [JSON.stringify(pair.before), JSON.stringify(pair.after), iterations] as const,
    );
    return summarize(result.times, result.entries);
  } finally {
    await context.close();
  }
}

export interface AppDiffResult {
  /** pointerdown → diff-status of the 1 MB event painted. */
  clickToDiffMs: number | null;
  /** Longest main-thread task between the click and the painted diff. */
  longestTaskMs: number;
  entriesShown: number;
}

async function rowBox(page: Page, seq: number) {
  const row = page.locator(`[data-testid="timeline-row"][data-seq="${seq}"]`);
  await row.waitFor({ timeout: 10_000 });
  return row.boundingBox();
}

/**
 * In the app: publish the two saves (the second with the first as `Original`, docs/reference/drp-protocol.md §4.2), open the Diff
 * tab on an earlier event, then click the 1 MB row. The diff shown is against the previous event of
 * the same key, so the page parses two 1 MB frames and diffs them: all of it is timed.
 */
export async function timeDiffInApp(sim: Simulator, client: BenchClient, pair: MegabytePair): Promise<AppDiffResult> {
  const { page } = client;
  const key = String(pair.after.Uuid);
  const baseline = (await readCount(page)).count;
  await armTarget(page, baseline + 3);
  sim.publish({ Type: 'machines', Action: 'update', Key: 'bench-warmup', Object: { Uuid: 'bench-warmup', Name: 'warmup' } });
  sim.publish({ Type: 'machines', Action: 'update', Key: key, Object: pair.before, Original: null });
  sim.publish({ Type: 'machines', Action: 'update', Key: key, Object: pair.after, Original: pair.before });
  const deadline = Date.now() + 15_000;
  while ((await readCount(page)).count < baseline + 3 && Date.now() < deadline) await sleep(50);
  const lastSeq = await page.evaluate(() =>
    Math.max(0, ...[...document.querySelectorAll<HTMLElement>('[data-testid="timeline-row"]')].map((r) => Number(r.dataset.seq))),
  );

  // Open the Diff tab on the small warm-up event so the big click lands on the Diff tab directly.
  const warm = await rowBox(page, lastSeq - 2);
  if (warm) await page.mouse.click(warm.x + warm.width / 2, warm.y + warm.height / 2);
  await page.getByRole('tab', { name: 'Diff' }).click();
  await page.getByTestId('diff-status').waitFor();
  await installClickTimer(page);

  const box = await rowBox(page, lastSeq);
  if (!box) return { clickToDiffMs: null, longestTaskMs: Number.NaN, entriesShown: 0 };
  await armTarget(page, Number.POSITIVE_INFINITY); // resets the long-task list
  await startFrames(page);
  const clickedAt = Date.now();
  const sample = await clickAndTime(page, box.x + box.width / 2, box.y + box.height / 2, 30_000);
  await sleep(200);
  const recording = await stopFrames(page);
  const tasks = longTaskTotals(recording.longTasks, clickedAt - 50, Date.now());
  const entriesShown = await page.getByTestId('diff-entry').count();
  return { clickToDiffMs: sample?.paintMs ?? null, longestTaskMs: tasks.longestMs, entriesShown };
}
