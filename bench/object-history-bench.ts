/**
 * Object history's performance targets (docs/architecture.md, "Changed paths at ingest"):
 * - `Changed path` over a full 50,000-event buffer: Enter → the filtered count painted ≤ 150 ms,
 *   and p95 frame ≤ 33 ms while 1,000 events/s arrive with the filter on;
 * - History and Blame of an object with 1,000 buffered versions (~4 KB each): tab click → painted ≤ 100 ms;
 * - the Objects view with 10,000 distinct objects: scroll p95 frame ≤ 20 ms.
 */
import type { Page } from '@playwright/test';
import type { Simulator } from '../simulator/simulator';
import type { BenchClient } from './bench-clients';
import { DEMO_USER } from './bench-clients';
import { fillBuffer } from './buffer-fill';
import { readCount } from './page-probes';
import { MACHINE_2K } from './payloads';
import { runRung } from './rate-ladder';
import { measureScroll } from './scroll-frames';
import type { ScrollResult } from './scroll-frames';
import { sleep } from './stats';
import type { IntervalSummary } from './stats';

export interface ChangedPathResult {
  buffered: number;
  matches: number;
  /** Enter → the count's text in the DOM, and → the frame after it. */
  domMs: number;
  paintedMs: number;
  liveRate: number;
  liveFrames: IntervalSummary;
}

export interface TabTiming {
  /** Click on the tab → its first rows in the DOM, and → the frame after it. */
  domMs: number;
  paintedMs: number;
  rows: number;
}

export interface HistoryResult {
  versions: number;
  objectBytes: number;
  history: TabTiming;
  blame: TabTiming;
}

export interface ObjectsResult {
  objects: number;
  shown: number;
  scroll: ScrollResult[];
}

const CHANGED_PATH_PATCHES = 5;

async function patchGlobal(sim: Simulator, value: number): Promise<void> {
  const basic = Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64');
  const response = await fetch(`${sim.httpUrl}/api/v3/profiles/global`, {
    method: 'PATCH',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
    body: JSON.stringify([{ op: 'add', path: '/Params/bar', value }]),
  });
  if (!response.ok) throw new Error(`PATCH global failed: HTTP ${response.status} ${await response.text()}`);
}

async function waitForCount(client: BenchClient, target: number, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while ((await readCount(client.page)).count < target) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** What ends a timing: an element matching `selector` exists (and its text matches `text`, a regex source). */
interface DoneWhen {
  selector: string;
  text?: string;
}

/**
 * Arms an in-page timer: from `startEvent` on `start` until `done` holds in the DOM, then the next
 * frame. Data, not code, crosses into the page: its CSP forbids building functions from strings.
 */
async function timeInPage(page: Page, start: string, startEvent: string, done: DoneWhen): Promise<void> {
  await page.evaluate(
    ([startSelector, eventName, doneWhen]) => {
      const win = window as unknown as { __timing?: Promise<{ domMs: number; paintedMs: number }> };
      const pattern = doneWhen.text === undefined ? null : new RegExp(doneWhen.text);
      const isDone = (): boolean => {
        const element = document.querySelector(doneWhen.selector);
        return element !== null && (pattern === null || pattern.test(element.textContent ?? ''));
      };
      win.__timing = new Promise((resolve) => {
        let t0 = 0;
        const target = document.querySelector(startSelector);
        if (!target) throw new Error(`no ${startSelector}`);
        target.addEventListener(eventName, () => (t0 = performance.now()), { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (t0 === 0 || !isDone()) return;
          observer.disconnect();
          const dom = performance.now() - t0;
          requestAnimationFrame(() => setTimeout(() => resolve({ domMs: dom, paintedMs: performance.now() - t0 }), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
    },
    [start, startEvent, done] as const,
  );
}

async function readTiming(page: Page): Promise<{ domMs: number; paintedMs: number }> {
  return page.evaluate(() => (window as unknown as { __timing: Promise<{ domMs: number; paintedMs: number }> }).__timing);
}

export async function measureChangedPath(
  sim: Simulator,
  client: BenchClient,
  fillRate: number,
  liveSeconds: number,
): Promise<ChangedPathResult> {
  const { page } = client;
  await fillBuffer(sim, client, MACHINE_2K, 50_000, fillRate);
  const before = (await readCount(page)).count;
  for (let value = 1; value <= CHANGED_PATH_PATCHES; value++) await patchGlobal(sim, value);
  await waitForCount(client, before + CHANGED_PATH_PATCHES, 'the PATCHes of global');
  const buffered = Number(((await page.getByTestId('buffered-count').textContent()) ?? '0').replace(/[^0-9]/g, ''));
  const input = page.getByLabel('Changed path');
  await timeInPage(page, 'input[aria-label="Changed path"]', 'keydown', {
    selector: '[data-testid="timeline-count"]',
    text: `^${CHANGED_PATH_PATCHES} of `,
  });
  await input.fill('Params.bar');
  await input.press('Enter');
  const timing = await readTiming(page);
  const matches = Number(((await page.getByTestId('timeline-count').textContent()) ?? '').split(' ')[0]);
  // Live: every burst event changes CurrentTask, so every one joins the filtered list.
  await input.fill('CurrentTask');
  await input.press('Enter');
  const live = await runRung(sim, client, MACHINE_2K, 1000, liveSeconds);
  return { buffered, matches, ...timing, liveRate: 1000, liveFrames: live.frames };
}

export async function measureHistory(sim: Simulator, client: BenchClient): Promise<HistoryResult> {
  const { page } = client;
  const versions = 1000;
  const objectBytes = 4000;
  const before = (await readCount(page)).count;
  await sim.control({ action: 'burst', rate: 500, seconds: versions / 500, objectBytes, withOriginal: true, objects: 1 });
  await waitForCount(client, before + versions, 'the versions');
  await page.locator('[data-testid="timeline-row"]').last().click();
  await page.getByRole('tab', { name: 'Object' }).click();
  const timeTab = async (name: string, rowSelector: string): Promise<TabTiming> => {
    await page.evaluate((label) => {
      const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
      const found = tabs.find((element) => element.textContent?.trim() === label);
      if (!found) throw new Error(`no tab ${label}`);
      found.setAttribute('data-bench-tab', label);
    }, name);
    await timeInPage(page, `[data-bench-tab="${name}"]`, 'pointerdown', { selector: rowSelector });
    await page.locator(`[data-bench-tab="${name}"]`).click();
    const timing = await readTiming(page);
    return { ...timing, rows: await page.locator(rowSelector).count() };
  };
  const history = await timeTab('History', '[data-testid="history-version"]');
  await page.getByRole('tab', { name: 'Object' }).click();
  const blame = await timeTab('Blame', '[data-testid="blame-leaf"]');
  return { versions, objectBytes, history, blame };
}

export async function measureObjects(sim: Simulator, client: BenchClient, scrollSeconds: number): Promise<ObjectsResult> {
  const { page } = client;
  const objects = 10_000;
  const before = (await readCount(page)).count;
  await sim.control({ action: 'burst', rate: 2000, seconds: objects / 2000, objectBytes: 2000, withOriginal: true, objects });
  await waitForCount(client, before + objects, 'one event per object');
  await page.getByRole('button', { name: 'Objects', exact: true }).click();
  await page.locator('[data-testid="object-row"]').first().waitFor();
  const shown = Number(((await page.getByTestId('objects-count').textContent()) ?? '').replace(/[^0-9].*$/, ''));
  const scroll = [
    await measureScroll(page, 'wheel', scrollSeconds, '[data-testid="objects-scroller"]'),
    await measureScroll(page, 'flick', scrollSeconds, '[data-testid="objects-scroller"]'),
    await measureScroll(page, 'jumps', scrollSeconds, '[data-testid="objects-scroller"]'),
  ];
  return { objects, shown, scroll };
}
