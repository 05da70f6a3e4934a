import { KNOWN_TYPES } from '../src/protocol/drp-types';

/**
 * JSON the way DRP's Go server writes it (`encoding/json`, docs/reference/drp-protocol.md §4.4), so the
 * inspector's raw view and byte counts match a real endpoint:
 *
 * - `<`, `>`, `&`, U+2028 and U+2029 inside strings are written as `\u003c`, `\u003e`, `\u0026`,
 *   `\u2028`, `\u2029` (Go's HTML-safe default).
 * - A Go struct keeps its field order; a Go map is written with its keys sorted by bytes (UTF-8).
 *   Which JSON objects are maps is a decision (§4.4): every object under a `Params` or `Meta` key
 *   (`map[string]interface{}` / `map[string]string` in the models) and everything below it, and
 *   the whole `Object`/`Original` of an event whose Type is not a model or a server pseudo type
 *   (a posted event's payload is decoded into `interface{}`, i.e. maps). Everything else (the event
 *   itself, model objects, `log`/`static`/`tftp` records, REST bodies) is a struct: insertion order.
 *
 * Hand-written rather than `JSON.stringify` with a replacer: a JS object always lists integer-like
 * keys first, so `{"b":1,"10":2}` cannot be reordered into Go's `{"10":2,"b":1}` by building objects.
 */

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};
const GO_ESCAPED = /[<>&\u2028\u2029]/g;

/** Keys whose object values are Go maps in DRP's models. */
const MAP_FIELDS = new Set(['Params', 'Meta']);

/** Types whose event `Object` is a Go struct: a model, or the record a server subsystem publishes. */
const STRUCT_EVENT_TYPES = new Set([...KNOWN_TYPES, 'websocket']);

/** Go sorts map keys as byte strings; for UTF-8 that is code point order, which UTF-16 `<` is not. */
export function compareGoKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

// A canonical array index: a JS object lists such keys first, whatever order they were added in.
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const SURROGATE = /[\uD800-\uDFFF]/;

function sortGoKeys(keys: string[]): string[] {
  keys.sort(); // UTF-16 order equals code point order unless a key holds a surrogate pair
  return keys.some((key) => SURROGATE.test(key)) ? keys.sort(compareGoKeys) : keys;
}

/** Whether an object's own keys are in Go's map order and none is an array index. */
function keysInGoOrder(keys: string[]): boolean {
  for (let i = 0; i < keys.length; i++) {
    if (ARRAY_INDEX.test(keys[i] as string)) return false;
    if (i === 0) continue;
    const previous = keys[i - 1] as string;
    const key = keys[i] as string;
    // UTF-16 `<` is Go's byte order except around surrogate pairs; those take the exact compare.
    if (SURROGATE.test(previous) || SURROGATE.test(key) ? compareGoKeys(previous, key) >= 0 : previous >= key) return false;
  }
  return true;
}

/** Whether a map and everything below it already list their keys in Go's order. */
function inGoOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(inGoOrder);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  return keysInGoOrder(keys) && keys.every((key) => inGoOrder(record[key]));
}

function encode(value: unknown, asMap: boolean, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    // Strings, finite numbers and booleans as JSON.stringify writes them; NaN/Infinity become null.
    out.push(typeof value === 'number' && !Number.isFinite(value) ? 'null' : (JSON.stringify(value) ?? 'null'));
    return;
  }
  // Fast path: a map already in Go's order (generators write them so) goes to V8's serializer.
  if (asMap && inGoOrder(value)) {
    out.push(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      encode(item === undefined || typeof item === 'function' ? null : item, asMap, out);
    });
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((key) => record[key] !== undefined && typeof record[key] !== 'function');
  if (asMap) sortGoKeys(keys);
  out.push('{');
  keys.forEach((key, i) => {
    if (i > 0) out.push(',');
    out.push(JSON.stringify(key), ':');
    encode(record[key], asMap || MAP_FIELDS.has(key), out);
  });
  out.push('}');
}

function escapeForGo(json: string): string {
  // The five characters are never JSON syntax, so outside strings they cannot occur.
  return json.replace(GO_ESCAPED, (c) => GO_ESCAPES[c] as string);
}

function encodeWith(run: (out: string[]) => void): string {
  const out: string[] = [];
  run(out);
  return escapeForGo(out.join(''));
}

/** A REST body or a struct-shaped value: insertion order, maps under Params/Meta sorted. */
export function goJson(value: unknown): string {
  return encodeWith((out) => encode(value, false, out));
}

/** Whether an event's Object/Original is a Go struct (kept in order) or decoded `interface{}` (sorted). */
export function eventObjectIsStruct(type: string): boolean {
  return STRUCT_EVENT_TYPES.has(type);
}

/** One event frame: the `models.Event` struct, its payload encoded by `eventObjectIsStruct`. */
export function goJsonEvent(event: { Type: string; Object?: unknown; Original?: unknown }): string {
  const asMap = !eventObjectIsStruct(event.Type);
  const record = event as Record<string, unknown>;
  return encodeWith((out) => {
    out.push('{');
    const keys = Object.keys(record).filter((key) => record[key] !== undefined);
    keys.forEach((key, i) => {
      if (i > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      encode(record[key], asMap && (key === 'Object' || key === 'Original'), out);
    });
    out.push('}');
  });
}
