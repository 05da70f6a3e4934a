/**
 * The subscription filter grammar (docs/reference/drp-protocol.md §2, §3), as the v4.5.4+ Go client matches it
 * locally (`api/event_stream.go` `matches()`/`ValueInList()`), plus command validation and chunking.
 *
 * Where the notes are unsure (build for both readings, §3.2-§3.4):
 * - Servers < v4.5.4 compare each whole field literally: no comma lists, no `\1 \2 \3` escapes.
 *   A spec that uses a list or an escape silently matches nothing there. This module implements
 *   the list grammar; callers talking to old servers must send single literal values.
 * - Newer servers accept a 4th `.filter` field whose syntax is unknown. We split like the client
 *   (`SplitN(spec, ".", 3)`), so a 4th field ends up inside the key field and such a spec will
 *   not match locally; events for it land in the "unattributed" bucket (§3.4 step 4/5).
 * - The escapes cover only `.`, `,` and `*`. A backslash itself has no escape, so a literal
 *   containing `\1`, `\2` or `\3` cannot be expressed; nor can an item with leading/trailing
 *   whitespace, because pieces are trimmed after unescaping. `formatFilter` and
 *   `chunkKeyCommands` refuse such items rather than send something that means another thing.
 * - `machine_jobs` / `work_order_jobs` come from the current docs only; the exact server rule is
 *   unknown (§3.2, §3.4 step 3).
 */
import type { CommandVerb, DrpEvent } from './event';
import { goSplitN, goTrimSpace, isGoSpace, utf8ByteLength } from './go-strings';

/** melody's default MaxMessageSize: a longer command gets close code 1009 (docs/reference/drp-protocol.md §2.2). */
export const MAX_COMMAND_BYTES = 512;

/** '*' only when the field is exactly "*"; otherwise the unescaped, trimmed list items. */
export type FieldMatcher = '*' | readonly string[];

export interface FilterSpec {
  type: FieldMatcher;
  action: FieldMatcher;
  key: FieldMatcher;
}

export type FilterableEvent = Pick<DrpEvent, 'Type' | 'Action' | 'Key' | 'Object'>;

export interface CompiledFilter {
  spec: string;
  test(e: FilterableEvent): boolean;
}

export type CommandCheck = { ok: true; text: string } | { ok: false; reason: string };

const ESCAPES: Record<string, string> = { '.': '\\1', ',': '\\2', '*': '\\3' };
const UNESCAPES: Record<string, string> = { '\\1': '.', '\\2': ',', '\\3': '*' };

/** `.` -> `\1`, `,` -> `\2`, `*` -> `\3`. Backslashes are left alone (there is no escape for them). */
export function escapeField(literal: string): string {
  return literal.replace(/[.,*]/g, (ch) => ESCAPES[ch]);
}

/**
 * `\1` -> `.`, `\2` -> `,`, `\3` -> `*`. The client does three sequential replace-alls; since a
 * replacement never produces a backslash or digit, one left-to-right pass gives the same result.
 */
export function unescapeField(piece: string): string {
  return piece.indexOf('\\') < 0 ? piece : piece.replace(/\\[123]/g, (seq) => UNESCAPES[seq]);
}

/** Go `SplitN(spec, ".", 3)`: the key keeps any further dots; null when there are fewer than 3 parts. */
export function splitSpec(spec: string): [string, string, string] | null {
  const parts = goSplitN(spec, '.', 3);
  return parts.length === 3 ? [parts[0], parts[1], parts[2]] : null;
}

/** One field: exactly "*" is the wildcard; otherwise split on ',', unescape, then trim (§3.2 order). */
function parseField(field: string): FieldMatcher {
  if (field === '*') return '*';
  return field.split(',').map((piece) => goTrimSpace(unescapeField(piece)));
}

export function parseFilter(spec: string): FilterSpec | null {
  const fields = splitSpec(spec);
  if (!fields) return null;
  return { type: parseField(fields[0]), action: parseField(fields[1]), key: parseField(fields[2]) };
}

/** Why a list item can't survive format -> parse unchanged, or null when it can. */
function unrepresentable(item: string): string | null {
  if (/\\[123]/.test(item)) return `contains a backslash escape sequence (${JSON.stringify(item)}); a backslash cannot be escaped`;
  if (item.length > 0 && (isGoSpace(item.charCodeAt(0)) || isGoSpace(item.charCodeAt(item.length - 1)))) {
    return `has leading or trailing whitespace (${JSON.stringify(item)}); the matcher trims it`;
  }
  return null;
}

function formatField(name: string, field: FieldMatcher): string {
  if (field === '*') return '*';
  if (field.length === 0) throw new RangeError(`formatFilter: the ${name} list is empty`);
  return field
    .map((item) => {
      const problem = unrepresentable(item);
      if (problem) throw new RangeError(`formatFilter: ${name} item ${problem}`);
      return escapeField(item);
    })
    .join(',');
}

/**
 * Inverse of `parseFilter`: list items are escaped (so a literal '*' item becomes `\3`).
 * Throws RangeError for an empty list or an item that cannot be expressed (see module comment).
 */
export function formatFilter(f: FilterSpec): string {
  return `${formatField('type', f.type)}.${formatField('action', f.action)}.${formatField('key', f.key)}`;
}

type ValueTest = (value: unknown) => boolean;

// Precomputed per field, because compiled filters run per event per subscription.
function compileField(field: FieldMatcher): ValueTest {
  if (field === '*') return () => true;
  if (field.length === 1) {
    const only = field[0];
    return (value) => value === only;
  }
  const items = new Set(field);
  return (value) => typeof value === 'string' && items.has(value);
}

/** Special spec types from the current docs (§3.2): match `jobs` events by a field of the job. */
const JOB_LINK_FIELDS: Readonly<Record<string, string>> = { machine_jobs: 'Machine', work_order_jobs: 'WorkOrder' };

function jobLinkOf(object: unknown, field: string): unknown {
  return object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[field] : undefined;
}

/**
 * Compiles a spec for repeated local matching (§3.4). Null when it does not split into 3 parts
 * (the client never matches those). Acks (`websocket` events) are not special-cased here: route
 * them away before matching, as §3.4 step 1 says.
 */
export function compileFilter(spec: string): CompiledFilter | null {
  const parsed = parseFilter(spec);
  if (!parsed) return null;
  const typeOk = compileField(parsed.type);
  const actionOk = compileField(parsed.action);
  const keyOk = compileField(parsed.key);
  // Special types are honoured per list item, so "machines,machine_jobs" keeps both meanings.
  // Assumptions (exact server rule unknown): with a wildcard type the special types play no part,
  // and `machine_jobs.*.*` matches every jobs event, whatever its Object holds.
  const linkFields = parsed.type === '*' ? [] : parsed.type.filter((t) => t in JOB_LINK_FIELDS).map((t) => JOB_LINK_FIELDS[t]);
  if (linkFields.length === 0) {
    return { spec, test: (e) => typeOk(e.Type) && actionOk(e.Action) && keyOk(e.Key) };
  }
  return {
    spec,
    test: (e) => {
      if (!actionOk(e.Action)) return false;
      if (typeOk(e.Type) && keyOk(e.Key)) return true;
      if (e.Type !== 'jobs') return false;
      return linkFields.some((field) => keyOk(jobLinkOf(e.Object, field)));
    },
  };
}

/** One-off match; same answer as `compileFilter(spec)?.test(e)`, false for a malformed spec. */
export function matches(spec: string, e: FilterableEvent): boolean {
  const compiled = compileFilter(spec);
  return compiled !== null && compiled.test(e);
}

const FIELD_NAMES = ['type', 'action', 'key'] as const;

function describeCodeUnit(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Index of the first C0/C1 control character or unpaired surrogate, or -1. */
function findUnsendable(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) return i;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return -1;
}

/**
 * Checks a command before it is sent (§2.1, §2.2). The server never validates specs, ignores or
 * mis-stores bad ones without an error, and closes the socket (1009) on oversize messages, so every
 * rule here is about something the user would otherwise never be told.
 */
export function validateCommand(verb: CommandVerb, spec: string): CommandCheck {
  if (verb !== 'register' && verb !== 'deregister') {
    return { ok: false, reason: `unknown verb ${JSON.stringify(verb)}; the server ignores anything but register/deregister` };
  }
  if (typeof spec !== 'string' || spec.length === 0) return { ok: false, reason: 'spec is empty' };
  const badAt = findUnsendable(spec);
  if (badAt >= 0) {
    const unit = spec.charCodeAt(badAt);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      return {
        ok: false,
        reason: `spec contains an unpaired UTF-16 surrogate at position ${badAt}; it would be sent as U+FFFD and never match`,
      };
    }
    const what = unit === 0x0a || unit === 0x0d ? 'a newline' : `a control character (${describeCodeUnit(unit)})`;
    return {
      ok: false,
      reason: `spec contains ${what} at position ${badAt}; one command per message, and the server would store it verbatim`,
    };
  }
  if (isGoSpace(spec.charCodeAt(0))) {
    return { ok: false, reason: 'spec starts with whitespace; the server would store it that way and it would never match' };
  }
  if (isGoSpace(spec.charCodeAt(spec.length - 1))) {
    return { ok: false, reason: 'spec ends with whitespace; the server trims it, so the ack would not match this spec' };
  }
  const fields = splitSpec(spec);
  if (!fields) {
    const count = spec.split('.').length;
    return {
      ok: false,
      reason: `spec needs 3 dot-separated fields (type.action.key), got ${count}; v3 servers can crash on shorter specs`,
    };
  }
  for (let i = 0; i < 3; i++) {
    const field = fields[i];
    if (field.length === 0) return { ok: false, reason: `the ${FIELD_NAMES[i]} field is empty` };
    if (field === '*') continue;
    for (const piece of field.split(',')) {
      if (piece.length === 0) return { ok: false, reason: `the ${FIELD_NAMES[i]} field has an empty list item` };
      if (isGoSpace(piece.charCodeAt(0)) || isGoSpace(piece.charCodeAt(piece.length - 1))) {
        // The v4 client trims list items, but the docs say "no intervening spaces" for the server.
        return { ok: false, reason: `the ${FIELD_NAMES[i]} field has whitespace around a list item; the server may not trim it` };
      }
    }
  }
  const text = `${verb} ${spec}`;
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_COMMAND_BYTES) {
    return {
      ok: false,
      reason: `command is ${bytes} bytes; the server closes the socket (1009) above ${MAX_COMMAND_BYTES}`,
    };
  }
  return { ok: true, text };
}

/**
 * Builds `verb type.action.k1,k2,...` commands for many keys, each at most MAX_COMMAND_BYTES.
 * `type` and `action` are used as field text (so '*' stays a wildcard); keys are literals and are
 * escaped. Duplicate keys are sent once. Throws RangeError when type/action are invalid, or a key
 * is empty, unrepresentable or too long to fit alone. Needs a >= v4.5.4 server when more than one
 * key or an escaped key ends up in a command.
 */
export function chunkKeyCommands(verb: CommandVerb, type: string, action: string, keys: readonly string[]): string[] {
  for (const [name, field] of [
    ['type', type],
    ['action', action],
  ] as const) {
    // A dot here would shift the fields: "a.b" as type turns the action into part of the key.
    if (field.length === 0 || field.includes('.')) {
      throw new RangeError(`chunkKeyCommands: ${name} ${JSON.stringify(field)} must be one non-empty field without '.'`);
    }
  }
  const prefix = `${verb} ${type}.${action}.`;
  const prefixBytes = utf8ByteLength(prefix);
  const commands: string[] = [];
  let current: string[] = [];
  let currentBytes = prefixBytes;
  const flush = (): void => {
    if (current.length === 0) return;
    const spec = `${type}.${action}.${current.join(',')}`;
    const check = validateCommand(verb, spec);
    if (!check.ok) throw new RangeError(`chunkKeyCommands: ${check.reason}`);
    commands.push(check.text);
    current = [];
    currentBytes = prefixBytes;
  };
  for (const key of new Set(keys)) {
    if (key.length === 0) throw new RangeError('chunkKeyCommands: empty key');
    const problem = unrepresentable(key);
    if (problem) throw new RangeError(`chunkKeyCommands: key ${problem}`);
    const escaped = escapeField(key);
    const escapedBytes = utf8ByteLength(escaped);
    if (prefixBytes + escapedBytes > MAX_COMMAND_BYTES) {
      throw new RangeError(
        `chunkKeyCommands: key ${JSON.stringify(key.slice(0, 40))} makes a ${prefixBytes + escapedBytes}-byte command; the limit is ${MAX_COMMAND_BYTES}`,
      );
    }
    const added = current.length === 0 ? escapedBytes : escapedBytes + 1; // +1 for the comma
    if (currentBytes + added > MAX_COMMAND_BYTES) flush();
    currentBytes += current.length === 0 ? escapedBytes : escapedBytes + 1;
    current.push(escaped);
  }
  flush();
  return commands;
}
