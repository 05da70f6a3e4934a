import { describe, expect, it } from 'vitest';
import { isAtEnd, maxScrollTop, scrollTopToReveal } from '../../../../src/features/timeline/row-window';

const H = 26;

describe('row window arithmetic', () => {
  it('the end offset shows the last row at the bottom, 0 when everything fits', () => {
    expect(maxScrollTop(100, H, 260)).toBe(100 * H - 260);
    expect(maxScrollTop(5, H, 260)).toBe(0);
    expect(maxScrollTop(0, H, 260)).toBe(0);
  });

  it('knows the end within a threshold', () => {
    const max = maxScrollTop(100, H, 260);
    expect(isAtEnd(max, 260, 100, H, 2)).toBe(true);
    expect(isAtEnd(max - 2, 260, 100, H, 2)).toBe(true);
    expect(isAtEnd(max - 3, 260, 100, H, 2)).toBe(false);
    expect(isAtEnd(0, 260, 5, H, 2)).toBe(true);
  });

  it('reveals a row with the smallest scroll', () => {
    // Viewport shows rows 10..19.
    expect(scrollTopToReveal(12, 10 * H, 10 * H, H)).toBe(10 * H);
    expect(scrollTopToReveal(5, 10 * H, 10 * H, H)).toBe(5 * H);
    expect(scrollTopToReveal(20, 10 * H, 10 * H, H)).toBe(21 * H - 10 * H);
    expect(scrollTopToReveal(0, 0, 10 * H, H)).toBe(0);
  });
});
