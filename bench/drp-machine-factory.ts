import { macAddress } from '../simulator/gohai-inventory';
import { buildMachine } from '../simulator/machine-factory';
import { Prng } from '../simulator/prng';
import { workflowByName, type WorkflowDef } from '../simulator/workflows';

/**
 * Deterministic, realistic DRP machine objects for the diff benchmarks: the simulator's machine
 * (simulator/machine-factory.ts, the v4.8 field list of docs/reference/drp-protocol.md §6) in the
 * middle of a 19-task provisioning workflow, with a `gohai-inventory` param scaled to a target size
 * (§6: "Plan for 10–100+ KB machine events, and the occasional multi-MB one"). The inventory is the
 * bench's own shape, not the simulator's: long arrays of named objects (interfaces, PCI devices,
 * DIMMs, thousands of packages) are what the diff's identity matching is measured on, and
 * bench/diff-bench.ts edits them by name.
 */

const hexChars = (rng: Prng, length: number): string => rng.hex(Math.ceil(length / 2)).slice(0, length);

function networkInterface(rng: Prng, name: string): Record<string, unknown> {
  return {
    Name: name,
    HardwareAddr: macAddress(rng),
    MTU: 1500,
    Flags: ['up', 'broadcast', 'multicast'],
    Addrs: [`10.10.${rng.int(0, 254)}.${rng.int(0, 254)}/24`, `fe80::${hexChars(rng, 4)}:${hexChars(rng, 4)}/64`],
    Speed: 10000,
    Driver: 'ixgbe',
  };
}

function pciDevice(rng: Prng, index: number): Record<string, unknown> {
  const bus = index.toString(16).padStart(2, '0');
  return {
    ID: `0000:${bus}:${hexChars(rng, 2)}.${index % 8}`,
    Class: { ID: hexChars(rng, 4), Name: 'Ethernet controller' },
    Vendor: { ID: '8086', Name: 'Intel Corporation' },
    Product: { ID: hexChars(rng, 4), Name: `82599ES 10-Gigabit SFI/SFP+ Network Connection rev ${index}` },
    Subsystem: { ID: hexChars(rng, 4), Name: 'Ethernet Server Adapter X520-2' },
    Driver: 'ixgbe',
    IOMMUGroup: index,
  };
}

function memoryDevice(rng: Prng, index: number): Record<string, unknown> {
  return {
    Name: `DIMM_${String.fromCharCode(65 + (index % 8))}${index}`,
    Size: '32 GB',
    Speed: '2933 MT/s',
    Manufacturer: 'Samsung',
    SerialNumber: hexChars(rng, 8).toUpperCase(),
    PartNumber: 'M393A4K40CB2-CVF',
    FormFactor: 'DIMM',
    Type: 'DDR4',
  };
}

function packageRecord(rng: Prng, index: number): Record<string, unknown> {
  return {
    Name: `pkg-${index.toString(36)}-${hexChars(rng, 4)}`,
    Version: `${rng.int(1, 9)}.${rng.int(0, 29)}.${rng.int(0, 98)}`,
    Release: `${rng.int(0, 19)}.el8`,
    Arch: 'x86_64',
    Summary: 'A package installed on the discovery image, listed by the inventory task',
  };
}

/** A gohai-like inventory whose compact JSON is about `targetBytes` long. */
export function gohaiInventory(rng: Prng, targetBytes: number): Record<string, unknown> {
  const pci = Array.from({ length: 24 }, (_, i) => pciDevice(rng, i));
  const packages: Record<string, unknown>[] = [];
  const inventory: Record<string, unknown> = {
    CPU: {
      Model: 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz',
      Cores: 40,
      Threads: 80,
      Sockets: 2,
      Flags: ['fpu', 'vme', 'de', 'pse', 'tsc', 'msr', 'pae', 'mce', 'avx2', 'avx512f'],
    },
    Memory: { Total: 412316860416, Swap: 0 },
    Platform: { Hostname: 'r12-u07', Kernel: '4.18.0-305.el8.x86_64', OS: 'GNU/Linux' },
    Network: { Interfaces: ['eno1', 'eno2', 'ens1f0', 'ens1f1'].map((name) => networkInterface(rng, name)) },
    DMI: { Memory: { Devices: Array.from({ length: 12 }, (_, i) => memoryDevice(rng, i)) } },
    PCI: pci,
    Packages: packages,
  };
  let size = JSON.stringify(inventory).length;
  // Grow with installed packages until the target size (a package record is ~170 B).
  while (size < targetBytes) {
    const record = packageRecord(rng, packages.length);
    packages.push(record);
    size += JSON.stringify(record).length + 1;
  }
  return inventory;
}

/** Discovery and an OS install in one task list (docs/reference/drp-protocol.md §6.1: provisioning runs 20–40 tasks). */
const PROVISIONING: WorkflowDef = provisioningWorkflow();

/**
 * The simulator's discovery and CentOS install workflows joined into one list, with the tasks a
 * provisioned lab machine also runs (inventory, RAID/BIOS, network, ansible): the same 19 tasks the
 * bench always used, so its object sizes stay comparable across runs.
 */
function provisioningWorkflow(): WorkflowDef {
  const discover = workflowByName('discover-base').tasks;
  const install = workflowByName('centos-8-base');
  const withoutWait = discover.filter((task) => task !== 'stage:sledgehammer-wait');
  const beforeAgent = install.tasks.slice(0, install.tasks.indexOf('ssh-access'));
  const fromAgent = install.tasks.slice(install.tasks.indexOf('drp-agent'));
  return {
    name: install.name,
    os: install.os,
    tasks: [
      ...withoutWait,
      'inventory-minimal',
      'raid-reset',
      'bios-configure',
      ...beforeAgent,
      'network-config',
      'ansible-apply',
      ...fromAgent,
    ],
  };
}

export interface MachineOptions {
  seed: number;
  /** Approximate size of the gohai-inventory param; 0 leaves it out. */
  inventoryBytes: number;
}

/** The simulator's machine at task 8 of PROVISIONING, with the params a provisioned lab machine has. */
export function makeMachine({ seed, inventoryBytes }: MachineOptions): Record<string, unknown> {
  const rng = new Prng(seed);
  return buildMachine(rng, 6, {
    workflow: PROVISIONING,
    currentTask: 8,
    params: {
      'change-stage/map': { discover: 'centos-8-install:Reboot', 'centos-8-install': 'complete:Success' },
      'access-keys': { 'ops@lab': `ssh-ed25519 ${rng.base64(32)} ops@lab` },
      'kernel-console': 'console=ttyS1,115200',
      'ntp-servers': ['10.0.0.1', '10.0.0.2'],
    },
    inventory: inventoryBytes > 0 ? (r) => gohaiInventory(r, inventoryBytes) : null,
  });
}

/** A deep copy, as if the server had marshalled the object again (no shared references). */
export function reparse<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

type MutableMachine = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- edits reach deep into generated objects

/**
 * One provisioning step on a machine with a gohai inventory, in place: the next task and stage, a
 * new check-time param, package `upgraded` at version 9.9.9, package `removed` gone, and a bond
 * interface in front of the others. Returns the two packages so a caller can name their paths.
 */
export function applyProvisioningStep(
  machine: MutableMachine,
  packageIndexes: { upgraded: number; removed: number },
): { upgraded: MutableMachine; removed: MutableMachine } {
  const inventory = machine.Params['gohai-inventory'];
  const upgraded = inventory.Packages[packageIndexes.upgraded];
  const removed = inventory.Packages[packageIndexes.removed];
  machine.CurrentTask = 9;
  machine.Stage = 'centos-8-complete';
  machine.Params['inventory/check-time'] = '2021-08-30T14:02:11Z';
  upgraded.Version = '9.9.9';
  inventory.Packages.splice(packageIndexes.removed, 1);
  inventory.Network.Interfaces.unshift({
    Name: 'bond0',
    HardwareAddr: 'b8:59:9f:2a:11:f0',
    MTU: 9000,
    Flags: ['up'],
    Addrs: [],
    Speed: 20000,
    Driver: 'bonding',
  });
  return { upgraded, removed };
}
