/**
 * RFC 6902 JSON Patch between two versions of an object (the diff's `Copy as JSON Patch`), generated
 * by fast-json-patch's `compare`, the library the simulator applies PATCH bodies with
 * (simulator/json-patch.ts), so what we copy is what a DRP endpoint's PATCH takes. The library's
 * types stay here (CONTRIBUTING.md, house rule 5).
 */
// fast-json-patch ships CommonJS without an `exports` map: under Node's ESM loader (Vitest) only its
// default export exists, so the functions are read from that object, as simulator/json-patch.ts does.
import jsonpatch from 'fast-json-patch';
import { isPlainObject } from '../protocol/plain-object';
import { MASK, isSecretField, maskSecrets } from './mask-secrets';

/** The operations `compare` emits (it never emits move, copy or test). */
export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace';
  /** RFC 6901 pointer: `/Params/a~1b` for the key `a/b`, `~0` for `~`. */
  path: string;
  value?: unknown;
}

const isContainer = (value: unknown): value is object => Array.isArray(value) || isPlainObject(value);

/**
 * The operations that turn `before` into `after`. `compare` walks two containers of the same kind;
 * when the roots are not (null, a primitive, an array replaced by an object) the patch is one
 * `replace` of the whole document (`""` is the root pointer, RFC 6901 §5).
 */
export function jsonPatchBetween(before: unknown, after: unknown): JsonPatchOperation[] {
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ op: 'replace', path: '', value: after }];
  }
  return jsonpatch.compare(before, after) as JsonPatchOperation[];
}

/** The steps of an RFC 6901 pointer, unescaped (`~1` → `/` first is wrong: `~01` is `~1`; §4). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentAt(root: unknown, segments: readonly string[]): unknown {
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * The patch with secret values masked (lib/mask-secrets.ts): a value whose place is secret in
 * either version becomes `••••••••` (empty stays empty), other values have the secrets inside
 * them masked. `masked` counts the operations that lost a real value: such a patch still applies,
 * but writes the mask where the secret was, so the caller must say so.
 */
export function maskJsonPatch(
  operations: readonly JsonPatchOperation[],
  before: unknown,
  after: unknown,
): { operations: JsonPatchOperation[]; masked: number } {
  let masked = 0;
  const result = operations.map((operation) => {
    if (!('value' in operation)) return operation;
    const segments = pointerSegments(operation.path);
    const leaf = segments[segments.length - 1];
    const secretPlace = leaf !== undefined && [before, after].some((root) => isSecretField(parentAt(root, segments.slice(0, -1)), leaf));
    const empty = operation.value === null || operation.value === '';
    const value = secretPlace ? (empty ? operation.value : MASK) : maskSecrets(operation.value);
    if (JSON.stringify(value) !== JSON.stringify(operation.value)) masked += 1;
    return { ...operation, value };
  });
  return { operations: result, masked };
}
