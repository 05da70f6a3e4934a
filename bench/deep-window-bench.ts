/**
 * The deep window's targets (docs/architecture.md, "The deep window"): a capture of a million
 * ~0.9 KB machine events recorded live to the browser's database, then, after a reload:
 * - first rows painted ≤ 1 s (from the navigation's start);
 * - a jump to any point (the scroller moved to a fraction of the list) and that event's diff ≤ 200 ms;
 * - History of an object whose versions are spread over the whole capture ≤ 300 ms;
 * - renderer memory no larger than with a 50,000-event ring of the same events;
 * - bytes on disk per event ≤ 0.5× the raw JSON.
 * Recording while live ingest stays ≥ 0.9× the worker page is the `app-recording` ladder (run.ts).
 */
import type { Browser, Page } from '@playwright/test';
import type { Simulator } from '../simulator/simulator';
import { connectionCounters, openAppClient } from './bench-clients';
import type { BenchClient } from './bench-clients';
import { fillBuffer } from './buffer-fill';
import { memoryPoint } from './memory-per-event';
import { readCount, watchDomCounter } from './page-probes';
import { MACHINE_1K } from './payloads';
import { sleep } from './stats';

export interface JumpSample {
  /** Where in the list (0..1) the scroller was moved. */
  at: number;
  seq: number;
  /** Scroller moved → the rows there painted with their content (read back from disk). */
  rowsMs: number;
  /** Press on the row → its diff painted (the previous version read back too). */
  diffMs: number;
}

export interface DeepWindowResult {
  /** Events sent, counted by the app, dropped by the server (the app read too slowly), and written. */
  sent: number;
  counted: number;
  serverDropped: number;
  written: number;
  rate: number;
  objects: number;
  /** First send → the last chunk acknowledged by the database. */
  writeSeconds: number;
  rawBytes: number;
  storedBytes: number;
  /** navigator.storage.estimate() usage after the recording (IndexedDB as Chromium keeps it). */
  usageBytes: number | null;
  /** Navigation start of the reload → the first rows painted; → the capture reopened. */
  firstPaintMs: number;
  reopenedMs: number;
  jumps: JumpSample[];
  history: { versions: number; firstRowsMs: number; pageMs: number; rows: number };
  /** Renderer PSS (KiB, all renderer processes) with the reopened capture after the above, and with a full 50,000 ring. */
  deepRendererKb: number;
  ringRendererKb: number;
}

/** Rows of the History list that count as its first screen. */
const HISTORY_FIRST_ROWS = 10;
const JUMP_POINTS = [0.1, 0.3, 0.5, 0.7, 0.9];

declare global {
  interface Window {
    __deepFirstRows?: number;
  }
}

async function recordStatus(page: Page): Promise<{ written: number; stored: number; raw: number }> {
  const status = page.getByTestId('record-status');
  const [written, stored, raw] = await Promise.all(
    ['data-written', 'data-stored-bytes', 'data-raw-bytes'].map(async (name) => Number((await status.getAttribute(name)) ?? '0')),
  );
  return { written, stored, raw };
}

/** Until everything the app counted is acknowledged by the database (and the counter is quiet). */
async function waitForWritten(client: BenchClient, log: (line: string) => void): Promise<{ counted: number; written: number; at: number }> {
  let lastLog = 0;
  for (;;) {
    const count = await readCount(client.page);
    const { written } = await recordStatus(client.page);
    if (written >= count.count && Date.now() - count.lastChangeAt > 2000) return { counted: count.count, written, at: Date.now() };
    if (Date.now() - lastLog > 10_000) {
      log(`  deep: ${count.count} counted, ${written} written`);
      lastLog = Date.now();
    }
    await sleep(250);
  }
}

/** From the document's start: the first timeline rows painted with their content (not "reading from disk"). */
function firstRowsProbe(): void {
  const done = (): boolean => document.querySelector('[data-testid="timeline-row"]:not([data-reading])') !== null;
  const start = (): void => {
    const observer = new MutationObserver(() => {
      if (!done()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__deepFirstRows = performance.now()), 0));
    });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

/** Moves the timeline's scroller to `at` of its height, waits for the rows there, presses one and waits for its diff. */
async function jumpAndDiff(page: Page, at: number): Promise<JumpSample> {
  return page.evaluate(async (fraction) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="timeline-scroller"]')!;
    const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const until = async (test: () => boolean): Promise<void> => {
      const deadline = performance.now() + 10_000;
      while (!test()) {
        if (performance.now() > deadline) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const middleRow = (): HTMLElement | null => {
      const box = scroller.getBoundingClientRect();
      const element = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return element?.closest<HTMLElement>('[data-testid="timeline-row"]') ?? null;
    };
    const t0 = performance.now();
    scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight);
    await until(() => {
      const row = middleRow();
      return row !== null && !row.hasAttribute('data-reading');
    });
    await nextFrame();
    const rowsMs = performance.now() - t0;
    const row = middleRow()!;
    const seq = row.dataset.seq!;
    const t1 = performance.now();
    row.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0, pointerType: 'mouse', isPrimary: true }));
    row.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, button: 0, pointerType: 'mouse', isPrimary: true }));
    row.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
    await until(() => {
      const status = document.querySelector(`section[aria-label="Event detail"][data-seq="${seq}"] [data-testid="diff-status"]`);
      return status !== null && !/reading/.test(status.textContent ?? '');
    });
    await nextFrame();
    return { at: fraction, seq: Number(seq), rowsMs, diffMs: performance.now() - t1 };
  }, at);
}

/** History tab pressed → its first rows, then every rendered row, painted with their headers read from disk. */
async function timeHistory(page: Page): Promise<DeepWindowResult['history']> {
  const tab = page.getByRole('tab', { name: 'History' });
  await tab.evaluate((element) => element.setAttribute('data-bench-tab', 'History'));
  const timing = page.evaluate(async (firstRows) => {
    const tabElement = document.querySelector<HTMLElement>('[data-bench-tab="History"]')!;
    const nextFrame = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const t0 = await new Promise<number>((resolve) =>
      tabElement.addEventListener('pointerdown', () => resolve(performance.now()), { capture: true, once: true }),
    );
    const filled = (count: number): boolean => {
      const rows = [...document.querySelectorAll('[data-testid="history-version"]')];
      return rows.length > 0 && rows.slice(0, count).every((row) => !row.hasAttribute('data-reading'));
    };
    const until = async (test: () => boolean): Promise<void> => {
      const deadline = performance.now() + 30_000;
      while (!test()) {
        if (performance.now() > deadline) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    await until(() => filled(firstRows));
    await nextFrame();
    const firstRowsMs = performance.now() - t0;
    await until(() => filled(Number.POSITIVE_INFINITY));
    await nextFrame();
    const rows = document.querySelectorAll('[data-testid="history-version"]').length;
    const count = document.querySelector('[data-testid="history-count"]')?.textContent ?? '';
    return { firstRowsMs, pageMs: performance.now() - t0, rows, versions: Number.parseInt(count, 10) };
  }, HISTORY_FIRST_ROWS);
  await sleep(50);
  await tab.click();
  return timing;
}

export async function measureDeepWindow(
  sim: Simulator,
  browser: Browser,
  appUrl: string,
  options: { events: number; rate: number; objects: number; fillRate: number },
  log: (line: string) => void,
): Promise<DeepWindowResult> {
  const client = await openAppClient(browser, appUrl, sim, { record: true });
  let result: Omit<DeepWindowResult, 'ringRendererKb'>;
  try {
    const { page } = client;
    const before = connectionCounters(sim, client.connectionId);
    const started = Date.now();
    const burst = (await sim.control({
      action: 'burst',
      rate: options.rate,
      seconds: options.events / options.rate,
      objectBytes: MACHINE_1K.objectBytes,
      withOriginal: true,
      objects: options.objects,
    })) as { sent: number };
    let written = await waitForWritten(client, log);
    // Frames the server dropped (the app read too slowly for a moment) are made up by another burst, so the capture holds the full count.
    for (let round = 0; round < 5 && written.written < options.events; round += 1) {
      const missing = options.events - written.written;
      await sim.control({
        action: 'burst',
        rate: options.rate,
        seconds: missing / options.rate,
        objectBytes: MACHINE_1K.objectBytes,
        withOriginal: true,
        objects: options.objects,
      });
      written = await waitForWritten(client, log);
    }
    const after = connectionCounters(sim, client.connectionId);
    const status = await recordStatus(page);
    const usageBytes = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
    log(
      `  deep: ${written.written} written in ${((written.at - started) / 1000).toFixed(0)} s, ${status.stored} of ${status.raw} bytes stored`,
    );

    await page.addInitScript(firstRowsProbe);
    await page.reload();
    await page
      .getByTestId('import-summary-head')
      .filter({ hasText: /^Reopened/ })
      .waitFor({ timeout: 60_000 });
    const reopenedMs = await page.evaluate(() => performance.now());
    await page.waitForFunction(() => window.__deepFirstRows !== undefined, undefined, { timeout: 60_000 });
    const firstPaintMs = await page.evaluate(() => window.__deepFirstRows!);
    await watchDomCounter(page, '[data-testid="received-count"]');

    // The Diff tab open, so each jump's press shows a diff.
    await page.locator('[data-testid="timeline-row"]:not([data-reading])').last().click();
    await page.getByRole('tab', { name: 'Diff' }).click();
    const jumps: JumpSample[] = [];
    for (const at of JUMP_POINTS) {
      jumps.push(await jumpAndDiff(page, at));
      log(`  deep jump to ${at}: rows ${jumps.at(-1)!.rowsMs.toFixed(1)} ms, diff ${jumps.at(-1)!.diffMs.toFixed(1)} ms`);
    }
    const history = await timeHistory(page);
    log(
      `  deep history of ${history.versions} versions: first rows ${history.firstRowsMs.toFixed(1)} ms, ${history.rows} rows ${history.pageMs.toFixed(1)} ms`,
    );
    const deep = await memoryPoint(client);
    result = {
      sent: burst.sent,
      counted: written.counted,
      serverDropped: after.dropped - before.dropped,
      written: written.written,
      rate: options.rate,
      objects: options.objects,
      writeSeconds: (written.at - started) / 1000,
      rawBytes: status.raw,
      storedBytes: status.stored,
      usageBytes,
      firstPaintMs,
      reopenedMs,
      jumps,
      history,
      deepRendererKb: deep.snapshot.byKind.renderer,
    };
  } finally {
    await client.close();
  }
  // The reference: the same events in a full 50,000-event ring, nothing on disk.
  const ring = await openAppClient(browser, appUrl, sim, { capacity: 50_000 });
  try {
    await fillBuffer(sim, ring, MACHINE_1K, 50_000, options.fillRate);
    const point = await memoryPoint(ring);
    return { ...result, ringRendererKb: point.snapshot.byKind.renderer };
  } finally {
    await ring.close();
  }
}
