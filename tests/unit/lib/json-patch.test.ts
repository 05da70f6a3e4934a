import fc from 'fast-check';
import jsonpatch, { type Operation } from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { jsonPatchBetween, maskJsonPatch, pointerSegments } from '../../../src/lib/json-patch';
import { MASK } from '../../../src/lib/mask-secrets';

/*
 * `Copy as JSON Patch` must copy a patch that applies: for random pairs of documents, applying
 * jsonPatchBetween(base, selected) with fast-json-patch's applyPatch (validating each operation) to
 * a copy of base gives selected. fast-check draws the pairs from a fixed seed (replayable: on a
 * failure it prints the seed and the shrunk pair).
 */

// Few keys, so two independently drawn objects share many; `/`, `~`, `~1`, `~0/` and the empty key
// exercise RFC 6901 escaping. No `__proto__`: applyPatch refuses it by design.
const KEYS = ['a', 'b', 'Params', 'a/b', 'm~n', '~1', '~0/', '', 'odd key', '0'];

const primitive = fc.oneof(fc.constantFrom(null, true, false, 0, 1, '', 'x'), fc.integer({ min: -5, max: 5 }), fc.string({ maxLength: 3 }));

const { json, object } = fc.letrec<{ json: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
  json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, primitive, tie('object'), tie('array')),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('json'), { maxKeys: 6, noNullPrototype: true }),
  array: fc.array(tie('json'), { maxLength: 5 }),
}));

/** Applies the patch to a deep copy of `base` the way a consumer would, validating every operation. */
function applied(base: unknown, patch: ReturnType<typeof jsonPatchBetween>): unknown {
  return jsonpatch.applyPatch(structuredClone(base), patch as Operation[], true, true).newDocument;
}

/** A pointer is well formed when every `~` is followed by 0 or 1 (RFC 6901 §3). */
const wellFormed = (pointer: string): boolean => pointer === '' || (pointer.startsWith('/') && !/~(?![01])/.test(pointer));

describe('jsonPatchBetween', () => {
  it('turns base into selected for random object pairs (applied with fast-json-patch)', () => {
    fc.assert(
      fc.property(object, object, (base, selected) => {
        const patch = jsonPatchBetween(base, selected);
        expect(patch.every((operation) => wellFormed(operation.path))).toBe(true);
        expect(applied(base, patch)).toEqual(selected);
        // The base itself is not modified by generating the patch.
        expect(jsonPatchBetween(base, selected)).toEqual(patch);
      }),
      { seed: 6902, numRuns: 600 },
    );
  });

  it('turns any JSON document into any other, roots of different kinds included', () => {
    fc.assert(
      fc.property(json, json, (base, selected) => {
        expect(applied(base, jsonPatchBetween(base, selected))).toEqual(selected);
      }),
      { seed: 6901, numRuns: 400 },
    );
  });

  it('is empty for equal documents', () => {
    fc.assert(
      fc.property(json, (document) => {
        expect(jsonPatchBetween(document, structuredClone(document))).toEqual([]);
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it('escapes `~` as ~0 and `/` as ~1 in paths', () => {
    const patch = jsonPatchBetween({ 'a/b': 1, 'm~n': { '~1': 'x' } }, { 'a/b': 2, 'm~n': { '~1': 'y' } });
    expect(patch.map((operation) => operation.path).sort()).toEqual(['/a~1b', '/m~0n/~01']);
    expect(pointerSegments('/m~0n/~01')).toEqual(['m~n', '~1']);
  });

  it('replaces the whole document when a root is not an object or an array of the same kind', () => {
    expect(jsonPatchBetween(null, { a: 1 })).toEqual([{ op: 'replace', path: '', value: { a: 1 } }]);
    expect(jsonPatchBetween([1], { a: 1 })).toEqual([{ op: 'replace', path: '', value: { a: 1 } }]);
  });
});

describe('maskJsonPatch', () => {
  it('masks a changed Secret and the secrets inside an added value, and counts them', () => {
    const before = { Name: 'm', Secret: 'old-secret', Params: {} };
    const after = { Name: 'n', Secret: 'new-secret', Params: { user: { Name: 'u', Token: 'tok' } } };
    const { operations, masked } = maskJsonPatch(jsonPatchBetween(before, after), before, after);
    const byPath = Object.fromEntries(operations.map((operation) => [operation.path, operation.value]));
    expect(byPath['/Secret']).toBe(MASK);
    expect(byPath['/Params/user']).toEqual({ Name: 'u', Token: MASK });
    expect(byPath['/Name']).toBe('n');
    expect(masked).toBe(2);
  });

  it('leaves a patch without secrets as it is', () => {
    const before = { a: 1 };
    const after = { a: 2, b: [1] };
    const patch = jsonPatchBetween(before, after);
    expect(maskJsonPatch(patch, before, after)).toEqual({ operations: patch, masked: 0 });
  });
});
