import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommandMessage } from '../../../src/protocol/command';
import {
  MAX_COMMAND_BYTES,
  chunkKeyCommands,
  compileFilter,
  escapeField,
  formatFilter,
  matches,
  parseFilter,
  unescapeField,
  validateCommand,
} from '../../../src/protocol/filter';
import type { FieldMatcher, FilterSpec } from '../../../src/protocol/filter';
import { parseFrame } from '../../../src/protocol/parse-frame';

// Go unicode.IsSpace, written as an independent regex so the oracle below does not reuse the code under test.
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const goTrim = (s: string): string => s.replace(new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g'), '');
const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

/** Literals a list item can carry unchanged (docs/reference/drp-protocol.md §3.2: no escape for backslash; items are trimmed). */
const representable = (s: string): boolean => !/\\[123]/.test(s) && goTrim(s) === s;

// Strings biased towards the grammar's special characters so the interesting cases come up often.
const grammarChar = fc.constantFrom('.', ',', '*', '\\', '1', '2', '3', ' ', '\u00a0', 'a', 'Z', 'é', '\u{1f600}');
const grammarString = fc.oneof(fc.string({ unit: grammarChar, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));

describe('properties', () => {
  it('escapeField output has no . , * and unescapeField undoes it for representable strings', () => {
    fc.assert(
      fc.property(grammarString, (literal) => {
        const escaped = escapeField(literal);
        expect(escaped).not.toMatch(/[.,*]/);
        if (!/\\[123]/.test(literal)) expect(unescapeField(escaped)).toBe(literal);
      }),
      { numRuns: 2000 },
    );
  });

  const listField: fc.Arbitrary<FieldMatcher> = fc.oneof(
    fc.constant('*' as const),
    fc.array(grammarString.filter(representable), { minLength: 1, maxLength: 5 }),
  );

  it('parseFilter(formatFilter(f)) returns f for any list fields', () => {
    fc.assert(
      fc.property(listField, listField, listField, (type, action, key) => {
        const spec: FilterSpec = { type, action, key };
        expect(parseFilter(formatFilter(spec))).toEqual(spec);
      }),
      { numRuns: 2000 },
    );
  });

  const sendableKey = fc.string({ unit: grammarChar, minLength: 1, maxLength: 60 }).filter((k) => representable(k));

  it('chunkKeyCommands output is valid, <= 512 bytes, greedy, and covers every key once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('register', 'deregister'),
        fc.constantFrom('machines', 'jobs', '*', 'machine_jobs'),
        fc.constantFrom('*', 'update', 'save,update'),
        fc.array(sendableKey, { maxLength: 80 }),
        (verb, type, action, keys) => {
          const commands = chunkKeyCommands(verb, type, action, keys);
          const seen: string[] = [];
          for (const command of commands) {
            expect(bytesOf(command)).toBeLessThanOrEqual(MAX_COMMAND_BYTES);
            const message = parseCommandMessage(command);
            expect(message).not.toBeNull();
            expect(message!.verb).toBe(verb);
            expect(validateCommand(verb, message!.spec)).toEqual({ ok: true, text: command });
            const parsed = parseFilter(message!.spec)!;
            expect(parsed.type).toEqual(parseFilter(`${type}.x.x`)!.type);
            expect(parsed.action).toEqual(parseFilter(`x.${action}.x`)!.action);
            expect(parsed.key).not.toBe('*');
            seen.push(...(parsed.key as string[]));
          }
          expect(seen).toEqual([...new Set(keys)]);
          // Greedy: the next command's first key would not have fit in the previous one.
          for (let i = 0; i + 1 < commands.length; i++) {
            const nextFirst = parseFilter(parseCommandMessage(commands[i + 1])!.spec)!.key as string[];
            expect(bytesOf(`${commands[i]},${escapeField(nextFirst[0])}`)).toBeGreaterThan(MAX_COMMAND_BYTES);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseFrame never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const frame = parseFrame(text);
        expect(frame.bytes).toBe(text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('parseFrame never throws on arbitrary JSON and accepts exactly the frames with string fields', () => {
    const maybe = fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 2 }));
    const frameObject = fc.record(
      { Time: maybe, Type: maybe, Action: maybe, Key: maybe, Principal: maybe, Object: fc.jsonValue() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(frameObject, fc.jsonValue()), (value) => {
        const text = JSON.stringify(value);
        const frame = parseFrame(text);
        const record = value as Record<string, unknown>;
        const wellTyped =
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          ['Time', 'Type', 'Action', 'Key'].every((f) => typeof record[f] === 'string') &&
          (!('Principal' in record) || typeof record.Principal === 'string');
        expect(frame.kind === 'error').toBe(!wellTyped);
        expect(frame.bytes).toBe(text.length);
        if (frame.kind === 'error') expect(frame.preview).toBe(text.slice(0, 200));
      }),
      { numRuns: 1000 },
    );
  });

  // An independent, naive reading of docs/reference/drp-protocol.md §3.4 to check the compiled matcher against.
  function oracle(spec: string, e: { Type: string; Action: string; Key: string; Object: unknown }): boolean {
    const parts = spec.split('.');
    if (parts.length < 3) return false;
    const [type, action, key] = [parts[0], parts[1], parts.slice(2).join('.')];
    const inList = (field: string, value: unknown): boolean =>
      field === '*' ||
      field.split(',').some((p) => goTrim(p.replaceAll('\\1', '.').replaceAll('\\2', ',').replaceAll('\\3', '*')) === value);
    if (!inList(action, e.Action)) return false;
    if (inList(type, e.Type) && inList(key, e.Key)) return true;
    // A wildcard key matches any jobs event under a special type, whatever its Object.
    if (e.Type !== 'jobs' || type === '*') return false;
    const job = (typeof e.Object === 'object' && e.Object !== null ? e.Object : {}) as Record<string, unknown>;
    const types = type.split(',').map((p) => goTrim(p.replaceAll('\\1', '.').replaceAll('\\2', ',').replaceAll('\\3', '*')));
    return (
      (types.includes('machine_jobs') && inList(key, job.Machine)) || (types.includes('work_order_jobs') && inList(key, job.WorkOrder))
    );
  }

  it('matches() agrees with compileFilter().test and with a naive reading of §3.4', () => {
    const word = fc.constantFrom(
      'machines',
      'jobs',
      'machine_jobs',
      'work_order_jobs',
      'update',
      'save',
      'a.b',
      'a,b',
      '*',
      'k1',
      'k2',
      '',
    );
    const fieldText = fc.oneof(
      fc.constant('*'),
      fc
        .array(
          fc.oneof(
            word.map(escapeField),
            word,
            word.map((w) => ` ${w}`),
          ),
          { minLength: 1, maxLength: 3 },
        )
        .map((ws) => ws.join(',')),
    );
    const spec = fc.oneof(
      fc.tuple(fieldText, fieldText, fieldText).map(([t, a, k]) => `${t}.${a}.${k}`),
      fc.string({ unit: grammarChar, maxLength: 15 }),
    );
    const event = fc.record({
      Type: word,
      Action: word,
      Key: word,
      Object: fc.oneof(fc.constant(null), fc.record({ Machine: word, WorkOrder: word }), fc.jsonValue({ maxDepth: 1 })),
    });
    fc.assert(
      fc.property(spec, event, (s, e) => {
        const compiled = compileFilter(s);
        const viaMatches = matches(s, e);
        expect(viaMatches).toBe(compiled === null ? false : compiled.test(e));
        expect(viaMatches).toBe(oracle(s, e));
      }),
      { numRuns: 5000 },
    );
  });
});
