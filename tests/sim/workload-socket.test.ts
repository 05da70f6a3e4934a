import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { connect, credentialsUrl } from './sim-client';
import { expectWorkloadMix, MIX_STEPS } from './workload-mix';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ machines: 20, seed: 3 });
});

afterAll(async () => {
  await sim.close();
});

describe('workload over the socket', () => {
  it('delivers every listed type to a *.*.* subscriber, in stated proportions, with string serve Status', async () => {
    const client = await connect(credentialsUrl(sim.wsUrl));
    try {
      await client.register('*.*.*');
      // Open-ended and stopped in `finally` (CONTRIBUTING: tests that cannot flake).
      await sim.control({ action: 'workload', rate: 2000 });
      // Counting frames, not parsed events: re-parsing thousands of frames on every wake is quadratic.
      await client.waitFor(() => client.frames.length > MIX_STEPS, `${MIX_STEPS} workload events`, 30_000);
    } finally {
      await sim.control({ action: 'workload', rate: 0 });
    }
    const events = client.nonAcks().slice(0, MIX_STEPS);
    expect(events).toHaveLength(MIX_STEPS);
    expectWorkloadMix(events);
    await client.close();
  }, 40_000);
});
