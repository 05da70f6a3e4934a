import type { Prng } from './prng';

/**
 * A `gohai-inventory` param value of roughly `targetBytes` of JSON. Real ones are "very long"
 * (docs/reference/drp-protocol.md §6: RackN's filebeat plugin blanks them out of every machine event), so machine
 * events carrying one are tens of KB, and twice that with `Original`.
 */
export function gohaiInventory(rng: Prng, targetBytes: number): Record<string, unknown> {
  // Keys are written in sorted order: the value is a Go map on the wire (docs/reference/drp-protocol.md
  // §4.4), and an already sorted map lets go-json.ts skip its copy. The rng is drawn in the old order.
  const interfaces = Array.from({ length: rng.int(2, 4) }, (_, i) => {
    const hardwareAddr = macAddress(rng);
    const addr = `10.10.${rng.int(10, 40)}.${rng.int(10, 250)}/24`;
    return { Addrs: [addr], Flags: ['up', 'broadcast', 'multicast'], HardwareAddr: hardwareAddr, MTU: 1500, Name: `eno${i + 1}` };
  });
  const cores = rng.pick([16, 32, 64]);
  const memory = rng.pick([131072, 262144, 524288]) * 1024 * 1024;
  const serial = rng.token(7).toUpperCase();
  const modules: Record<string, unknown>[] = [];
  const inventory: Record<string, unknown> = {
    CPU: { Cores: cores, MHz: 2100, Model: 'Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz', Vendor: 'GenuineIntel' },
    DMI: { System: { Manufacturer: 'Dell Inc.', ProductName: 'PowerEdge R640', SerialNumber: serial } },
    Memory: { SwapTotal: 0, Total: memory },
    Networking: { Interfaces: interfaces },
    Other: { 'kernel-modules': modules },
  };
  let size = JSON.stringify(inventory).length;
  while (size < targetBytes) {
    const name = `mod_${rng.token(6).toLowerCase()}`;
    const moduleSize = rng.int(4096, 900000);
    const usedBy = `dep_${rng.token(4).toLowerCase()}`;
    const entry = { Name: name, Offset: `0x${rng.hex(8)}`, Size: moduleSize, State: 'Live', UsedBy: [usedBy] };
    modules.push(entry);
    size += JSON.stringify(entry).length + 1;
  }
  return inventory;
}

export function macAddress(rng: Prng): string {
  return Array.from(rng.bytes(6), (b, i) => (i === 0 ? b & 0xfe : b).toString(16).padStart(2, '0')).join(':');
}
