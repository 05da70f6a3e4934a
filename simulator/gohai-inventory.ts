import type { Prng } from './prng';

/**
 * A `gohai-inventory` param value of roughly `targetBytes` of JSON. Real ones are "very long"
 * (docs/reference/drp-protocol.md §6: RackN's filebeat plugin blanks them out of every machine event), so machine
 * events carrying one are tens of KB, and twice that with `Original`.
 */
export function gohaiInventory(rng: Prng, targetBytes: number): Record<string, unknown> {
  const interfaces = Array.from({ length: rng.int(2, 4) }, (_, i) => ({
    Name: `eno${i + 1}`,
    HardwareAddr: macAddress(rng),
    Flags: ['up', 'broadcast', 'multicast'],
    Addrs: [`10.10.${rng.int(10, 40)}.${rng.int(10, 250)}/24`],
    MTU: 1500,
  }));
  const inventory: Record<string, unknown> = {
    CPU: { Cores: rng.pick([16, 32, 64]), Model: 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz', Vendor: 'GenuineIntel', MHz: 2100 },
    Memory: { Total: rng.pick([131072, 262144, 524288]) * 1024 * 1024, SwapTotal: 0 },
    DMI: { System: { Manufacturer: 'Dell Inc.', ProductName: 'PowerEdge R640', SerialNumber: rng.token(7).toUpperCase() } },
    Networking: { Interfaces: interfaces },
  };
  const modules: Record<string, unknown>[] = [];
  inventory.Other = { 'kernel-modules': modules };
  let size = JSON.stringify(inventory).length;
  while (size < targetBytes) {
    const entry = {
      Name: `mod_${rng.token(6).toLowerCase()}`,
      Size: rng.int(4096, 900000),
      UsedBy: [`dep_${rng.token(4).toLowerCase()}`],
      State: 'Live',
      Offset: `0x${rng.hex(8)}`,
    };
    modules.push(entry);
    size += JSON.stringify(entry).length + 1;
  }
  return inventory;
}

export function macAddress(rng: Prng): string {
  return Array.from(rng.bytes(6), (b, i) => (i === 0 ? b & 0xfe : b).toString(16).padStart(2, '0')).join(':');
}
