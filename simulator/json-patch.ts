/**
 * PATCH bodies as DRP accepts them: an RFC 6902 JSON Patch array (what the DRP CLI and UX send),
 * and, for `Content-Type: application/merge-patch+json`, an RFC 7396 merge object. Both work on a
 * deep copy and never touch the stored object (docs/reference/drp-protocol.md §4.2: PATCH emits `update`).
 */

export class PatchError extends Error {
  /** 409 when a `test` op fails (the object changed under the caller), 400 for a malformed patch. */
  constructor(
    readonly code: 400 | 409,
    message: string,
  ) {
    super(message);
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

interface PatchOp {
  op: string;
  path: string;
  from?: string;
  value?: Json;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new PatchError(400, `bad JSON pointer ${JSON.stringify(pointer)}`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function isContainer(value: Json | undefined): value is Container {
  return typeof value === 'object' && value !== null;
}

function arrayIndex(array: Json[], token: string, forInsert: boolean): number {
  if (forInsert && token === '-') return array.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new PatchError(400, `bad array index ${JSON.stringify(token)}`);
  const index = Number(token);
  if (index > array.length || (!forInsert && index === array.length)) throw new PatchError(400, `array index ${index} out of range`);
  return index;
}

function getAt(doc: Json, tokens: string[]): Json {
  let node: Json = doc;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[arrayIndex(node, token, false)];
    else if (isContainer(node) && Object.hasOwn(node, token)) node = node[token];
    else throw new PatchError(400, `path /${tokens.join('/')} does not exist`);
  }
  return node;
}

function parentOf(doc: Json, tokens: string[]): { parent: Container; last: string } {
  if (tokens.length === 0) throw new PatchError(400, 'operation on the document root is not supported');
  const parent = getAt(doc, tokens.slice(0, -1));
  if (!isContainer(parent)) throw new PatchError(400, `parent of /${tokens.join('/')} is not a container`);
  return { parent, last: tokens[tokens.length - 1] };
}

function add(doc: Json, tokens: string[], value: Json): void {
  const { parent, last } = parentOf(doc, tokens);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, true), 0, value);
  else parent[last] = value;
}

function remove(doc: Json, tokens: string[]): Json {
  const { parent, last } = parentOf(doc, tokens);
  if (Array.isArray(parent)) return parent.splice(arrayIndex(parent, last, false), 1)[0];
  if (!Object.hasOwn(parent, last)) throw new PatchError(400, `path /${tokens.join('/')} does not exist`);
  const old = parent[last];
  delete parent[last];
  return old;
}

function deepEqual(a: Json, b: Json): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (isContainer(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  }
  return value;
}

function toOps(patch: unknown): PatchOp[] {
  if (!Array.isArray(patch)) throw new PatchError(400, 'a JSON Patch must be an array of operations');
  return patch.map((raw, i) => {
    if (!isContainer(raw as Json) || Array.isArray(raw)) throw new PatchError(400, `operation ${i} is not an object`);
    const op = raw as Record<string, unknown>;
    if (typeof op.op !== 'string' || typeof op.path !== 'string') throw new PatchError(400, `operation ${i} needs op and path`);
    if (op.from !== undefined && typeof op.from !== 'string') throw new PatchError(400, `operation ${i} has a bad from`);
    return { op: op.op, path: op.path, from: op.from as string | undefined, value: op.value as Json | undefined };
  });
}

/** Applies an RFC 6902 patch to a copy of `target`; the result must still be a JSON object. */
export function applyJsonPatch<T extends object>(target: T, patch: unknown): T {
  let doc = structuredClone(target) as unknown as Json;
  for (const op of toOps(patch)) {
    const tokens = parsePointer(op.path);
    const needValue = op.op === 'add' || op.op === 'replace' || op.op === 'test';
    if (needValue && op.value === undefined) throw new PatchError(400, `${op.op} ${op.path} needs a value`);
    switch (op.op) {
      case 'add':
        add(doc, tokens, structuredClone(op.value as Json));
        break;
      case 'remove':
        remove(doc, tokens);
        break;
      case 'replace':
        getAt(doc, tokens);
        if (tokens.length === 0) doc = structuredClone(op.value as Json);
        else {
          remove(doc, tokens);
          add(doc, tokens, structuredClone(op.value as Json));
        }
        break;
      case 'move': {
        if (op.from === undefined) throw new PatchError(400, 'move needs from');
        const value = remove(doc, parsePointer(op.from));
        add(doc, tokens, value);
        break;
      }
      case 'copy':
        if (op.from === undefined) throw new PatchError(400, 'copy needs from');
        add(doc, tokens, structuredClone(getAt(doc, parsePointer(op.from))));
        break;
      case 'test':
        if (!deepEqual(getAt(doc, tokens), op.value as Json)) throw new PatchError(409, `test failed at ${op.path}`);
        break;
      default:
        throw new PatchError(400, `unknown op ${JSON.stringify(op.op)}`);
    }
  }
  if (!isContainer(doc) || Array.isArray(doc)) throw new PatchError(400, 'patch result is not an object');
  return doc as unknown as T;
}

function merge(target: Json, patch: Json): Json {
  if (!isContainer(patch) || Array.isArray(patch)) return structuredClone(patch);
  const base: { [key: string]: Json } = isContainer(target) && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = merge(base[key] ?? null, value);
  }
  return base;
}

/** RFC 7396 JSON Merge Patch: objects merge recursively, null deletes, anything else replaces. */
export function applyMergePatch<T extends object>(target: T, patch: unknown): T {
  if (!isContainer(patch as Json) || Array.isArray(patch)) throw new PatchError(400, 'a merge patch must be a JSON object');
  return merge(structuredClone(target) as unknown as Json, patch as Json) as unknown as T;
}
