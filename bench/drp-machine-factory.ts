import { embeddedModelFields } from '../simulator/model-keys';

/**
 * Deterministic, realistic DRP machine objects for benchmarks: the v4.8 field list of
 * docs/reference/drp-protocol.md §6, plus a `gohai-inventory` param scaled to a target size (§6: "Plan for
 * 10–100+ KB machine events, and the occasional multi-MB one"). Values are made up; shapes follow
 * the models (Uuid keys, base64 []byte fields, arrays of named objects).
 */

/** mulberry32: a tiny seeded PRNG so every run diffs the same objects. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const hex = (random: Random, length: number): string => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');

const uuid = (random: Random): string => `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;

const mac = (random: Random): string => Array.from({ length: 6 }, () => hex(random, 2)).join(':');

const base64 = (random: Random, bytes: number): string =>
  Buffer.from(Array.from({ length: bytes }, () => Math.floor(random() * 256))).toString('base64');

function networkInterface(random: Random, name: string): Record<string, unknown> {
  return {
    Name: name,
    HardwareAddr: mac(random),
    MTU: 1500,
    Flags: ['up', 'broadcast', 'multicast'],
    Addrs: [`10.10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}/24`, `fe80::${hex(random, 4)}:${hex(random, 4)}/64`],
    Speed: 10000,
    Driver: 'ixgbe',
  };
}

function pciDevice(random: Random, index: number): Record<string, unknown> {
  const bus = index.toString(16).padStart(2, '0');
  return {
    ID: `0000:${bus}:${hex(random, 2)}.${index % 8}`,
    Class: { ID: hex(random, 4), Name: 'Ethernet controller' },
    Vendor: { ID: '8086', Name: 'Intel Corporation' },
    Product: { ID: hex(random, 4), Name: `82599ES 10-Gigabit SFI/SFP+ Network Connection rev ${index}` },
    Subsystem: { ID: hex(random, 4), Name: 'Ethernet Server Adapter X520-2' },
    Driver: 'ixgbe',
    IOMMUGroup: index,
  };
}

function memoryDevice(random: Random, index: number): Record<string, unknown> {
  return {
    Name: `DIMM_${String.fromCharCode(65 + (index % 8))}${index}`,
    Size: '32 GB',
    Speed: '2933 MT/s',
    Manufacturer: 'Samsung',
    SerialNumber: hex(random, 8).toUpperCase(),
    PartNumber: 'M393A4K40CB2-CVF',
    FormFactor: 'DIMM',
    Type: 'DDR4',
  };
}

function packageRecord(random: Random, index: number): Record<string, unknown> {
  return {
    Name: `pkg-${index.toString(36)}-${hex(random, 4)}`,
    Version: `${1 + Math.floor(random() * 9)}.${Math.floor(random() * 30)}.${Math.floor(random() * 99)}`,
    Release: `${Math.floor(random() * 20)}.el8`,
    Arch: 'x86_64',
    Summary: 'A package installed on the discovery image, listed by the inventory task',
  };
}

/** A gohai-like inventory whose compact JSON is about `targetBytes` long. */
export function gohaiInventory(random: Random, targetBytes: number): Record<string, unknown> {
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
    Network: { Interfaces: ['eno1', 'eno2', 'ens1f0', 'ens1f1'].map((name) => networkInterface(random, name)) },
    DMI: { Memory: { Devices: Array.from({ length: 12 }, (_, i) => memoryDevice(random, i)) } },
    PCI: [] as unknown[],
    Packages: [] as unknown[],
  };
  const pci = inventory.PCI as unknown[];
  const packages = inventory.Packages as unknown[];
  for (let i = 0; i < 24; i++) pci.push(pciDevice(random, i));
  let size = JSON.stringify(inventory).length;
  // Grow with installed packages until the target size (a package record is ~170 B).
  while (size < targetBytes) {
    const record = packageRecord(random, packages.length);
    packages.push(record);
    size += JSON.stringify(record).length + 1;
  }
  return inventory;
}

export interface MachineOptions {
  seed: number;
  /** Approximate size of the gohai-inventory param; 0 leaves it out. */
  inventoryBytes: number;
}

/** A machine object with the v4.8 field list (docs/reference/drp-protocol.md §6). */
export function makeMachine({ seed, inventoryBytes }: MachineOptions): Record<string, unknown> {
  const random = seededRandom(seed);
  const id = uuid(random);
  const params: Record<string, unknown> = {
    'last-boot-macaddr': mac(random),
    'operating-system-disk': 'sda',
    'change-stage/map': { discover: 'centos-8-install:Reboot', 'centos-8-install': 'complete:Success' },
    'access-keys': { 'ops@lab': `ssh-ed25519 ${base64(random, 32)} ops@lab` },
    'kernel-console': 'console=ttyS1,115200',
    'ntp-servers': ['10.0.0.1', '10.0.0.2'],
  };
  if (inventoryBytes > 0) params['gohai-inventory'] = gohaiInventory(random, inventoryBytes);
  return {
    ...embeddedModelFields(),
    Meta: { color: 'black', icon: 'server', 'feature-flags': 'change-stage-v2' },
    Partial: false,
    Name: 'r12-u07.lab.example.com',
    Description: '',
    Uuid: id,
    CurrentJob: uuid(random),
    Address: '10.10.12.57',
    Stage: 'centos-8-install',
    BootEnv: 'centos-8-install',
    Profiles: ['site-dc1', 'rack-r12'],
    Params: params,
    // A 20-odd task workflow (docs/reference/drp-protocol.md §6.1: provisioning runs 20–40 tasks).
    Tasks: [
      'stage:discover',
      'bootenv:sledgehammer',
      'enforce-sledgehammer',
      'set-machine-ip-in-sledgehammer',
      'reserve-dhcp-address',
      'ssh-access',
      'gohai',
      'inventory-minimal',
      'raid-reset',
      'bios-configure',
      'stage:centos-8-install',
      'bootenv:centos-8-install',
      'centos-drp-only-repos',
      'set-hostname',
      'network-config',
      'ansible-apply',
      'drp-agent',
      'stage:complete',
      'bootenv:local',
    ],
    CurrentTask: 8,
    RetryTaskAttempt: 0,
    TaskErrorStacks: [],
    Runnable: true,
    Secret: base64(random, 12),
    OS: 'centos-8',
    HardwareAddrs: [mac(random), mac(random)],
    Workflow: 'centos-8-base',
    Arch: 'amd64',
    Locked: false,
    Context: '',
    Fingerprint: {
      SSNHash: base64(random, 32),
      CSNHash: base64(random, 32),
      CloudInstanceID: '',
      SystemUUID: uuid(random),
      MemoryIds: [base64(random, 16), base64(random, 16)],
    },
    Pool: 'default',
    PoolAllocated: false,
    PoolStatus: 'Free',
    WorkflowComplete: false,
  };
}

/** A deep copy, as if the server had marshalled the object again (no shared references). */
export function reparse<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const byteLength = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));
