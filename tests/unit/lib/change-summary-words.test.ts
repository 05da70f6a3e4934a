import { describe, expect, it } from 'vitest';
import { changeSummaryText } from '../../../src/lib/change-summary-words';

describe('changeSummaryText', () => {
  it('words compared summaries as a count and the first paths', () => {
    expect(changeSummaryText({ kind: 'compared', changes: 0, paths: [] })).toBe('no changes');
    expect(changeSummaryText({ kind: 'compared', changes: 1, paths: ['Params.bar'] })).toBe('1 change: Params.bar');
    expect(changeSummaryText({ kind: 'compared', changes: 3, paths: ['Stage', 'CurrentTask', 'Params.x'] })).toBe(
      '3 changes: Stage, CurrentTask, Params.x',
    );
    expect(changeSummaryText({ kind: 'compared', changes: 4, paths: ['Stage', 'CurrentTask', 'Params.x'] })).toBe(
      '4 changes: Stage, CurrentTask, Params.x, …',
    );
    expect(changeSummaryText({ kind: 'compared', changes: 1, paths: [''] })).toBe('1 change: (whole object)');
  });

  it('shows the values of a single change', () => {
    expect(
      changeSummaryText({
        kind: 'compared',
        changes: 1,
        paths: ['CurrentTask'],
        values: { path: 'CurrentTask', change: 'changed', before: '5', after: '6' },
      }),
    ).toBe('CurrentTask 5 → 6');
    expect(
      changeSummaryText({ kind: 'compared', changes: 1, paths: ['Params.x'], values: { path: 'Params.x', change: 'added', after: '5' } }),
    ).toBe('Params.x added: 5');
    expect(
      changeSummaryText({
        kind: 'compared',
        changes: 1,
        paths: ['Params.y'],
        values: { path: 'Params.y', change: 'removed', before: 'a' },
      }),
    ).toBe('Params.y removed (was a)');
  });

  it('words the other summaries exactly as the timeline shows them', () => {
    expect(changeSummaryText({ kind: 'first' })).toBe('first version seen');
    expect(changeSummaryText({ kind: 'evicted' })).toBe('previous version evicted');
    expect(changeSummaryText({ kind: 'deleted' })).toBe('deleted');
    expect(changeSummaryText({ kind: 'large-event', bytes: 4_100_000 })).toBe('large event (4.1 MB): see the Diff tab');
    expect(changeSummaryText({ kind: 'event-text', text: 'Created job for task gohai' })).toBe('Created job for task gohai');
    expect(changeSummaryText({ kind: 'unavailable', reason: 'too-deep' })).toBe('nested too deeply to compare');
    expect(changeSummaryText({ kind: 'none' })).toBe('');
  });
});
