import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goSplitN, goTrimSpace, isGoSpace, utf8ByteLength } from '../../../src/protocol/go-strings';

// Any UTF-16 sequence, including lone surrogates.
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units));

describe('go-strings', () => {
  it('isGoSpace follows Go unicode.IsSpace, not JS trim', () => {
    for (const ch of '\t\n\v\f\r \u0085\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000') {
      expect(isGoSpace(ch.charCodeAt(0))).toBe(true);
    }
    for (const ch of 'a\u0000\u001f\ufeff\u200b\u180e\u2060') expect(isGoSpace(ch.charCodeAt(0))).toBe(false);
  });

  it('goTrimSpace trims both ends only', () => {
    expect(goTrimSpace(' \t a b \r\n')).toBe('a b');
    expect(goTrimSpace('\u0085x\u00a0')).toBe('x');
    expect(goTrimSpace('\ufeffx')).toBe('\ufeffx');
    expect(goTrimSpace('   ')).toBe('');
    expect(goTrimSpace('')).toBe('');
  });

  it('goSplitN keeps the rest in the last part', () => {
    expect(goSplitN('a.b.c.d', '.', 3)).toEqual(['a', 'b', 'c.d']);
    expect(goSplitN('a.b', '.', 3)).toEqual(['a', 'b']);
    expect(goSplitN('', '.', 3)).toEqual(['']);
    expect(goSplitN('...', '.', 3)).toEqual(['', '', '.']);
  });

  it('goSplitN agrees with split-then-rejoin', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('.', 'a', 'b'), maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (s, n) => {
        const all = s.split('.');
        const expected = all.length <= n ? all : [...all.slice(0, n - 1), all.slice(n - 1).join('.')];
        expect(goSplitN(s, '.', n)).toEqual(expected);
      }),
    );
  });

  it('utf8ByteLength agrees with TextEncoder, lone surrogates included', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.oneof(anyUnits, fc.string({ unit: 'binary' })), (s) => {
        expect(utf8ByteLength(s)).toBe(encoder.encode(s).length);
      }),
      { numRuns: 2000 },
    );
  });
});
