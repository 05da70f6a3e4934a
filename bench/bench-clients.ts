/**
 * The two clients a measurement can drive, behind one shape: the production app (through its UI,
 * as a user would) and the bare reference page. Both count events into the page probes.
 */
import type { Browser, Page } from '@playwright/test';
import type { Simulator } from '../simulator/simulator';
import { newBenchPage } from './bench-browser';
import type { BarePageServer } from './bare-page';
import { watchDomCounter } from './page-probes';

/** `app-paused`: the app with its view paused (buffering goes on): the ingest path without rendering. */
/** `bare-worker`: the bare page reading its socket in a worker (the app's own design): the worker ceiling. */
/** `app-recording`: the app with Record to disk on (every event also written to IndexedDB). */
export type ClientKind = 'app' | 'app-paused' | 'app-recording' | 'bare' | 'bare-worker';

export interface BenchClient {
  kind: ClientKind;
  page: Page;
  /** The simulator's id for this client's socket (its sent/dropped counters). */
  connectionId: number;
  close(): Promise<void>;
}

export const DEMO_USER = { username: 'rocketskates', password: 'r0cketsk8ts' };
/** Every burst is machines.update (simulator/burst.ts); this is what a user watching machines registers. */
export const BENCH_SPEC = 'machines.*.*';

/** A bearer token over REST (docs/reference/drp-protocol.md §1.4), so the bare page never puts a password in a URL. */
export async function fetchToken(sim: Simulator): Promise<string> {
  const basic = Buffer.from(`${DEMO_USER.username}:${DEMO_USER.password}`).toString('base64');
  const response = await fetch(`${sim.httpUrl}/api/v3/users/${DEMO_USER.username}/token?ttl=3600`, {
    headers: { authorization: `Basic ${basic}` },
  });
  if (!response.ok) throw new Error(`token request failed: HTTP ${response.status}`);
  const body = (await response.json()) as { Token: string };
  return body.Token;
}

/** The newest simulator connection registered for `spec` (earlier clients are closed first). */
function newestConnection(sim: Simulator, spec: string): number {
  const ids = sim
    .stats()
    .connections.filter((c) => c.registrations.includes(spec))
    .map((c) => c.id);
  if (ids.length === 0) throw new Error(`no simulator connection registered for ${spec}`);
  return Math.max(...ids);
}

export interface AppClientOptions {
  /** Ring capacity typed into "Buffer capacity" (the default is 50k). */
  capacity?: number;
  /** Press Pause once registered: events are still buffered and counted, the timeline stands still. */
  paused?: boolean;
  /** What to register (default BENCH_SPEC, machines only). */
  spec?: string;
  /** Tick Record to disk before connecting. */
  record?: boolean;
}

export async function openAppClient(
  browser: Browser,
  appUrl: string,
  sim: Simulator,
  options: AppClientOptions = {},
): Promise<BenchClient> {
  const { context, page } = await newBenchPage(browser);
  await page.goto(`${appUrl}?endpoint=${encodeURIComponent(sim.httpUrl)}`);
  if (options.record) await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).check();
  await page.getByLabel('Username').fill(DEMO_USER.username);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByTestId('connection-status').filter({ hasText: 'open' }).waitFor({ timeout: 15_000 });
  if (options.capacity !== undefined) {
    const input = page.getByLabel('Buffer capacity');
    await input.fill(String(options.capacity));
    await input.press('Enter');
    await page
      .getByTestId('buffer-capacity')
      .filter({ hasText: new RegExp(`^${options.capacity}$`) })
      .waitFor({ timeout: 5_000 });
  }
  const spec = options.spec ?? BENCH_SPEC;
  await page.getByLabel('Subscription').fill(spec);
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await page.locator(`[data-testid="subscription"][data-spec="${spec}"][data-status="active"]`).waitFor({ timeout: 15_000 });
  if (options.paused) await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await watchDomCounter(page, '[data-testid="received-count"]');
  return {
    kind: options.record ? 'app-recording' : options.paused ? 'app-paused' : 'app',
    page,
    connectionId: newestConnection(sim, spec),
    close: () => context.close(),
  };
}

export async function openBareClient(
  browser: Browser,
  bare: BarePageServer,
  sim: Simulator,
  token: string,
  inWorker = false,
): Promise<BenchClient> {
  const { context, page } = await newBenchPage(browser);
  await page.goto(inWorker ? bare.workerUrl : bare.url);
  const wsUrl = `${sim.wsUrl}?token=${encodeURIComponent(token)}`;
  await page.evaluate(([url, spec]) => (window as unknown as { bareConnect(u: string, s: string): Promise<void> }).bareConnect(url, spec), [
    wsUrl,
    BENCH_SPEC,
  ] as const);
  return { kind: inWorker ? 'bare-worker' : 'bare', page, connectionId: newestConnection(sim, BENCH_SPEC), close: () => context.close() };
}

export interface ConnectionCounters {
  sent: number;
  dropped: number;
}

/** Frames the simulator handed to this client's socket and frames it dropped (melody's 256 buffer, §7.4). */
export function connectionCounters(sim: Simulator, id: number): ConnectionCounters {
  const conn = sim.stats().connections.find((c) => c.id === id);
  return { sent: conn?.sent ?? 0, dropped: conn?.dropped ?? 0 };
}
