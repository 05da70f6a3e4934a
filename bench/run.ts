/**
 * `npm run bench` (the performance targets in bench/targets.ts): builds the app, then drives the production build in headless Chromium
 * against the simulator and writes bench/RESULTS.md. Flags: bench/cli-options.ts. Every phase opens
 * its own client and closes it, so only one socket is registered while a burst runs.
 */
import type { Browser } from '@playwright/test';
import { startAppServer } from '../scripts/serve-app';
import type { AppServer } from '../scripts/serve-app';
import { startSimulator } from '../simulator/simulator';
import type { Simulator } from '../simulator/simulator';
import { startBarePageServer } from './bare-page';
import type { BarePageServer } from './bare-page';
import { launchBenchBrowser } from './bench-browser';
import { fetchToken, openAppClient, openBareClient } from './bench-clients';
import { measureDeepWindow } from './deep-window-bench';
import { measureImport } from './import-bench';
import type { BenchClient } from './bench-clients';
import type { BenchResults } from './bench-results';
import { fillBuffer } from './buffer-fill';
import { measureBundle } from './bundle-size';
import { measureClickToDiff } from './click-to-diff';
import { parseBenchArgs } from './cli-options';
import type { BenchOptions } from './cli-options';
import { startCpuProfile, stopCpuProfile } from './cpu-profile';
import { megabytePair, timeDiffInApp, timeDiffInBrowser, timeDiffInNode } from './diff-timing';
import { measureFirstRender } from './first-render';
import { measureFrameBytes } from './frame-size';
import { machineInfo } from './machine-info';
import { memoryPoint, memoryResult } from './memory-per-event';
import { MACHINE_1K, MACHINE_2K, MACHINE_30K } from './payloads';
import type { Payload } from './payloads';
import { maxSustainedRate, runLadder, runRung } from './rate-ladder';
import { measureChangedPath, measureHistory, measureObjects } from './object-history-bench';
import { measureReconnectGap } from './reconnect-gap';
import { writeResults } from './results-writer';
import { measureScroll } from './scroll-frames';
import { evaluateTargets, formatTargetLine } from './targets';

interface Env {
  options: BenchOptions;
  sim: Simulator;
  app: AppServer;
  bare: BarePageServer;
  browser: Browser;
  token: string;
  results: BenchResults;
}

const log = (line: string): void => console.log(line);

async function withClient<T>(open: () => Promise<BenchClient>, measure: (client: BenchClient) => Promise<T>): Promise<T> {
  const client = await open();
  try {
    return await measure(client);
  } finally {
    await client.close();
  }
}

const openApp = (env: Env, capacity?: number, paused?: boolean, spec?: string) => () =>
  openAppClient(env.browser, env.app.url, env.sim, { capacity, paused, spec });
const openBare =
  (env: Env, inWorker = false) =>
  () =>
    openBareClient(env.browser, env.bare, env.sim, env.token, inWorker);

async function ladderPhase(env: Env, payload: Payload, rates: number[], withPausedView: boolean): Promise<void> {
  env.results.frameBytes[payload.id] = await measureFrameBytes(env.sim, env.token, payload);
  const ladder = { rates, seconds: env.options.seconds, payload, stopAfterMisses: 2, log };
  env.results.ladder.push(...(await withClient(openApp(env), (client) => runLadder(env.sim, client, ladder))));
  env.results.ladder.push(...(await withClient(openBare(env), (client) => runLadder(env.sim, client, ladder))));
  env.results.ladder.push(...(await withClient(openBare(env, true), (client) => runLadder(env.sim, client, ladder))));
  // Diagnostic, not a target: the same ladder with the view paused separates ingest from rendering.
  if (withPausedView)
    env.results.ladder.push(...(await withClient(openApp(env, undefined, true), (client) => runLadder(env.sim, client, ladder))));
}

async function profilePhase(env: Env, rate: number): Promise<void> {
  env.results.profile = await withClient(openApp(env), async (client) => {
    const cdp = await startCpuProfile(client.page);
    await runRung(env.sim, client, MACHINE_2K, rate, env.options.seconds);
    const summary = await stopCpuProfile(cdp, `app-${rate}`);
    for (const hot of summary.top.slice(0, 10))
      log(`  ${hot.selfMs.toFixed(0).padStart(6)} ms ${hot.percent.toFixed(1).padStart(5)}%  ${hot.name} ${hot.where}`);
    return { ...summary, rate };
  });
}

async function diffPhase(env: Env): Promise<void> {
  const pair = megabytePair();
  const node = timeDiffInNode(pair, env.options.diffIterations);
  env.results.diff = { bytes: pair.bytes, node };
  env.results.diff.browser = await timeDiffInBrowser(env.browser, env.bare.url, pair, env.options.diffIterations);
  env.results.diff.app = await withClient(openApp(env), (client) => timeDiffInApp(env.sim, client, pair));
}

async function memoryPhase(env: Env): Promise<void> {
  const target = env.options.bufferTarget;
  await withClient(openApp(env, target), async (client) => {
    const before = await memoryPoint(client);
    await fillBuffer(env.sim, client, MACHINE_2K, target, env.options.fillRate, log);
    const after = await memoryPoint(client);
    const frameBytes = env.results.frameBytes[MACHINE_2K.id] ?? (await measureFrameBytes(env.sim, env.token, MACHINE_2K));
    env.results.memory = { ...memoryResult(before, after, frameBytes), target };
    env.results.scroll = [
      await measureScroll(client.page, 'wheel', env.options.scrollSeconds),
      await measureScroll(client.page, 'flick', env.options.scrollSeconds),
      await measureScroll(client.page, 'jumps', env.options.scrollSeconds),
    ];
  });
}

async function deepPhase(env: Env): Promise<void> {
  const { options, results } = env;
  results.frameBytes[MACHINE_1K.id] = await measureFrameBytes(env.sim, env.token, MACHINE_1K);
  const ladder = { rates: options.recordRates, seconds: options.seconds, payload: MACHINE_1K, stopAfterMisses: 2, log };
  const openRecording = () => openAppClient(env.browser, env.app.url, env.sim, { record: true });
  const recording = await withClient(openRecording, (client) => runLadder(env.sim, client, ladder));
  results.ladder.push(...recording);
  results.ladder.push(...(await withClient(openBare(env, true), (client) => runLadder(env.sim, client, ladder))));
  // The million is written at the highest rate the app sustained with Record to disk on.
  const rate = Math.max(options.recordRates[0], maxSustainedRate(recording));
  results.deepWindow = await measureDeepWindow(
    env.sim,
    env.browser,
    env.app.url,
    { events: options.deepEvents, rate, objects: DEEP_OBJECTS, fillRate: options.fillRate },
    log,
  );
}

/** Distinct machines of the deep window's capture: each has events / DEEP_OBJECTS versions spread over all of it. */
const DEEP_OBJECTS = 2000;

async function runPhases(env: Env): Promise<void> {
  const { options, results } = env;
  const phase = async (name: string, run: () => Promise<void>): Promise<void> => {
    const started = Date.now();
    log(`[bench] ${name}`);
    try {
      await run();
    } catch (error) {
      results.failures.push(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      log(`[bench] ${name} FAILED: ${String(error)}`);
    }
    log(`[bench] ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const wants = (name: Parameters<BenchOptions['phases']['has']>[0]): boolean => options.phases.has(name);
  if (wants('bundle')) await phase('bundle size', async () => void (results.bundle = measureBundle()));
  if (wants('first-render'))
    await phase(
      'first render',
      async () => void (results.firstRender = await measureFirstRender(env.browser, env.app.url, options.firstRenderSamples)),
    );
  if (wants('ladder')) await phase('rate ladder ~2 KB', () => ladderPhase(env, MACHINE_2K, options.rates, !options.quick));
  if (wants('ladder-large')) await phase('rate ladder ~30 KB', () => ladderPhase(env, MACHINE_30K, options.largeRates, !options.quick));
  if (wants('profile') && options.profileRate !== null)
    await phase(`CPU profile at ${options.profileRate}/s`, () => profilePhase(env, options.profileRate!));
  if (wants('click')) {
    await phase('click-to-diff', async () => {
      results.clickToDiff = await withClient(openApp(env), (client) =>
        measureClickToDiff(env.sim, client, { rate: options.clickFloodRate, clicks: options.clicks, payload: MACHINE_2K }),
      );
    });
  }
  if (wants('diff')) await phase('1 MB diff', () => diffPhase(env));
  if (wants('memory')) await phase(`memory + scroll at ${options.bufferTarget} buffered`, () => memoryPhase(env));
  if (wants('history')) {
    await phase('object history: Changed path over 50,000, History and Blame of 1,000 versions, 10,000 objects', async () => {
      results.changedPath = await withClient(openApp(env, 50_000, false, '*.*.*'), (client) =>
        measureChangedPath(env.sim, client, options.fillRate, options.seconds),
      );
      log(
        `  changed path: ${results.changedPath.matches} of ${results.changedPath.buffered} painted in ${results.changedPath.paintedMs.toFixed(1)} ms`,
      );
      results.history = await withClient(openApp(env), (client) => measureHistory(env.sim, client));
      log(`  history ${results.history.history.paintedMs.toFixed(1)} ms, blame ${results.history.blame.paintedMs.toFixed(1)} ms`);
      results.objects = await withClient(openApp(env), (client) => measureObjects(env.sim, client, options.scrollSeconds));
    });
  }
  if (wants('deep')) {
    await phase(`deep window: Record to disk ladder ~0.9 KB, ${options.deepEvents} events on disk, reload`, () => deepPhase(env));
  }
  if (wants('import')) {
    await phase(`import of a ${Math.round(options.importBytes / 1e6)} MB capture file`, async () => {
      results.importFile = await measureImport(env.browser, env.app.url, options.importBytes, log);
      log(
        `  import: ${results.importFile.events} events in ${results.importFile.seconds.toFixed(1)} s, longest task ${results.importFile.longestTaskMs.toFixed(0)} ms`,
      );
    });
  }
  if (wants('reconnect')) {
    await phase(`reconnect gap over ${options.drops} drops`, async () => {
      results.reconnect = await withClient(openApp(env), (client) => measureReconnectGap(env.sim, client, options.drops, log));
    });
  }
}

async function main(): Promise<number> {
  const options = parseBenchArgs(process.argv.slice(2));
  const started = Date.now();
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, rate: 0, seed: 1 });
  const app = await startAppServer();
  const bare = await startBarePageServer();
  const browser = await launchBenchBrowser();
  const results: BenchResults = {
    machine: machineInfo(browser),
    mode: options.quick ? 'quick' : 'full',
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    durationSeconds: 0,
    frameBytes: {},
    ladder: [],
    failures: [],
  };
  if (results.machine.loadAtStart > results.machine.cores / 2) {
    log(
      `[bench] warning: load average ${results.machine.loadAtStart} on ${results.machine.cores} cores; figures will be pessimistic and noisy`,
    );
  }
  try {
    const env: Env = { options, sim, app, bare, browser, token: await fetchToken(sim), results };
    await runPhases(env);
  } finally {
    await browser.close();
    await Promise.all([bare.close(), app.close(), sim.close()]);
  }
  results.durationSeconds = (Date.now() - started) / 1000;
  const benchmarkRun = [...options.phases].some((name) => name !== 'reconnect');
  if (options.write) log(`[bench] wrote ${writeResults(results, { benchmarkRun })}`);
  log('');
  for (const line of evaluateTargets(results)) log(formatTargetLine(line));
  return results.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
