import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../../src/lib/format-time-span';

describe('formatDuration', () => {
  it('picks the unit by size', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(4_200)).toBe('4.2 s');
    expect(formatDuration(192_000)).toBe('3 min 12 s');
    expect(formatDuration(7_500_000)).toBe('2 h 5 min');
  });

  it('rounds and never goes negative', () => {
    expect(formatDuration(-5)).toBe('0 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(59_999)).toBe('60.0 s');
  });
});
