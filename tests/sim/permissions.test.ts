import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { VIEWER, connect, credentialsUrl } from './sim-client';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ machines: 2 });
});
afterAll(() => sim.close());

describe('per-event permission filter (docs/reference/drp-protocol.md §3.1)', () => {
  it('delivers to a restricted user only events its claims cover, and always its acks', async () => {
    const viewer = await connect(credentialsUrl(sim.wsUrl, VIEWER));
    const admin = await connect(credentialsUrl(sim.wsUrl));
    const viewerAck = await viewer.register('*.*.*');
    expect(viewerAck).toMatchObject({ Type: 'websocket', Action: 'register', Key: '*.*.*' });
    await admin.register('*.*.*');
    const events = [
      { Type: 'machines', Action: 'update', Key: 'm1' },
      { Type: 'profiles', Action: 'update', Key: 'global' },
      { Type: 'log', Action: 'info', Key: 'frontend' },
      { Type: 'jobs', Action: 'create', Key: 'j1' },
      { Type: 'leases', Action: 'save', Key: '0A0A0C39' },
      { Type: 'profiles', Action: 'done', Key: 'last' },
    ];
    for (const e of events) sim.publish(e);
    await viewer.waitForEvent((e) => e.Key === 'last', 'last viewer event');
    await admin.waitForEvent((e) => e.Key === 'last', 'last admin event');
    expect(viewer.nonAcks().map((e) => `${e.Type}.${e.Action}.${e.Key}`)).toEqual([
      'profiles.update.global',
      'jobs.create.j1',
      'profiles.done.last',
    ]);
    expect(admin.nonAcks()).toHaveLength(events.length);
    await viewer.close();
    await admin.close();
  });
});
