import { hexAddr, type DrpObject } from './model-keys';
import { emit, removeIfPresent, type PlanContext } from './workload-context';
import { buildLease, buildServeRecord } from './workload-objects';

/**
 * What booting machines cause besides their workflow (docs/reference/drp-protocol.md §6.1): DHCP
 * exchanges (`leases.save` each time, `leases.delete` on expiry or release, `machines.save` when
 * DHCP records what it learned about a known machine) and file serves over HTTP and TFTP.
 */

const STATIC_FILES = [
  '/sledgehammer/vmlinuz0',
  '/sledgehammer/stage1.img',
  '/centos-8/install/images/pxeboot/initrd.img',
  '/machines/<uuid>/compute.ks',
];
const TFTP_FILES = ['lpxelinux.0', 'ipxe.efi', 'pxelinux.cfg/<hex>', 'ldlinux.c32'];

export function planDhcp(ctx: PlanContext, uuid: string): void {
  const m = ctx.store.get('machines', uuid);
  if (!m) return;
  const address = m.Address as string;
  const mac = (m.HardwareAddrs as string[])[0] ?? '';
  const key = hexAddr(address);
  const roll = ctx.rng.next();
  if (roll < 0.1) {
    // The lease ran out or the machine released it.
    ctx.queue.push(() => removeIfPresent(ctx, 'leases', key, 'dhcp'));
    ctx.queue.push(() => ctx.log.write('dhcp', 'info', 'midlayer/dhcp.go', `Lease ${key} released by ${mac}`, 'dhcp'));
    return;
  }
  const state = ctx.rng.pick(['OFFER', 'ACK', 'ACK']);
  ctx.queue.push(() => {
    ctx.store.save('leases', buildLease(address, mac, ctx.clock.nowMs(), state), 'dhcp');
    return true;
  });
  if (roll < 0.3 && state === 'ACK') {
    // DHCP writes back the MAC the machine booted from: an internal write, so `save` (§4.2).
    ctx.queue.push(() => {
      const current = ctx.store.get('machines', uuid);
      if (!current) return false;
      const params = { ...(current.Params as DrpObject), 'last-boot-macaddr': mac };
      ctx.store.replace('machines', uuid, { ...current, Params: params }, 'dhcp', 'save');
      return true;
    });
  }
  if (ctx.rng.chance(0.3)) {
    ctx.queue.push(() => ctx.log.write('dhcp', 'debug', 'midlayer/dhcp.go', `Lease ${key} ${state} for ${mac}`, 'dhcp'));
  }
}

export function planServe(ctx: PlanContext, uuid: string): void {
  const m = ctx.store.get('machines', uuid);
  if (!m) return;
  const tftp = ctx.rng.chance(0.4);
  const template = ctx.rng.pick(tftp ? TFTP_FILES : STATIC_FILES);
  const url = template.replace('<uuid>', uuid).replace('<hex>', hexAddr(m.Address as string));
  const failed = ctx.rng.chance(0.04);
  const status = tftp ? (failed ? 'FAILED' : 'SUCCESS') : failed ? '404' : '200';
  const bytes = failed ? 0 : ctx.rng.int(800, 60_000_000);
  const durationMs = ctx.rng.int(2, 4000);
  const type = tftp ? 'tftp' : 'static';
  ctx.queue.push(() =>
    emit(ctx, type, 'serve', url, type, buildServeRecord(url, m.Address as string, ctx.clock.nowMs(), durationMs, bytes, status)),
  );
}
