import { gohaiInventory, macAddress } from './gohai-inventory';
import type { Prng } from './prng';
import { WORKFLOWS, stageAndBootEnvAt, type WorkflowDef } from './workflows';
import { embeddedModelFields, type DrpObject } from './model-keys';

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Every Nth machine carries a large inventory param (docs/reference/drp-protocol.md §6: "very long"). */
export const LARGE_INVENTORY_EVERY = 5;
export const LARGE_INVENTORY_BYTES = 40_000;

/** What a caller other than the seed store (the benchmarks) changes about a machine. */
export interface MachineOptions {
  /**
   * Builds the `gohai-inventory` param from the same PRNG, or null for none. Default: a
   * LARGE_INVENTORY_BYTES inventory on every LARGE_INVENTORY_EVERY-th machine.
   */
  inventory?: ((rng: Prng) => Record<string, unknown>) | null;
  /** Params added after the defaults (a key given here wins). */
  params?: Record<string, unknown>;
  /** Default: WORKFLOWS in turn by index. */
  workflow?: WorkflowDef;
  /** A machine part way through its workflow: the task it is at, with a job. Default -1 (idle, no job). */
  currentTask?: number;
}

function defaultInventory(index: number): MachineOptions['inventory'] {
  return index % LARGE_INVENTORY_EVERY === 0 ? (rng) => gohaiInventory(rng, LARGE_INVENTORY_BYTES) : null;
}

/**
 * A machine object with the v4.8 field set of `models/machine.go` plus `WorkOrderMode`
 * (docs/reference/drp-protocol.md §6), values as a lab endpoint would show them. Deterministic for the PRNG state.
 */
export function buildMachine(rng: Prng, index: number, options: MachineOptions = {}): DrpObject {
  const rack = 10 + Math.floor(index / 40);
  const unit = (index % 40) + 1;
  const uuid = rng.uuid();
  const macs = [macAddress(rng), macAddress(rng)];
  const workflow = options.workflow ?? WORKFLOWS[index % WORKFLOWS.length];
  const currentTask = options.currentTask ?? -1;
  const { stage, bootEnv } = stageAndBootEnvAt(workflow, Math.max(0, currentTask));
  const currentJob = currentTask >= 0 ? rng.uuid() : '';
  const params: Record<string, unknown> = {
    'last-boot-macaddr': macs[0],
    'operating-system-disk': rng.pick(['sda', 'nvme0n1']),
    'machine-plugin': rng.pick(['ipmi', 'redfish']),
    ...options.params,
  };
  const inventory = options.inventory === undefined ? defaultInventory(index) : options.inventory;
  if (inventory) params['gohai-inventory'] = inventory(rng);
  return {
    ...embeddedModelFields(),
    Meta: { color: 'black', icon: 'server', 'feature-flags': 'change-stage-v2' },
    Partial: false,
    Name: `r${rack}-u${String(unit).padStart(2, '0')}.lab.example.com`,
    Description: '',
    Uuid: uuid,
    CurrentJob: currentJob,
    Address: `10.10.${rack}.${unit + 10}`,
    Stage: stage,
    BootEnv: bootEnv,
    Profiles: ['site-dc1', `rack-r${rack}`],
    Params: params,
    Tasks: [...workflow.tasks],
    CurrentTask: currentTask,
    RetryTaskAttempt: 0,
    TaskErrorStacks: [],
    Runnable: true,
    Secret: rng.token(16),
    OS: workflow.os,
    HardwareAddrs: macs,
    Workflow: workflow.name,
    Arch: 'amd64',
    Locked: false,
    Context: '',
    Fingerprint: {
      SSNHash: rng.base64(32),
      CSNHash: rng.base64(32),
      CloudInstanceID: '',
      SystemUUID: rng.uuid(),
      MemoryIds: [rng.base64(16), rng.base64(16)],
    },
    Pool: 'default',
    PoolAllocated: false,
    PoolStatus: 'Free',
    WorkflowComplete: false,
    WorkOrderMode: false,
  };
}

export function buildMachines(rng: Prng, count: number): DrpObject[] {
  return Array.from({ length: count }, (_, i) => buildMachine(rng, i));
}
