// fast-json-patch ships CommonJS without an `exports` map: Node's ESM loader sees only its default
// export, so the functions are read from that object (the types come with the package).
import jsonpatch, { type Operation } from 'fast-json-patch';
import { isPlainObject } from '../src/protocol/plain-object';

/**
 * PATCH bodies as the simulator accepts them: an RFC 6902 JSON Patch array (what the DRP CLI and UX
 * send, `Content-Type: application/json` or `application/json-patch+json`) and an RFC 7396 merge
 * object (`application/merge-patch+json`). RFC 6902 is applied by fast-json-patch; DRP's rules sit on
 * top: the patch is all or nothing, and any operation that fails, a failed `test` included, is a
 * 409 Conflict (docs/reference/drp-protocol.md §4.2: PATCH emits `update`, so a failed one emits nothing).
 */
export class PatchError extends Error {
  /** 400: the body is not a patch at all; 409: an operation failed; 415: not a patch content type. */
  constructor(
    readonly code: 400 | 409 | 415,
    message: string,
  ) {
    super(message);
  }
}

export type PatchFormat = 'json-patch' | 'merge-patch';

/** The patch format a request's Content-Type names, or null when PATCH does not take that type. */
export function patchFormat(contentType: string | undefined): PatchFormat | null {
  const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType === 'application/json' || mediaType === 'application/json-patch+json') return 'json-patch';
  if (mediaType === 'application/merge-patch+json') return 'merge-patch';
  return null;
}

// fast-json-patch also knows a private `_get` op; a client may only send the six of RFC 6902 §4.
const RFC_6902_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function describeFailure(error: unknown, patch: readonly unknown[]): string {
  if (!(error instanceof jsonpatch.JsonPatchError)) return `Patch error: ${(error as Error).message}`;
  // The library's message appends the whole document; the first line and the op are enough.
  const op = patch[error.index ?? -1] as { op?: unknown; path?: unknown } | undefined;
  const where = op ? ` (operation ${error.index}: ${String(op.op)} ${String(op.path)})` : '';
  return `Patch error: ${error.message.split('\n')[0]}${where}`;
}

/** Applies an RFC 6902 patch to a copy of `target`; `target` is never touched, even when an op fails. */
export function applyJsonPatch<T extends object>(target: T, patch: unknown): T {
  if (!Array.isArray(patch)) throw new PatchError(400, 'a JSON Patch must be an array of operations');
  patch.forEach((op: unknown, index) => {
    if (!isPlainObject(op) || typeof op.op !== 'string' || !RFC_6902_OPS.has(op.op)) {
      throw new PatchError(409, `Patch error: operation ${index} is not an RFC 6902 operation`);
    }
  });
  let result: unknown;
  try {
    // validate = true checks every op's shape and target path before applying it; mutateDocument =
    // false makes the library patch its own deep copy. Values are copied in by reference, hence the
    // copy of the patch too.
    result = jsonpatch.applyPatch(target, jsonpatch.deepClone(patch) as Operation[], true, false).newDocument;
  } catch (error) {
    // Everything applyPatch throws is about the input: JsonPatchError, or the TypeError of its
    // `__proto__` ban.
    throw new PatchError(409, describeFailure(error, patch));
  }
  if (!isPlainObject(result)) throw new PatchError(409, 'Patch error: the result is not an object');
  return result as T;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function merge(target: Json, patch: Json): Json {
  if (!isPlainObject(patch)) return structuredClone(patch);
  const base: { [key: string]: Json } = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete base[key];
    else base[key] = merge(base[key] ?? null, value);
  }
  return base;
}

/** RFC 7396 JSON Merge Patch: objects merge recursively, null deletes, anything else replaces. */
export function applyMergePatch<T extends object>(target: T, patch: unknown): T {
  if (!isPlainObject(patch)) throw new PatchError(400, 'a merge patch must be a JSON object');
  return merge(structuredClone(target) as unknown as Json, patch as Json) as unknown as T;
}
