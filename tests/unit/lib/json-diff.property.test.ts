import fc from 'fast-check';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { IDENTITY_FIELDS } from '../../../src/lib/array-identity';
import { diffObjects } from '../../../src/lib/json-diff';

/*
 * Our hand-written diff (src/lib/json-diff.ts, chosen by benchmark: docs/decisions/diff-library.md)
 * against fast-json-patch's `compare`, an RFC 6902 patch generator, on random pairs of JSON objects:
 * both must name the same set of changed paths, each with the same kind of change.
 *
 * How the two outputs are mapped onto one set of paths:
 * - A patch op's `path` is an RFC 6901 pointer; unescaped (`~1` → `/`, `~0` → `~`) and split, it is
 *   a list of keys and array positions. A DiffEntry's `segments` are the same list (positions as
 *   numbers, hence String()). For both, a replaced/changed value, an added key and a removed key
 *   sit at the path of that value.
 * - `compare` walks every array by position; so do we for arrays of objects without an identity
 *   field. Arrays whose items we match by identity (`Uuid`, `Name`, `Id`, `ID`) cannot be compared:
 *   an item moved in such an array is no change for us and a run of replaces for `compare`. The
 *   generators therefore never use those four keys.
 * - Arrays of primitives we align (LCS), `compare` walks by position: they agree that the array
 *   changed, not on which positions. Where before and after both hold such an array, both sides'
 *   paths are cut back to the array itself.
 * - Both report a change of JSON kind (null, primitive, array, object) as one replace at that path.
 * - Kinds map one to one: `add` = added, `remove` = removed, `replace` = changed; a path cut back
 *   to an array of primitives is "changed" on both sides.
 *
 * On a failure fast-check prints the seed and the shrunk pair; `fc.assert(..., { seed, path })`
 * replays it.
 */

// Few keys so that two independently drawn objects share many of them; `/`, `~`, `~1` and the empty
// key exercise the pointer escaping.
const KEYS = ['a', 'b', 'c', 'Params', 'Stage', 'change-stage/map', 'm~n', '~1', '', 'odd key'];

const primitive = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, '', 'x', 'y'),
  fc.integer({ min: -5, max: 5 }),
  fc.string({ maxLength: 2 }),
);

const { json, object } = fc.letrec<{ json: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, primitive, tie('object'), tie('array')),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('json'), { maxKeys: 5, noNullPrototype: true }),
  array: fc.oneof(
    fc.array(primitive, { maxLength: 5 }),
    fc.array(tie('object'), { maxLength: 4 }),
    fc.array(tie('json'), { maxLength: 4 }),
  ),
}));

/** An edit of one spot of a document: `at` picks the spot, deeper while it has bits left. */
interface Edit {
  at: number;
  action: 'set' | 'delete' | 'insert';
  value: unknown;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  action: fc.constantFrom('set', 'delete', 'insert'),
  value: json,
});

function childKeys(node: unknown): (string | number)[] {
  if (Array.isArray(node)) return node.map((_, i) => i);
  if (typeof node === 'object' && node !== null) return Object.keys(node);
  return [];
}

/** Applies one edit in place: walks down by `at`, then sets, deletes or inserts next to the spot. */
function applyEdit(doc: Record<string, unknown>, { at, action, value }: Edit): void {
  let node: unknown = doc;
  let bits = at;
  for (;;) {
    const keys = childKeys(node);
    if (keys.length === 0) return;
    const key = keys[bits % keys.length];
    bits = Math.floor(bits / keys.length);
    const child = (node as Record<string | number, unknown>)[key];
    if (bits % 2 === 1 && childKeys(child).length > 0) {
      node = child;
      bits = Math.floor(bits / 2);
      continue;
    }
    if (Array.isArray(node)) {
      const index = key as number;
      if (action === 'delete') node.splice(index, 1);
      else if (action === 'insert') node.splice(index, 0, structuredClone(value));
      else node[index] = structuredClone(value);
    } else {
      const record = node as Record<string, unknown>;
      if (action === 'delete') delete record[key];
      else record[action === 'insert' ? KEYS[bits % KEYS.length] : key] = structuredClone(value);
    }
    return;
  }
}

const isPrimitiveArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');

function childOf(node: unknown, token: string): unknown {
  if (Array.isArray(node)) return node[Number(token)];
  if (typeof node === 'object' && node !== null && Object.hasOwn(node, token)) return (node as Record<string, unknown>)[token];
  return undefined;
}

type Kind = 'added' | 'removed' | 'changed';

/**
 * A change as "kind path"; cut back to the first array of primitives that both documents hold on
 * the way, which then just "changed".
 */
function change(kind: Kind, tokens: string[], before: unknown, after: unknown): string {
  let b = before;
  let a = after;
  for (let i = 0; i < tokens.length; i++) {
    if (isPrimitiveArray(b) && isPrimitiveArray(a)) return `changed ${JSON.stringify(tokens.slice(0, i))}`;
    b = childOf(b, tokens[i]);
    a = childOf(a, tokens[i]);
  }
  return `${kind} ${JSON.stringify(tokens)}`;
}

const pointerTokens = (pointer: string): string[] =>
  pointer === '' ? [] : pointer.slice(1).split('/').map(jsonpatch.unescapePathComponent);

const OP_KIND: Record<string, Kind> = { add: 'added', remove: 'removed', replace: 'changed' };

const asSet = (changes: string[]): string[] => [...new Set(changes)].sort();

function oursAndTheirs(before: Record<string, unknown>, after: Record<string, unknown>): { ours: string[]; theirs: string[] } {
  const ours = diffObjects(before, after).map((entry) => change(entry.kind, entry.segments.map(String), before, after));
  const theirs = jsonpatch.compare(before, after).map((op) => change(OP_KIND[op.op], pointerTokens(op.path), before, after));
  return { ours: asSet(ours), theirs: asSet(theirs) };
}

describe('diffObjects against fast-json-patch compare (same changed paths)', () => {
  it('draws no identity keys, so every array is compared by position or as primitives', () => {
    expect(KEYS.filter((key) => IDENTITY_FIELDS.includes(key))).toEqual([]);
  });

  it('agrees on two independently drawn objects', () => {
    fc.assert(
      fc.property(object, object, (before, after) => {
        const { ours, theirs } = oursAndTheirs(before, after);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees on an object and a copy with a few edits, as two saves of one object are', () => {
    fc.assert(
      fc.property(object, fc.array(edit, { minLength: 1, maxLength: 4 }), (before, edits) => {
        const after = structuredClone(before);
        for (const e of edits) applyEdit(after, e);
        const { ours, theirs } = oursAndTheirs(before, after);
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it('finds no change exactly when the objects are equal', () => {
    fc.assert(
      fc.property(object, (before) => {
        expect(diffObjects(before, structuredClone(before))).toEqual([]);
        expect(jsonpatch.compare(before, structuredClone(before))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
