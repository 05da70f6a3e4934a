/**
 * Soak run (the flat-memory check for long sessions; a benchmark, not a test): the production build at a steady event rate for a
 * long time, with a small ring that is full after a few seconds, and renderer memory sampled all
 * along. Once the ring is full every new event evicts one, so memory should stop growing; a leak
 * (an index that is never pruned, a cache without a bound, retained frames) shows as a slope.
 *
 *   npx tsx bench/soak.ts --minutes 30 --rate 1000 [--capacity 5000] [--sample-seconds 30]
 *                         [--source burst|workload] [--no-write]
 *
 * Needs `npm run build` first. Prints one line per sample, saves the samples to
 * bench/out/soak-<time>.json and replaces the "## Soak run" section of bench/RESULTS.md.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type { CDPSession, Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../scripts/chromium';
import { startAppServer } from '../scripts/serve-app';
import { startSimulator } from '../simulator/simulator';
import type { Simulator } from '../simulator/simulator';
import { fetchToken } from './bench-clients';
import { measureFrameBytes } from './frame-size';
import { machineInfo } from './machine-info';
import { MACHINE_2K } from './payloads';
import { chromiumMemory } from './process-memory';
import { writeSoakSection } from './soak-report';
import type { SoakRun, SoakSample } from './soak-report';
import { sleep } from './stats';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '1000' },
    capacity: { type: 'string', default: '5000' },
    'sample-seconds': { type: 'string', default: '30' },
    source: { type: 'string', default: 'burst' },
    'no-write': { type: 'boolean', default: false },
  },
});

const minutes = Number(args.minutes);
const rate = Number(args.rate);
const capacity = Number(args.capacity);
const sampleSeconds = Number(args['sample-seconds']);
const source = args.source === 'workload' ? 'workload' : 'burst';
/** Bursts run in slices this long (the control API caps one burst at 600 s). */
const BURST_SLICE_SECONDS = 60;
const DEMO = { username: 'rocketskates', password: 'r0cketsk8ts' };
/** Bursts are machines.update only; the workload mixes every type. */
const SPEC = source === 'burst' ? 'machines.*.*' : '*.*.*';

function log(line: string): void {
  console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function connectApp(page: Page, appUrl: string, sim: Simulator): Promise<void> {
  await page.goto(`${appUrl}?endpoint=${encodeURIComponent(sim.httpUrl)}`);
  await page.getByLabel('Username', { exact: true }).fill(DEMO.username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO.password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page
    .getByTestId('connection-status')
    .filter({ hasText: /^open$/ })
    .waitFor({ timeout: 15_000 });
  const input = page.getByLabel('Buffer capacity');
  await input.fill(String(capacity));
  await input.press('Enter');
  await page
    .getByTestId('buffer-capacity')
    .filter({ hasText: new RegExp(`^${capacity}$`) })
    .waitFor({ timeout: 5_000 });
  await page.getByLabel('Subscription', { exact: true }).fill(SPEC);
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await page.locator(`[data-testid="subscription"][data-spec="${SPEC}"][data-status="active"]`).waitFor({ timeout: 15_000 });
}

async function readCounters(page: Page): Promise<Pick<SoakSample, 'received' | 'buffered' | 'evicted' | 'malformed'>> {
  return page.evaluate(() => {
    const read = (id: string): number => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? 'NaN');
    return {
      received: read('received-count'),
      buffered: read('buffered-count'),
      evicted: read('evicted-count'),
      malformed: read('malformed-count'),
    };
  });
}

async function takeSample(page: Page, cdp: CDPSession, sim: Simulator, connectionId: number, startedAt: number): Promise<SoakSample> {
  const counters = await readCounters(page);
  // Right after the page's counters, so both sides describe about the same moment.
  const connection = sim.stats().connections.find((candidate) => candidate.id === connectionId);
  // PSS first, as the page is; then the heap that survives a full GC (what a leak would retain).
  const memory = chromiumMemory();
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return {
    atSeconds: (Date.now() - startedAt) / 1000,
    ...counters,
    serverSent: connection?.sent ?? 0,
    serverDropped: connection?.dropped ?? 0,
    rendererPssKb: memory.byKind.renderer,
    totalPssKb: Object.values(memory.byKind).reduce((sum, kb) => sum + kb, 0),
    heapAfterGcBytes: heap.usedSize,
  };
}

/** Keeps `rate` events/s flowing until `stop()`: back-to-back bursts, or the background workload. */
function startLoad(sim: Simulator): { stop(): Promise<void> } {
  if (source === 'workload') {
    void sim.control({ action: 'workload', rate });
    return { stop: async () => void (await sim.control({ action: 'workload', rate: 0 })) };
  }
  let stopped = false;
  const loop = (async () => {
    while (!stopped) await sim.control({ action: 'burst', rate, seconds: BURST_SLICE_SECONDS });
  })();
  return {
    stop: async () => {
      stopped = true;
      // The slice in flight finishes on its own (at most BURST_SLICE_SECONDS); closing the simulator ends it sooner.
      await Promise.race([loop, sleep(100)]);
    },
  };
}

async function main(): Promise<void> {
  const command = `npx tsx bench/soak.ts --minutes ${minutes} --rate ${rate} --capacity ${capacity} --sample-seconds ${sampleSeconds} --source ${source}`;
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, rate: 0, seed: 1 });
  const app = await startAppServer();
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const frameChars = source === 'burst' ? await measureFrameBytes(sim, await fetchToken(sim), MACHINE_2K) : Number.NaN;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // tsx (esbuild keepNames) wraps named functions in `__name(...)`; functions serialised into the page need it too.
    await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
    const page = await context.newPage();
    await connectApp(page, app.url, sim);
    const cdp = await context.newCDPSession(page);
    const connectionId = Math.max(
      ...sim
        .stats()
        .connections.filter((c) => c.registrations.includes(SPEC))
        .map((c) => c.id),
    );
    log(`${command}: connected, ring ${capacity}, ${source} at ${rate}/s`);

    const run: SoakRun = {
      command,
      machine: machineInfo(browser),
      minutes,
      rate,
      capacity,
      source,
      frameChars,
      samples: [],
      ringFullAtSeconds: null,
    };
    const outDir = new URL('./out/', import.meta.url);
    mkdirSync(outDir, { recursive: true });
    const outFile = new URL(`./soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, outDir);
    const startedAt = Date.now();
    const load = startLoad(sim);
    const endAt = startedAt + minutes * 60_000;
    // A first sample soon after the start shows the fill; the rest follow the fixed period.
    const ringWatch = setInterval(() => {
      void readCounters(page).then(
        (counters) => {
          if (run.ringFullAtSeconds === null && counters.buffered >= capacity) run.ringFullAtSeconds = (Date.now() - startedAt) / 1000;
        },
        () => undefined,
      );
    }, 1000);
    for (let next = startedAt + sampleSeconds * 1000; ; next += sampleSeconds * 1000) {
      await sleep(Math.max(0, Math.min(next, endAt) - Date.now()));
      const sample = await takeSample(page, cdp, sim, connectionId, startedAt);
      run.samples.push(sample);
      writeFileSync(outFile, JSON.stringify(run, null, 2));
      log(
        `t=${(sample.atSeconds / 60).toFixed(1)} min received=${sample.received} buffered=${sample.buffered} dropped=${sample.serverDropped} ` +
          `rendererPSS=${(sample.rendererPssKb / 1024).toFixed(1)} MB heapAfterGC=${(sample.heapAfterGcBytes / 2 ** 20).toFixed(1)} MB`,
      );
      if (Date.now() >= endAt) break;
    }
    clearInterval(ringWatch);
    await load.stop();
    log(`samples saved to ${outFile.pathname}`);
    if (!args['no-write']) log(`wrote the "## Soak run" section of ${writeSoakSection(run)}`);
  } finally {
    await browser.close();
    await app.close();
    await sim.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
