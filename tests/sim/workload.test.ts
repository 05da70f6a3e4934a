import { describe, expect, it } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { fixedClock } from '../../simulator/clock';
import { LARGE_INVENTORY_BYTES } from '../../simulator/machine-factory';
import { ObjectStore } from '../../simulator/object-store';
import { seedStore } from '../../simulator/seed-store';
import { Workload } from '../../simulator/workload';
import { expectWorkloadMix, MIX_STEPS } from './workload-mix';

/** Runs the seeded workload without sockets or timers and returns every event it produced. */
function run(seed: number, steps: number, machines = 20): DrpEvent[] {
  const events: DrpEvent[] = [];
  const clock = fixedClock(Date.UTC(2021, 7, 30, 14, 0, 0), 7);
  const sink = (e: DrpEvent): void => void events.push(e);
  const store = new ObjectStore(sink, clock);
  seedStore(store, seed, machines);
  const workload = new Workload({ store, publish: sink, clock, seed });
  for (let i = 0; i < steps; i++) workload.step();
  return events;
}

describe('seeded workload', () => {
  it('is identical for the same seed and differs for another', () => {
    const a = run(7, 600);
    const b = run(7, 600);
    expect(a).toHaveLength(600);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = run(8, 600);
    expect(c.map((e) => `${e.Type}.${e.Action}.${e.Key}`)).not.toEqual(a.map((e) => `${e.Type}.${e.Action}.${e.Key}`));
  });

  it('produces the event mix and object shapes of a provisioning endpoint (docs/reference/drp-protocol.md §5, §6)', () => {
    const events = run(3, 1500);
    const kinds = new Set(events.map((e) => `${e.Type}.${e.Action}`));
    for (const kind of ['machines.update', 'jobs.create', 'jobs.update', 'jobs.save', 'leases.save']) expect(kinds).toContain(kind);
    expect([...kinds].some((k) => k.startsWith('log.'))).toBe(true);
    expect(kinds.has('static.serve') || kinds.has('tftp.serve')).toBe(true);

    for (const e of events) {
      if (e.Type === 'machines' && e.Action === 'update') {
        expect(e.Original).not.toBeNull();
        expect((e.Object as { Uuid: string }).Uuid).toBe(e.Key);
      }
      if (e.Action === 'create' || e.Action === 'delete') expect(e.Original).toBeNull();
      if (e.Type === 'leases') expect(e.Key).toMatch(/^[0-9A-F]{8}$/);
      if (e.Type === 'log') expect(e.Object).toMatchObject({ Service: e.Key, Level: e.Action });
    }
    const machine = events.find((e) => e.Type === 'machines')?.Object as Record<string, unknown>;
    for (const field of ['Validated', 'Available', 'Errors', 'Meta', 'Secret', 'Fingerprint', 'HardwareAddrs', 'WorkflowComplete']) {
      expect(machine).toHaveProperty(field);
    }
    const fingerprint = machine.Fingerprint as { SSNHash: string };
    expect(Buffer.from(fingerprint.SSNHash, 'base64').length).toBe(32);
    const largest = Math.max(...events.filter((e) => e.Type === 'machines').map((e) => JSON.stringify(e).length));
    expect(largest).toBeGreaterThan(LARGE_INVENTORY_BYTES);
  });

  it('emits what a real endpoint emits beside the machines, in stated proportions, for several seeds', () => {
    for (const seed of [1, 3, 11]) expectWorkloadMix(run(seed, MIX_STEPS));
  });

  it('keys stored admin objects by their model key and carries full objects', () => {
    const events = run(4, MIX_STEPS);
    for (const e of events) {
      if (e.Type === 'reservations') expect(e.Key).toMatch(/^[0-9A-F]{8}$/);
      if (e.Type === 'work_orders' || e.Type === 'alerts' || e.Type === 'clusters') expect((e.Object as { Uuid: string }).Uuid).toBe(e.Key);
      if (e.Type === 'templates') expect((e.Object as { ID: string }).ID).toBe(e.Key);
      if (e.Type === 'contents') expect((e.Object as { Meta: { Name: string } }).Meta.Name).toBe(e.Key);
      if (e.Type === 'preferences') expect(e.Object).toEqual({ Meta: {}, Name: e.Key, Val: expect.any(String) });
      if (e.Type === 'users') expect(e.Object).toHaveProperty('PasswordHash');
      if (['update', 'save'].includes(e.Action) && !['leases', 'preferences', 'contents'].includes(e.Type))
        expect(e.Original).not.toBeNull();
    }
  });

  it('walks jobs through created -> running -> finished or failed', () => {
    const events = run(5, 800);
    const job = events.find((e) => e.Type === 'jobs' && e.Action === 'create');
    expect(job?.Object).toMatchObject({ State: 'created', Current: true });
    const later = events.filter((e) => e.Type === 'jobs' && e.Action === 'update' && e.Key === job?.Key);
    expect((later[0].Original as { State: string }).State).toBe('created');
    expect((later[0].Object as { State: string }).State).toBe('running');
    expect(['finished', 'failed']).toContain((later[1].Object as { State: string }).State);
  });
});
