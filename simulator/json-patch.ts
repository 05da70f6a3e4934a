// fast-json-patch ships CommonJS without an `exports` map: Node's ESM loader sees only its default
// export, so the functions are read from that object (the types come with the package).
import jsonpatch, { type Operation } from 'fast-json-patch';
import { isPlainObject } from '../src/protocol/plain-object';

/**
 * PATCH bodies as DRP takes them: an RFC 6902 JSON Patch array (what the DRP CLI and UX send),
 * applied by fast-json-patch. DRP's rules sit on top: the patch is all or nothing, and any operation
 * that fails, a failed `test` included, is a 409 Conflict with `Type` `PATCH` and the messages
 * `Patch error at line <n>: …` and `Patch line: <op>` (the v4 client's API tests;
 * docs/reference/drp-protocol.md §4.2: PATCH emits `update`, so a failed one emits nothing).
 */
export class PatchError extends Error {
  /** 400: the body is not a patch at all; 409: an operation failed. */
  constructor(
    readonly code: 400 | 409,
    message: string,
    readonly messages: string[] = [message],
  ) {
    super(message);
  }
}

/**
 * DRP's `assureContentType(c, "application/json")`: the request's media type must *contain*
 * `application/json`, case-insensitively, so `application/json-patch+json` passes and
 * `application/merge-patch+json` does not (there is no merge patch on DRP).
 */
export function isJsonContentType(contentType: string | undefined): boolean {
  const mediaType = (contentType ?? '').split(';')[0].trim();
  return mediaType.toLowerCase().includes('application/json');
}

/** gin's `c.ContentType()`: the media type without parameters, as the 400 message quotes it. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim();
}

// fast-json-patch also knows a private `_get` op; a client may only send the six of RFC 6902 §4.
const RFC_6902_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function failure(index: number, reason: string, patch: readonly unknown[]): PatchError {
  const first = `Patch error at line ${index}: ${reason}`;
  return new PatchError(409, first, [first, `Patch line: ${JSON.stringify(patch[index] ?? null)}`]);
}

function describeFailure(error: unknown, patch: readonly unknown[]): PatchError {
  if (!(error instanceof jsonpatch.JsonPatchError)) return failure(0, (error as Error).message, patch);
  // The library's message appends the whole document; its first line is the reason.
  return failure(error.index ?? 0, error.message.split('\n')[0], patch);
}

/** Applies an RFC 6902 patch to a copy of `target`; `target` is never touched, even when an op fails. */
export function applyJsonPatch<T extends object>(target: T, patch: unknown): T {
  if (!Array.isArray(patch)) throw new PatchError(400, 'a JSON Patch must be an array of operations');
  patch.forEach((op: unknown, index) => {
    if (!isPlainObject(op) || typeof op.op !== 'string' || !RFC_6902_OPS.has(op.op)) {
      throw failure(index, 'not an RFC 6902 operation', patch);
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
    throw describeFailure(error, patch);
  }
  if (!isPlainObject(result)) throw failure(0, 'the result is not an object', patch);
  return result as T;
}
