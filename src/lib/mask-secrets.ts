import { isPlainObject } from '../protocol/plain-object';
import type { DiffEntry } from './json-diff';

/**
 * Masks secrets in a DRP event or object before it is shown or copied. Events carry the stored
 * backend object, not the sanitized REST view (docs/reference/drp-protocol.md §4.3), so they can hold:
 * machine `Secret`, user `PasswordHash`, job `Token`, secure-param envelopes `{Key, Nonce, Payload}`
 * (base64, encrypted), and preference values such as `systemGrantorSecret` (`{Name, Val}`).
 */

export const MASK = '••••••••';

const SECRET_FIELDS: ReadonlySet<string> = new Set(['Secret', 'PasswordHash', 'Token']);
const ENVELOPE_FIELDS: readonly string[] = ['Key', 'Nonce', 'Payload'];

/** Empty values stay visible: "no secret set" is useful to see and reveals nothing. */
function maskValue(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  return MASK;
}

/** A secure param value: all three envelope fields present (they may carry extra fields in future). */
function isSecureEnvelope(value: Record<string, unknown>): boolean {
  return ENVELOPE_FIELDS.every((field) => typeof value[field] === 'string');
}

/** A preference whose name says it is a secret (`preferences.save` Object is `{Meta, Name, Val}`). */
function isSecretPreference(value: Record<string, unknown>): boolean {
  return typeof value.Name === 'string' && /secret/i.test(value.Name) && 'Val' in value;
}

/** Whether `parent[field]` holds a secret (by its name, or by what its parent is). */
export function isSecretField(parent: unknown, field: string | number): boolean {
  if (typeof field !== 'string' || !isPlainObject(parent)) return false;
  if (SECRET_FIELDS.has(field)) return true;
  if (ENVELOPE_FIELDS.includes(field) && isSecureEnvelope(parent)) return true;
  return field === 'Val' && isSecretPreference(parent);
}

/** Own-property write: a `__proto__` key from JSON.parse must stay a key, not become the prototype. */
function setOwn(target: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * A masked deep copy; the input is not modified. Non-secret values are kept as they are. Iterative,
 * not recursive: a hostile frame can nest 100,000 levels (which V8 still parses), and the Object tab
 * masks every event it shows.
 */
export function maskSecrets(value: unknown): unknown {
  const holder: unknown[] = [undefined];
  const pending: [source: unknown, target: Record<string, unknown> | unknown[], key: string | number][] = [[value, holder, 0]];
  for (let task = pending.pop(); task !== undefined; task = pending.pop()) {
    const [source, target, key] = task;
    if (Array.isArray(source)) {
      const copy: unknown[] = new Array<unknown>(source.length);
      setOwn(target, key, copy);
      source.forEach((child, index) => pending.push([child, copy, index]));
    } else if (isPlainObject(source)) {
      const copy: Record<string, unknown> = {};
      setOwn(target, key, copy);
      for (const [field, child] of Object.entries(source)) {
        // Written now, so the copy keeps the source's key order; a nested value is filled in later.
        setOwn(copy, field, isSecretField(source, field) ? maskValue(child) : child);
        if (!isSecretField(source, field) && typeof child === 'object' && child !== null) pending.push([child, copy, field]);
      }
    } else {
      setOwn(target, key, source);
    }
  }
  return holder[0];
}

/** The value at `segments` inside `root`; `found: false` when the path leads nowhere there. */
function valueAt(root: unknown, segments: readonly (string | number)[]): { found: boolean; value: unknown } {
  let node: unknown = root;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return { found: false, value: undefined };
    node = (node as Record<string | number, unknown>)[segment];
  }
  return { found: true, value: node };
}

/**
 * Diff entries with their secrets masked. `before` and `after` are the objects the diff compared.
 * A value is masked whole when its place is secret in either object (a changed `Secret` reads
 * `•••••••• → ••••••••`: it changed, and nothing else is said); otherwise the secrets inside it are.
 */
export function maskDiffEntries(entries: readonly DiffEntry[], before: unknown, after: unknown): DiffEntry[] {
  return entries.map((entry) => {
    const leaf = entry.segments[entry.segments.length - 1];
    const secret =
      leaf !== undefined &&
      [before, after].some((root) => {
        const parent = valueAt(root, entry.segments.slice(0, -1));
        return parent.found && isSecretField(parent.value, leaf);
      });
    const mask = (value: unknown): unknown => (secret ? maskValue(value) : maskSecrets(value));
    return { ...entry, before: mask(entry.before), after: mask(entry.after) };
  });
}
