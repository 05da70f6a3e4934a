/**
 * How long the app is deaf after a dropped socket with the server still up: from the simulator's
 * `drop-sockets` to the app showing its subscription acked again. DRP keeps no backlog (docs/reference/drp-protocol.md §7.3),
 * so every event published in that gap is lost for good.
 *
 * Each drop follows a connection that stayed open longer than the policy's `stableMs`, so every
 * sample is a first retry after a healthy connection (the case reconnect-policy.ts makes fast).
 */
import { DEFAULT_RECONNECT_POLICY } from '../src/connection/reconnect-policy';
import type { Simulator } from '../simulator/simulator';
import { BENCH_SPEC } from './bench-clients';
import type { BenchClient } from './bench-clients';
import { maxOf, percentile, sleep } from './stats';

export interface ReconnectGapResult {
  drops: number;
  /** Drop → re-ack, one per drop, in order. */
  gapsMs: number[];
  p50: number;
  p95: number;
  max: number;
}

/** Past the 10 s health rule, so the next drop starts the backoff over. */
const HEALTHY_MS = DEFAULT_RECONNECT_POLICY.stableMs + 500;

/** Records every change of the subscription row's data-status with Date.now() (the same clock as Node's). */
async function watchStatus(client: BenchClient): Promise<void> {
  await client.page.evaluate((spec) => {
    const log: { status: string; at: number }[] = [];
    (window as unknown as { statusLog: typeof log }).statusLog = log;
    const row = (): Element | null => document.querySelector(`[data-testid="subscription"][data-spec="${spec}"]`);
    let last = row()?.getAttribute('data-status') ?? '';
    new MutationObserver(() => {
      const status = row()?.getAttribute('data-status') ?? '';
      if (status !== last) log.push({ status, at: Date.now() });
      last = status;
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  }, BENCH_SPEC);
}

/** Epoch ms at which the row became active again after `after`, having left active first. */
async function reackedAt(client: BenchClient, after: number): Promise<number> {
  const handle = await client.page.waitForFunction(
    (since) => {
      const log = (window as unknown as { statusLog: { status: string; at: number }[] }).statusLog.filter((entry) => entry.at >= since);
      const left = log.findIndex((entry) => entry.status !== 'active');
      const back = left === -1 ? undefined : log.slice(left).find((entry) => entry.status === 'active');
      return back?.at ?? false;
    },
    after,
    { timeout: 60_000, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

export async function measureReconnectGap(
  sim: Simulator,
  client: BenchClient,
  drops: number,
  log: (line: string) => void,
): Promise<ReconnectGapResult> {
  await watchStatus(client);
  const gapsMs: number[] = [];
  for (let i = 0; i < drops; i += 1) {
    await sleep(HEALTHY_MS);
    const droppedAt = Date.now();
    await sim.control({ action: 'drop-sockets' });
    const gap = (await reackedAt(client, droppedAt)) - droppedAt;
    gapsMs.push(gap);
    log(`  drop ${i + 1}/${drops}: re-acked after ${gap} ms`);
  }
  return { drops, gapsMs, p50: percentile(gapsMs, 50), p95: percentile(gapsMs, 95), max: maxOf(gapsMs) };
}
