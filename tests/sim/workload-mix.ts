import { expect } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';

/** Every Type the seeded workload must emit within a run of MIX_STEPS steps (docs/simulator.md, Workload). */
export const EXPECTED_TYPES = [
  'machines',
  'jobs',
  'leases',
  'reservations',
  'log',
  'static',
  'tftp',
  'plugins',
  'plugin_providers',
  'contents',
  'preferences',
  'users',
  'roles',
  'tenants',
  'templates',
  'work_orders',
  'clusters',
  'resource_brokers',
  'alerts',
  'pools',
  'endpoints',
  'version_sets',
  'catalog_items',
  'contexts',
  // Published by the ipmi plugin itself (plugin.Publish); not a model type.
  'ipmi',
] as const;

export const EXPECTED_KINDS = [
  ...['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'panic', 'audit'].map((level) => `log.${level}`),
  'machines.save',
  'leases.save',
  'leases.delete',
  'reservations.create',
  'preferences.save',
  'plugins.config',
  'plugins.configed',
  'plugins.start',
  'plugins.stop',
  'plugins.stopped',
  'plugins.update',
  'plugin_providers.create',
] as const;

/** The IPMI provider's commands, seen as `machines.<command>`. */
export const MACHINE_ACTIONS = ['poweron', 'poweroff', 'powercycle', 'nextbootpxe', 'nextbootdisk', 'identify'];

export const MIX_STEPS = 4000;

const MACHINE_WORK = new Set(['machines', 'jobs']);
const INFRA = new Set(['machines', 'jobs', 'log', 'leases', 'static', 'tftp']);

/** Asserts the event mix of a workload run of MIX_STEPS events: coverage, proportions and serve Status strings. */
export function expectWorkloadMix(events: readonly DrpEvent[]): void {
  const types = new Set(events.map((e) => e.Type));
  const kinds = new Set(events.map((e) => `${e.Type}.${e.Action}`));
  expect([...types].sort()).toEqual(expect.arrayContaining([...EXPECTED_TYPES].sort()));
  for (const kind of EXPECTED_KINDS) expect(kinds, kind).toContain(kind);
  expect(MACHINE_ACTIONS.filter((a) => kinds.has(`machines.${a}`)).length).toBeGreaterThanOrEqual(4);

  const share = (pick: (e: DrpEvent) => boolean): number => events.filter(pick).length / events.length;
  // Machines drive the traffic: their own and their jobs' events are most of it.
  expect(share((e) => MACHINE_WORK.has(e.Type))).toBeGreaterThan(0.6);
  expect(share((e) => e.Type === 'machines')).toBeGreaterThan(0.2);
  expect(share((e) => e.Type === 'log')).toBeGreaterThan(0.1);
  expect(share((e) => e.Type === 'log')).toBeLessThan(0.3);
  // Administrative and v4 types are a thin layer on top.
  expect(share((e) => !INFRA.has(e.Type))).toBeGreaterThan(0.01);
  expect(share((e) => !INFRA.has(e.Type))).toBeLessThan(0.08);
  expect(share((e) => e.Type === 'machines' && MACHINE_ACTIONS.includes(e.Action))).toBeLessThan(0.03);

  const serves = events.filter((e) => e.Type === 'static' || e.Type === 'tftp');
  expect(serves.length).toBeGreaterThan(0);
  for (const e of serves) {
    const status = (e.Object as { Status: unknown }).Status;
    expect(typeof status).toBe('string');
    expect(e.Type === 'static' ? ['200', '404'] : ['SUCCESS', 'FAILED']).toContain(status);
  }
  for (const e of events.filter((x) => x.Type === 'machines' && MACHINE_ACTIONS.includes(x.Action))) {
    expect(e.Object).toMatchObject({ Plugin: 'ipmi', Command: e.Action, Model: { Uuid: e.Key } });
  }
}
