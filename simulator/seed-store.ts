import { buildMachines } from './machine-factory';
import type { ObjectStore } from './object-store';
import { Prng } from './prng';
import { seedParams, seedProfiles, seedStages, seedSubnets, seedWorkflows } from './seed-objects';

/** Fills a fresh store with the start-up content; machines are deterministic for the seed. */
export function seedStore(store: ObjectStore, seed: number, machineCount: number): void {
  for (const p of seedProfiles(machineCount)) store.seed('profiles', p);
  for (const s of seedStages()) store.seed('stages', s);
  for (const w of seedWorkflows()) store.seed('workflows', w);
  for (const p of seedParams()) store.seed('params', p);
  for (const s of seedSubnets()) store.seed('subnets', s);
  for (const m of buildMachines(new Prng(seed), machineCount)) store.seed('machines', m);
}
