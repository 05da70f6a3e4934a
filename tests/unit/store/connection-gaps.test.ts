import { describe, expect, it } from 'vitest';
import { GAP_LIMIT, gapsInRange, openGapOf, pruneEvictedGaps, withGapStarted, withOpenGapEnded } from '../../../src/store/connection-gaps';
import type { ConnectionGap } from '../../../src/store/connection-gaps';

const gap = (id: number, afterSeq: number, to = 1000 * id + 500): ConnectionGap => ({ id, afterSeq, from: 1000 * id, to, cause: 'lost' });

describe('opening and ending a gap', () => {
  it('knows the open gap: the newest one, while its end is 0', () => {
    expect(openGapOf([])).toBeUndefined();
    expect(openGapOf([gap(1, 3)])).toBeUndefined();
    expect(openGapOf([gap(1, 3), gap(2, 5, 0)])?.id).toBe(2);
  });

  it('ends only the open gap, and returns the list itself when none is open', () => {
    const closed = [gap(1, 3)];
    expect(withOpenGapEnded(closed, 9000)).toBe(closed);
    expect(withOpenGapEnded([gap(1, 3), gap(2, 5, 0)], 9000)).toEqual([gap(1, 3), gap(2, 5, 9000)]);
  });

  it('keeps the newest GAP_LIMIT gaps', () => {
    let gaps: readonly ConnectionGap[] = [];
    for (let id = 1; id <= GAP_LIMIT + 3; id += 1) gaps = withGapStarted(gaps, gap(id, id));
    expect(gaps).toHaveLength(GAP_LIMIT);
    expect(gaps[0]?.id).toBe(4);
    expect(gaps[gaps.length - 1]?.id).toBe(GAP_LIMIT + 3);
  });
});

describe('pruneEvictedGaps', () => {
  const gaps = [gap(1, 2), gap(2, 4), gap(3, 9)];

  it('keeps a gap right before the oldest buffered event, drops the ones before that', () => {
    expect(pruneEvictedGaps(gaps, 5).map((g) => g.id)).toEqual([2, 3]);
    expect(pruneEvictedGaps(gaps, 6).map((g) => g.id)).toEqual([3]);
    expect(pruneEvictedGaps(gaps, 11)).toEqual([]);
  });

  it('returns the list itself while every gap still borders the ring', () => {
    expect(pruneEvictedGaps(gaps, 3)).toBe(gaps);
    const none: ConnectionGap[] = [];
    expect(pruneEvictedGaps(none, 50)).toBe(none);
  });
});

describe('gapsInRange', () => {
  const gaps = [gap(1, 2), gap(2, 4), gap(3, 9)];

  it('shows the gaps that border the range, from just before its first seq to its last', () => {
    expect(gapsInRange(gaps, { first: 3, last: 9 }).map((g) => g.id)).toEqual([1, 2, 3]);
    expect(gapsInRange(gaps, { first: 4, last: 9 }).map((g) => g.id)).toEqual([2, 3]);
  });

  it('hides the gaps beyond a pause point', () => {
    expect(gapsInRange(gaps, { first: 1, last: 8 }).map((g) => g.id)).toEqual([1, 2]);
    expect(gapsInRange(gaps, { first: 1, last: 3 }).map((g) => g.id)).toEqual([1]);
  });
});
