import { gohaiInventory, macAddress } from './gohai-inventory';
import type { Prng } from './prng';
import { WORKFLOWS, stageAndBootEnvAt } from './workflows';
import { embeddedModelFields, type DrpObject } from './model-keys';

export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** Every Nth machine carries a large inventory param (docs/reference/drp-protocol.md §6: "very long"). */
export const LARGE_INVENTORY_EVERY = 5;
export const LARGE_INVENTORY_BYTES = 40_000;

/**
 * A machine object with the v4.8 field set of `models/machine.go` plus `WorkOrderMode`
 * (docs/reference/drp-protocol.md §6), values as a lab endpoint would show them. Deterministic for the PRNG state.
 */
export function buildMachine(rng: Prng, index: number): DrpObject {
  const rack = 10 + Math.floor(index / 40);
  const unit = (index % 40) + 1;
  const uuid = rng.uuid();
  const macs = [macAddress(rng), macAddress(rng)];
  const workflow = WORKFLOWS[index % WORKFLOWS.length];
  const { stage, bootEnv } = stageAndBootEnvAt(workflow, 0);
  const params: Record<string, unknown> = {
    'last-boot-macaddr': macs[0],
    'operating-system-disk': rng.pick(['sda', 'nvme0n1']),
    'machine-plugin': rng.pick(['ipmi', 'redfish']),
  };
  if (index % LARGE_INVENTORY_EVERY === 0) params['gohai-inventory'] = gohaiInventory(rng, LARGE_INVENTORY_BYTES);
  return {
    ...embeddedModelFields(),
    Meta: { color: 'black', icon: 'server', 'feature-flags': 'change-stage-v2' },
    Partial: false,
    Name: `r${rack}-u${String(unit).padStart(2, '0')}.lab.example.com`,
    Description: '',
    Uuid: uuid,
    CurrentJob: '',
    Address: `10.10.${rack}.${unit + 10}`,
    Stage: stage,
    BootEnv: bootEnv,
    Profiles: ['site-dc1', `rack-r${rack}`],
    Params: params,
    Tasks: [...workflow.tasks],
    CurrentTask: -1,
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
