/**
 * The event shapes the ladder sends: simulator bursts of machines.update with `Original`
 * (docs/reference/drp-protocol.md §6: every update doubles the frame), at two object sizes.
 */
export interface Payload {
  id: 'machine-1k' | 'machine-2k' | 'machine-30k';
  label: string;
  /** `objectBytes` of the simulator burst: size of `Object` and of `Original` each. */
  objectBytes: number;
}

/** A cut-down machine (simulator/burst.ts slimBase): ~0.9 KB frames, the deep window's million events. */
export const MACHINE_1K: Payload = { id: 'machine-1k', label: '~0.4 KB machine + Original', objectBytes: 300 };
export const MACHINE_2K: Payload = { id: 'machine-2k', label: '~2 KB machine + Original', objectBytes: 2000 };
export const MACHINE_30K: Payload = { id: 'machine-30k', label: '~30 KB machine + Original', objectBytes: 30_000 };

export function burstCommand(payload: Payload, rate: number, seconds: number) {
  return { action: 'burst' as const, rate, seconds, objectBytes: payload.objectBytes, withOriginal: true };
}

/** What `control({action:'burst'})` resolves with (simulator/pacer.ts PaceResult). */
export interface BurstResult {
  sent: number;
  firstSendAt: number;
  lastSendAt: number;
}
