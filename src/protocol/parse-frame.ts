import { ACK_TYPE } from './event';
import type { CommandVerb, DrpAck, DrpEvent } from './event';
import { isPlainObject } from './plain-object';

/** One websocket text frame, classified. `bytes` is the raw text length (UTF-16 code units). */
export type ParsedFrame =
  | { kind: 'event'; event: DrpEvent; bytes: number }
  | { kind: 'ack'; ack: DrpAck; bytes: number }
  | { kind: 'error'; reason: string; bytes: number; preview: string };

const PREVIEW_CHARS = 200;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * A copy of the first `PREVIEW_CHARS` that does not keep `text` alive. V8 may implement `slice` as a
 * view into the parent string, so a 200-character preview could pin a 20 MB frame in memory for as
 * long as the error list keeps it; joining the characters builds a fresh string.
 */
function previewOf(text: string): string {
  return Array.from(text.slice(0, PREVIEW_CHARS)).join('');
}

function fail(text: string, reason: string): ParsedFrame {
  return { kind: 'error', reason, bytes: text.length, preview: previewOf(text) };
}

/**
 * Parses one text frame from the event socket (docs/reference/drp-protocol.md §4.1). Never throws: bad input
 * becomes `kind: 'error'` with a human readable reason, so the ingest path can count and show it.
 *
 * - `Time`, `Type`, `Action`, `Key` must be strings. `Time`'s format is not checked here: an
 *   odd clock should not cost the user the event (`parseDrpTime` returns null for it instead).
 * - `Principal` missing -> "" (servers < v3.11); `Original` missing -> null (< v3.13);
 *   `Object` missing -> null. `Object`/`Original` may be any JSON.
 * - `Type` "websocket" with Action register/deregister is the server's ack (§2.3).
 *   Other unknown keys are ignored (forward compatibility).
 */
export function parseFrame(text: string): ParsedFrame {
  if (typeof text !== 'string') return { kind: 'error', reason: 'frame is not text', bytes: 0, preview: '' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    // V8's parser is iterative, but other engines recurse and throw RangeError on deep nesting.
    if (err instanceof RangeError) return fail(text, `JSON too deeply nested to parse (${err.message})`);
    return fail(text, `not JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isPlainObject(value)) return fail(text, `not a JSON object (got ${describe(value)})`);
  const record = value;
  for (const field of ['Time', 'Type', 'Action', 'Key'] as const) {
    if (!Object.hasOwn(record, field)) return fail(text, `missing ${field}`);
    if (typeof record[field] !== 'string') {
      return fail(text, `field ${field} is not a string (got ${describe(record[field])})`);
    }
  }
  if (Object.hasOwn(record, 'Principal') && typeof record.Principal !== 'string') {
    return fail(text, `field Principal is not a string (got ${describe(record.Principal)})`);
  }
  const event: DrpEvent = {
    Time: record.Time as string,
    Type: record.Type as string,
    Action: record.Action as string,
    Key: record.Key as string,
    Principal: Object.hasOwn(record, 'Principal') ? (record.Principal as string) : '',
    Object: Object.hasOwn(record, 'Object') ? record.Object : null,
    Original: Object.hasOwn(record, 'Original') ? record.Original : null,
  };
  if (event.Type === ACK_TYPE && (event.Action === 'register' || event.Action === 'deregister')) {
    const verb: CommandVerb = event.Action;
    return { kind: 'ack', ack: { verb, spec: event.Key, Time: event.Time }, bytes: text.length };
  }
  return { kind: 'event', event, bytes: text.length };
}
