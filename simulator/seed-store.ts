import { buildMachines } from './machine-factory';
import type { ObjectStore } from './object-store';
import { Prng } from './prng';
import { seedParams, seedProfiles, seedStages, seedSubnets, seedWorkflows } from './seed-objects';
import { DEMO_USERS, ROLES } from './users';
import { buildPlugin, buildPluginProvider, buildRole, buildUser } from './workload-admin-objects';

/** Fills a fresh store with the start-up content; machines are deterministic for the seed. */
export function seedStore(store: ObjectStore, seed: number, machineCount: number): void {
  for (const p of seedProfiles(machineCount)) store.seed('profiles', p);
  for (const s of seedStages()) store.seed('stages', s);
  for (const w of seedWorkflows()) store.seed('workflows', w);
  for (const p of seedParams()) store.seed('params', p);
  for (const s of seedSubnets()) store.seed('subnets', s);
  for (const m of buildMachines(new Prng(seed), machineCount)) store.seed('machines', m);
  // Administrative objects the workload changes (plugins, users, roles); a stream of their own so
  // the machines above stay the same for the seed.
  const adminRng = new Prng((seed ^ 0xad317) >>> 0);
  for (const user of DEMO_USERS) store.seed('users', buildUser(adminRng, user.name, user.roles));
  for (const role of Object.keys(ROLES)) store.seed('roles', buildRole(role));
  store.seed('plugin_providers', buildPluginProvider('ipmi', 'v4.8.0'));
  store.seed('plugins', buildPlugin('ipmi', 'ipmi', { 'ipmi/log-level': 'info' }));
}
