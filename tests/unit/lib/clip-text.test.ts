import { describe, expect, it } from 'vitest';
import { MAX_HEADER_CHARS, clipText } from '../../../src/lib/clip-text';

describe('clipText', () => {
  it('keeps text up to the limit as it is', () => {
    expect(clipText('short')).toBe('short');
    expect(clipText('')).toBe('');
    const exact = 'k'.repeat(MAX_HEADER_CHARS);
    expect(clipText(exact)).toBe(exact);
  });

  it('cuts a long header value to the limit, ellipsis included', () => {
    const clipped = clipText('k'.repeat(1_000_000));
    expect(clipped).toHaveLength(MAX_HEADER_CHARS);
    expect(clipped).toBe(`${'k'.repeat(MAX_HEADER_CHARS - 1)}…`);
  });

  it('takes another limit', () => {
    expect(clipText('abcdef', 4)).toBe('abc…');
    expect(clipText('abcd', 4)).toBe('abcd');
  });
});
