import { keyFieldOf } from '../src/protocol/drp-types';

/**
 * Which object types the simulator stores, and each type's key (docs/reference/drp-protocol.md §5: `Uuid` for
 * machines and jobs, the hex IPv4 of `Addr` for leases and reservations, `Name` elsewhere).
 */

export type DrpObject = Record<string, unknown>;

/** 10.10.12.57 -> `0A0A0C39`: 8 upper-case hex digits, `models/lease.go` `Hexaddr` (§5). */
export function hexAddr(ip: string): string {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return '';
  return parts.map((p) => p.toString(16).toUpperCase().padStart(2, '0')).join('');
}

export const STORED_TYPES: readonly string[] = [
  'machines',
  'jobs',
  'profiles',
  'params',
  'stages',
  'workflows',
  'tasks',
  'bootenvs',
  'subnets',
  'leases',
  'reservations',
];

export function isStoredType(type: string): boolean {
  return STORED_TYPES.includes(type);
}

/** The object's key as DRP computes it, or '' when the key field is missing or not a string. */
export function keyOf(type: string, object: DrpObject): string {
  const value = object[keyFieldOf(type)];
  if (typeof value !== 'string') return '';
  return type === 'leases' || type === 'reservations' ? hexAddr(value) : value;
}

/**
 * The fields every stored model carries from its embedded structs (docs/reference/drp-protocol.md §4.3:
 * Validation, Access, Meta, Owned, Bundled), with the values the server's `Fill()` gives a new one.
 */
export function embeddedModelFields(): DrpObject {
  return { Validated: true, Available: true, Errors: [], ReadOnly: false, Meta: {}, Endpoint: '', Bundle: '' };
}
