import { describe, expect, it } from 'vitest';
import { changeCount } from '../../../src/lib/diff-words';

describe('changeCount', () => {
  it('is singular for one change and plural otherwise', () => {
    expect(changeCount(1)).toBe('1 change');
    expect(changeCount(3)).toBe('3 changes');
    expect(changeCount(0)).toBe('0 changes');
  });
});
