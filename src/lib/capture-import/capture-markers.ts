import { isPlainObject } from '../../protocol/plain-object';
import type { CaptureMarker } from './import-types';

export type MarkerRead =
  | { kind: 'not-a-marker' }
  | { kind: 'unknown'; name: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'marker'; marker: CaptureMarker };

/**
 * Members of each known kind and their JSON types (docs/reference/capture-format.md); a `?` member
 * may be missing (a capture made with a typed token has no user), but when present has that type.
 */
const MEMBERS: Record<CaptureMarker['kind'], Record<string, 'string' | 'number'>> = {
  capture: { version: 'number', 'source?': 'string', 'endpoint?': 'string', 'user?': 'string', 'startedAt?': 'string' },
  subscription: { spec: 'string', at: 'string', state: 'string' },
  gap: { from: 'string', to: 'string', reason: 'string' },
  end: { at: 'string', events: 'number' },
};

function isKnownKind(name: string): name is CaptureMarker['kind'] {
  return Object.hasOwn(MEMBERS, name);
}

/**
 * Reads an `$inspector` marker line. Any JSON object without a string `$inspector` member is an
 * event; a kind we do not know is skipped and counted (the format may grow); a known kind with a
 * missing or mistyped member is reported rather than half-read. Extra members are ignored.
 */
export function readMarker(value: unknown, line: number): MarkerRead {
  if (!isPlainObject(value) || typeof value.$inspector !== 'string') return { kind: 'not-a-marker' };
  const name = value.$inspector;
  if (!isKnownKind(name)) return { kind: 'unknown', name };
  const marker: Record<string, unknown> = { kind: name, line };
  for (const [spelled, type] of Object.entries(MEMBERS[name])) {
    const optional = spelled.endsWith('?');
    const member = optional ? spelled.slice(0, -1) : spelled;
    if (optional && !Object.hasOwn(value, member)) continue;
    if (typeof value[member] !== type) {
      return { kind: 'invalid', message: `"${name}" marker: member ${member} is not a ${type}` };
    }
    marker[member] = value[member];
  }
  return { kind: 'marker', marker: marker as unknown as CaptureMarker };
}
