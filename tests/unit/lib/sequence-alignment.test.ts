import { describe, expect, it } from 'vitest';
import { alignSequences } from '../../../src/lib/sequence-alignment';

describe('alignSequences', () => {
  it('returns no steps for equal arrays', () => {
    expect(alignSequences(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('reports one insertion in the middle as one added step', () => {
    expect(alignSequences(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual([{ kind: 'added', afterIndex: 1 }]);
  });

  it('pairs a replaced item as changed and reports the surplus', () => {
    expect(alignSequences(['a', 'b', 'c', 'd'], ['a', 'B', 'C2', 'C3', 'd'])).toEqual([
      { kind: 'changed', beforeIndex: 1, afterIndex: 1 },
      { kind: 'changed', beforeIndex: 2, afterIndex: 2 },
      { kind: 'added', afterIndex: 3 },
    ]);
  });

  it('handles gaps on both sides of a common item (no move detection)', () => {
    // One item stays matched; the other is one removal plus one addition of the same value.
    const before = ['x', 'y'];
    const after = ['y', 'x'];
    const steps = alignSequences(before, after);
    expect(steps.map((step) => step.kind).sort()).toEqual(['added', 'removed']);
    const removed = steps.find((step) => step.kind === 'removed');
    const added = steps.find((step) => step.kind === 'added');
    expect(removed && added && before[removed.beforeIndex] === after[added.afterIndex]).toBe(true);
  });

  it('falls back to positions above the cell limit', () => {
    const before = ['a', 'b', 'c', 'd'];
    const after = ['z', 'a', 'b', 'c', 'd'].reverse();
    const steps = alignSequences(before, after, 4);
    expect(steps).toEqual([
      { kind: 'changed', beforeIndex: 0, afterIndex: 0 },
      { kind: 'changed', beforeIndex: 1, afterIndex: 1 },
      { kind: 'changed', beforeIndex: 2, afterIndex: 2 },
      { kind: 'changed', beforeIndex: 3, afterIndex: 3 },
      { kind: 'added', afterIndex: 4 },
    ]);
  });
});
