import { describe, expect, it } from 'vitest';
import type { ConnectionGap } from '../../../src/store/connection-gaps';
import { TimelineRows } from '../../../src/store/timeline-rows';
import type { FilteredEvents } from '../../../src/store/timeline-rows';

/** Shown seqs (ascending) within a visible range, like a filtered TimelineView. */
function events(seqs: number[], range = { first: seqs[0] ?? 1, last: seqs[seqs.length - 1] ?? 0 }): FilteredEvents {
  return {
    count: seqs.length,
    range,
    seqAt: (index) => seqs[index] as number,
    rankOf: (seq) => seqs.filter((value) => value <= seq).length,
  };
}

const gap = (id: number, afterSeq: number): ConnectionGap => ({ id, afterSeq, from: 1000 * id, to: 1000 * id + 500, cause: 'lost' });

function render(rows: TimelineRows): string[] {
  return Array.from({ length: rows.count }, (_, index) => {
    const item = rows.itemAt(index);
    return item.kind === 'event' ? String(item.seq) : `gap${item.gap.id}`;
  });
}

describe('TimelineRows', () => {
  it('places each gap after the last event with seq <= afterSeq', () => {
    const rows = new TimelineRows(events([1, 2, 3, 4, 5]), [gap(1, 2), gap(2, 4)]);
    expect(render(rows)).toEqual(['1', '2', 'gap1', '3', '4', 'gap2', '5']);
    expect(rows.keyAt(2)).toBe('gap-1');
    expect(rows.keyAt(3)).toBe(3);
  });

  it('keeps gaps where they belong when the filter hides events around them', () => {
    // Range 1..9, but only 1, 5 and 9 pass the filter; gaps after 2 and 3 both sit between 1 and 5.
    const rows = new TimelineRows(events([1, 5, 9], { first: 1, last: 9 }), [gap(1, 2), gap(2, 3), gap(3, 9)]);
    expect(render(rows)).toEqual(['1', 'gap1', 'gap2', '5', '9', 'gap3']);
  });

  it('shows a gap before the oldest event and at the end, but none outside the range', () => {
    const rows = new TimelineRows(events([10, 11], { first: 10, last: 11 }), [gap(1, 8), gap(2, 9), gap(3, 11), gap(4, 12)]);
    expect(render(rows)).toEqual(['gap2', '10', '11', 'gap3']);
    expect(rows.gapCount).toBe(2);
  });

  it('shows a gap in an empty (cleared) buffer', () => {
    const rows = new TimelineRows(events([], { first: 8, last: 7 }), [gap(1, 7)]);
    expect(render(rows)).toEqual(['gap1']);
  });

  it('maps event indexes to row indexes', () => {
    const rows = new TimelineRows(events([1, 2, 3, 4, 5]), [gap(1, 0), gap(2, 2), gap(3, 5)]);
    expect(render(rows)).toEqual(['gap1', '1', '2', 'gap2', '3', '4', '5', 'gap3']);
    expect([0, 1, 2, 3, 4].map((index) => rows.rowOfEvent(index))).toEqual([1, 2, 4, 5, 6]);
  });
});
