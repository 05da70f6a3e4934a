import { isPlainObject } from '../protocol/plain-object';

/**
 * Which field identifies the items of an array of DRP objects, so that a diff can match items by
 * identity instead of by position (an insertion at the front must not show every item as changed).
 *
 * DRP model keys are `Uuid` (machines, jobs), `Name` (most types), `Id` (pools, endpoints, raw
 * models) and `ID` (templates) — docs/reference/drp-protocol.md §5. `Uuid` is tried before `Name` because a machine
 * can be renamed while its Uuid stays; `Name` before `ID` because embedded template references in
 * tasks and bootenvs carry `ID: ""` on every inline item (fixtures/drp-objects/tasks.json).
 */
export const IDENTITY_FIELDS: readonly string[] = ['Uuid', 'Name', 'Id', 'ID'];

export type IdentityValue = string | number;

function isIdentityValue(value: unknown): value is IdentityValue {
  return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}

function fieldIdentifies(field: string, items: readonly unknown[], seen: Set<IdentityValue>): boolean {
  seen.clear();
  for (const item of items) {
    if (!isPlainObject(item)) return false;
    const value = item[field];
    if (!isIdentityValue(value) || seen.has(value)) return false;
    seen.add(value);
  }
  return true;
}

/**
 * The first of IDENTITY_FIELDS whose value is present, non-empty and unique on every item of both
 * arrays; undefined when there is none (then items are matched by position).
 */
export function identityFieldOf(before: readonly unknown[], after: readonly unknown[]): string | undefined {
  const probe = before.length > 0 ? before[0] : after[0];
  // Cheap exit for the common case: arrays of strings (Profiles, Tasks, HardwareAddrs).
  if (!isPlainObject(probe)) return undefined;
  const seen = new Set<IdentityValue>();
  for (const field of IDENTITY_FIELDS) {
    if (!(field in probe)) continue;
    if (fieldIdentifies(field, before, seen) && fieldIdentifies(field, after, seen)) return field;
  }
  return undefined;
}
