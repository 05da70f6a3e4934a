import { describe, expect, it } from 'vitest';
import { parseCommandMessage } from '../../../src/protocol/command';
import { MAX_COMMAND_BYTES, chunkKeyCommands, validateCommand } from '../../../src/protocol/filter';

const uuid = (i: number): string => `3e7031fe-3062-45f1-835c-${String(i).padStart(12, '0')}`;
const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

function reasonOf(spec: string, verb: 'register' | 'deregister' = 'register'): string {
  const check = validateCommand(verb, spec);
  if (check.ok) throw new Error(`expected ${JSON.stringify(spec)} to be rejected`);
  return check.reason;
}

describe('validateCommand', () => {
  it('builds the text with exactly one space', () => {
    expect(validateCommand('register', 'machines.*.*')).toEqual({ ok: true, text: 'register machines.*.*' });
    expect(validateCommand('deregister', 'templates.update.my.ks.tmpl')).toEqual({
      ok: true,
      text: 'deregister templates.update.my.ks.tmpl',
    });
  });

  it('requires 3 non-empty fields', () => {
    expect(reasonOf('')).toBe('spec is empty');
    expect(reasonOf('machines.update')).toMatch(/3 dot-separated fields .* got 2/);
    expect(reasonOf('*')).toMatch(/got 1/);
    expect(reasonOf('machines..*')).toBe('the action field is empty');
    expect(reasonOf('.update.*')).toBe('the type field is empty');
    expect(reasonOf('machines.update.')).toBe('the key field is empty');
    expect(reasonOf('machines.update.a,,b')).toBe('the key field has an empty list item');
  });

  it('rejects whitespace at the ends and around list items', () => {
    expect(reasonOf(' machines.*.*')).toMatch(/starts with whitespace/);
    expect(reasonOf('\u00a0machines.*.*')).toMatch(/starts with whitespace/);
    expect(reasonOf('machines.*.* ')).toMatch(/ends with whitespace/);
    expect(reasonOf('machines .*.*')).toMatch(/type field has whitespace/);
    expect(reasonOf('machines.*.a, b')).toMatch(/key field has whitespace/);
    expect(validateCommand('register', 'static.serve./files/my file.iso').ok).toBe(true);
  });

  it('rejects newlines, control characters and lone surrogates', () => {
    expect(reasonOf('a.b.c\nregister d.e.f')).toMatch(/newline at position 5/);
    expect(reasonOf('a.b.c\rx')).toMatch(/newline/);
    expect(reasonOf('a.b.\tc')).toMatch(/control character \(U\+0009\)/);
    expect(reasonOf('a.b.c\u0000')).toMatch(/U\+0000/);
    expect(reasonOf('a.b.c\u0085d')).toMatch(/U\+0085/);
    expect(reasonOf('a.b.\ud800c')).toMatch(/unpaired UTF-16 surrogate/);
    expect(reasonOf('a.b.c\udc00')).toMatch(/unpaired UTF-16 surrogate/);
    expect(validateCommand('register', 'a.b.\u{1f600}').ok).toBe(true);
  });

  it('enforces the 512-byte limit in UTF-8 bytes (13 UUIDs fit, 14 do not)', () => {
    const thirteen = `machines.*.${Array.from({ length: 13 }, (_, i) => uuid(i)).join(',')}`;
    const fourteen = `machines.*.${Array.from({ length: 14 }, (_, i) => uuid(i)).join(',')}`;
    expect(validateCommand('register', thirteen)).toEqual({ ok: true, text: `register ${thirteen}` });
    expect(bytesOf(`register ${thirteen}`)).toBe(500);
    expect(reasonOf(fourteen)).toBe('command is 537 bytes; the server closes the socket (1009) above 512');
  });

  it('counts multi-byte characters', () => {
    const base = 'register a.b.';
    const fits = `a.b.${'é'.repeat((MAX_COMMAND_BYTES - base.length) / 2 - 0.5)}`; // 249 × 2 bytes
    expect(bytesOf(`register ${fits}`)).toBe(511);
    expect(validateCommand('register', fits).ok).toBe(true);
    expect(reasonOf(`${fits}é`)).toBe('command is 513 bytes; the server closes the socket (1009) above 512');
    expect(reasonOf(`a.b.${'\u{1f600}'.repeat(125)}`)).toMatch(/^command is 513 bytes/);
  });

  it('rejects an unknown verb at runtime', () => {
    expect(validateCommand('Register' as 'register', 'a.b.c').ok).toBe(false);
  });
});

describe('chunkKeyCommands', () => {
  it('packs 13 UUIDs per register command', () => {
    const keys = Array.from({ length: 30 }, (_, i) => uuid(i));
    const commands = chunkKeyCommands('register', 'machines', '*', keys);
    expect(commands).toHaveLength(3);
    expect(commands[0]).toBe(`register machines.*.${keys.slice(0, 13).join(',')}`);
    expect(commands[1]).toBe(`register machines.*.${keys.slice(13, 26).join(',')}`);
    expect(commands[2]).toBe(`register machines.*.${keys.slice(26).join(',')}`);
    for (const command of commands) expect(bytesOf(command)).toBeLessThanOrEqual(MAX_COMMAND_BYTES);
  });

  it('escapes keys, drops duplicates and returns nothing for no keys', () => {
    expect(chunkKeyCommands('deregister', 'templates', 'update', ['a.b', 'c,d', 'a.b', '*'])).toEqual([
      'deregister templates.update.a\\1b,c\\2d,\\3',
    ]);
    expect(chunkKeyCommands('register', 'machines', '*', [])).toEqual([]);
  });

  it('fills a command up to exactly 512 bytes', () => {
    const prefix = 'register t.a.';
    const key = 'k'.repeat(MAX_COMMAND_BYTES - prefix.length);
    expect(chunkKeyCommands('register', 't', 'a', [key])).toEqual([`${prefix}${key}`]);
    expect(() => chunkKeyCommands('register', 't', 'a', [`${key}k`])).toThrow(RangeError);
    // The escape counts: '.' becomes the 2-byte `\1`.
    expect(chunkKeyCommands('register', 't', 'a', [`${key.slice(2)}.`])).toEqual([`${prefix}${key.slice(2)}\\1`]);
    expect(() => chunkKeyCommands('register', 't', 'a', [`${key.slice(1)}.`])).toThrow(/513-byte command/);
  });

  it('throws RangeError for keys and fields it cannot send', () => {
    expect(() => chunkKeyCommands('register', 'machines', '*', [''])).toThrow(/empty key/);
    expect(() => chunkKeyCommands('register', 'machines', '*', [' x'])).toThrow(/whitespace/);
    expect(() => chunkKeyCommands('register', 'machines', '*', ['a\\2'])).toThrow(/backslash/);
    expect(() => chunkKeyCommands('register', 'machines', '*', ['a\nb'])).toThrow(/newline/);
    expect(() => chunkKeyCommands('register', 'a.b', '*', ['k'])).toThrow(/type "a.b"/);
    expect(() => chunkKeyCommands('register', 'machines', '', ['k'])).toThrow(/action ""/);
    expect(() => chunkKeyCommands('register', ' machines', '*', ['k'])).toThrow(/starts with whitespace/);
  });
});

describe('parseCommandMessage (server side)', () => {
  it.each([
    ['register *.*.*', { verb: 'register', spec: '*.*.*' }],
    ['deregister machines.update.x', { verb: 'deregister', spec: 'machines.update.x' }],
    ['register *.*.*\n', { verb: 'register', spec: '*.*.*' }],
    ['  \tregister machines.*.*  \r\n', { verb: 'register', spec: 'machines.*.*' }],
    ['register  machines.*.*', { verb: 'register', spec: ' machines.*.*' }],
    ['register a.b.c\nregister d.e.f', { verb: 'register', spec: 'a.b.c\nregister d.e.f' }],
    ['register a b', { verb: 'register', spec: 'a b' }],
    ['register \ufeffa.b.c', { verb: 'register', spec: '\ufeffa.b.c' }],
  ])('%j -> %j', (message, expected) => {
    expect(parseCommandMessage(message)).toEqual(expected);
  });

  it.each([
    'register',
    'register   ',
    'register\tmachines.*.*',
    'Register machines.*.*',
    'subscribe machines.*.*',
    '',
    '   ',
    'register\u00a0',
  ])('ignores %j', (message) => {
    expect(parseCommandMessage(message)).toBeNull();
  });
});
