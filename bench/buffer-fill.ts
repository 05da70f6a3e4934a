/**
 * Fills the app's ring to a target number of buffered events with repeated bursts, waiting for each
 * to drain; events the server drops on the way are simply made up by the next burst. The view is
 * paused meanwhile (buffering goes on; only the timeline stops following), which fills faster and
 * does not change what a buffered event costs in memory.
 */
import type { Simulator } from '../simulator/simulator';
import type { BenchClient } from './bench-clients';
import { readCount } from './page-probes';
import { burstCommand } from './payloads';
import type { Payload } from './payloads';
import { sleep } from './stats';

export async function bufferedCount(client: BenchClient): Promise<number> {
  const text = (await client.page.getByTestId('buffered-count').textContent()) ?? '0';
  return Number(text.replace(/[^0-9]/g, ''));
}

async function waitForQuiet(client: BenchClient, quietMs: number): Promise<void> {
  for (;;) {
    const state = await readCount(client.page);
    if (Date.now() - state.lastChangeAt > quietMs) return;
    await sleep(100);
  }
}

export async function fillBuffer(
  sim: Simulator,
  client: BenchClient,
  payload: Payload,
  target: number,
  rate: number,
  log?: (line: string) => void,
): Promise<number> {
  let buffered = await bufferedCount(client);
  await client.page.getByRole('button', { name: 'Pause', exact: true }).click();
  for (let round = 0; buffered < target && round < 20; round++) {
    const seconds = Math.min(10, Math.max(0.1, (target - buffered) / rate));
    await sim.control(burstCommand(payload, rate, seconds));
    await waitForQuiet(client, 800);
    buffered = await bufferedCount(client);
    log?.(`  fill: ${buffered}/${target} buffered`);
  }
  await client.page.getByRole('button', { name: /^Resume/ }).click();
  await client.page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  return buffered;
}
