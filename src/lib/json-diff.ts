/**
 * Structural diff of two JSON values (DRP objects: `Original` vs `Object`, or two successive saves of
 * the same key). The output format is ours; no library format leaks to callers.
 *
 * Hand-written rather than a library: bench/diff-bench.ts measured jsondiffpatch (objectHash) and
 * microdiff on realistic DRP objects; see docs/decisions/diff-library.md for the numbers and the why.
 *
 * Rules:
 * - Objects: keys compared by name; entries follow the `after` key order, then removed keys.
 * - Arrays of objects with an identity (IDENTITY_FIELDS in array-identity.ts) are matched by it;
 *   an order-only change is not reported (no move detection).
 * - Arrays of primitives are aligned (sequence-alignment.ts) so one insertion is one entry.
 * - Other arrays are compared by position.
 * - A change of JSON kind (null vs [], object vs array, string vs object) is one `changed` entry
 *   holding both whole values (docs/reference/drp-protocol.md §4.3: every array or map may be null).
 */
import { identityFieldOf } from './array-identity';
import type { IdentityValue } from './array-identity';
import { formatPath } from './json-path';
import type { PathPart } from './json-path';
import { alignSequences } from './sequence-alignment';

export interface DiffEntry {
  /** Display path, e.g. `Params.bar`, `Tasks[Name=foo].State`, `Profiles[2]`; `""` for the root. */
  path: string;
  /**
   * Navigable path: object keys and array positions. It leads into `after` for added and changed
   * entries and into `before` for removed ones (identity-matched items may sit at different positions).
   */
  segments: (string | number)[];
  kind: 'added' | 'removed' | 'changed';
  /** The old value (removed, changed). Shared with the input, not copied: treat as read-only. */
  before?: unknown;
  /** The new value (added, changed). Shared with the input, not copied: treat as read-only. */
  after?: unknown;
}

type JsonKind = 'object' | 'array' | 'primitive';

/**
 * Structural equality with no allocation (no key arrays, no path steps), checked before the walk
 * descends into a member: most of a saved object is unchanged (a machine's inventory, its params),
 * and proving that cheaply is what makes a diff per event affordable in the socket worker
 * (docs/architecture.md, "Changed paths at ingest"). It stops at the first difference.
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const isArray = Array.isArray(a);
  if (isArray !== Array.isArray(b)) return false;
  if (isArray) {
    const left = a as unknown[];
    const right = b as unknown[];
    if (left.length !== right.length) return false;
    for (let index = 0; index < left.length; index++) if (!jsonEqual(left[index], right[index])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (!Object.hasOwn(right, key) || !jsonEqual(left[key], right[key])) return false;
    count += 1;
  }
  for (const key in right) if (Object.hasOwn(right, key)) count -= 1;
  return count === 0;
}

function kindOf(value: unknown): JsonKind {
  if (value === null || typeof value !== 'object') return 'primitive';
  return Array.isArray(value) ? 'array' : 'object';
}

/**
 * One walk, with mutable path stacks; a path is only materialised when an entry is emitted, so
 * equal subtrees of a 1 MB object cost no allocations.
 */
class DiffWalk {
  readonly entries: DiffEntry[] = [];
  private readonly parts: PathPart[] = [];
  private readonly segments: (string | number)[] = [];

  private push(part: PathPart, segment: string | number): void {
    this.parts.push(part);
    this.segments.push(segment);
  }

  private pop(): void {
    this.parts.pop();
    this.segments.pop();
  }

  private emit(kind: DiffEntry['kind'], before: unknown, after: unknown): void {
    const entry: DiffEntry = { path: formatPath(this.parts), segments: this.segments.slice(), kind };
    if (kind !== 'added') entry.before = before;
    if (kind !== 'removed') entry.after = after;
    this.entries.push(entry);
  }

  value(before: unknown, after: unknown): void {
    if (before === after) return;
    if (typeof before === 'object' && before !== null && jsonEqual(before, after)) return;
    const kind = kindOf(before);
    if (kind !== kindOf(after) || kind === 'primitive') {
      this.emit('changed', before, after);
    } else if (kind === 'object') {
      this.objects(before as Record<string, unknown>, after as Record<string, unknown>);
    } else {
      this.arrays(before as unknown[], after as unknown[]);
    }
  }

  private objects(before: Record<string, unknown>, after: Record<string, unknown>): void {
    for (const key of Object.keys(after)) {
      this.push({ kind: 'key', key }, key);
      if (Object.hasOwn(before, key)) this.value(before[key], after[key]);
      else this.emit('added', undefined, after[key]);
      this.pop();
    }
    for (const key of Object.keys(before)) {
      if (Object.hasOwn(after, key)) continue;
      this.push({ kind: 'key', key }, key);
      this.emit('removed', before[key], undefined);
      this.pop();
    }
  }

  private arrays(before: unknown[], after: unknown[]): void {
    const field = identityFieldOf(before, after);
    if (field !== undefined) this.arraysByIdentity(before, after, field);
    else if (before.every(isPrimitive) && after.every(isPrimitive)) this.arraysOfPrimitives(before, after);
    else this.arraysByPosition(before, after);
  }

  private arraysByIdentity(before: unknown[], after: unknown[], field: string): void {
    const idOf = (item: unknown): IdentityValue => (item as Record<string, IdentityValue>)[field];
    const beforeIndex = new Map<IdentityValue, number>();
    before.forEach((item, index) => beforeIndex.set(idOf(item), index));
    const matched = new Uint8Array(before.length);
    after.forEach((item, afterIndex) => {
      const id = idOf(item);
      const index = beforeIndex.get(id);
      this.push({ kind: 'id', field, value: id }, afterIndex);
      if (index === undefined) {
        this.emit('added', undefined, item);
      } else {
        matched[index] = 1;
        this.value(before[index], item);
      }
      this.pop();
    });
    before.forEach((item, index) => {
      if (matched[index]) return;
      this.push({ kind: 'id', field, value: idOf(item) }, index);
      this.emit('removed', item, undefined);
      this.pop();
    });
  }

  private arraysOfPrimitives(before: Primitive[], after: Primitive[]): void {
    for (const step of alignSequences(before, after)) {
      if (step.kind === 'removed') {
        this.push({ kind: 'index', index: step.beforeIndex }, step.beforeIndex);
        this.emit('removed', before[step.beforeIndex], undefined);
      } else {
        this.push({ kind: 'index', index: step.afterIndex }, step.afterIndex);
        if (step.kind === 'added') this.emit('added', undefined, after[step.afterIndex]);
        // Past MAX_LCS_CELLS the alignment pairs by position, so a pair may be equal.
        else if (before[step.beforeIndex] !== after[step.afterIndex])
          this.emit('changed', before[step.beforeIndex], after[step.afterIndex]);
      }
      this.pop();
    }
  }

  private arraysByPosition(before: unknown[], after: unknown[]): void {
    const common = Math.min(before.length, after.length);
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      this.push({ kind: 'index', index }, index);
      if (index < common) this.value(before[index], after[index]);
      else if (index < before.length) this.emit('removed', before[index], undefined);
      else this.emit('added', undefined, after[index]);
      this.pop();
    }
  }
}

type Primitive = string | number | boolean | null;

function isPrimitive(value: unknown): value is Primitive {
  return value === null || typeof value !== 'object';
}

/** Every difference between two JSON values; `[]` when they are structurally equal. */
export function diffObjects(before: unknown, after: unknown): DiffEntry[] {
  const walk = new DiffWalk();
  walk.value(before, after);
  return walk.entries;
}
