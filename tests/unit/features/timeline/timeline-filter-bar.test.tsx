import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimelineFilterBar } from '../../../../src/features/timeline/timeline-filter-bar';
import { EMPTY_TIMELINE_FILTER } from '../../../../src/store/timeline-view';
import type { TimelineFilter } from '../../../../src/store/timeline-view';

function renderBar(filter: TimelineFilter) {
  return render(
    <TimelineFilterBar
      filter={filter}
      onChange={vi.fn()}
      onCommit={vi.fn()}
      followedLabel={null}
      error={null}
      textInputRef={{ current: null }}
    />,
  );
}

afterEach(cleanup);

describe('TimelineFilterBar', () => {
  it('says that Invert flips the free text only, and keeps its accessible name', () => {
    renderBar({ ...EMPTY_TIMELINE_FILTER, text: 'foo', type: 'machines', invert: true });
    // Exact name and description: the hint must not leak into the checkbox's name.
    const invert = screen.getByRole('checkbox', { name: /^Invert$/, description: '(free text only)' });
    expect((invert as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('(free text only)').closest('[title]')?.getAttribute('title')).toMatch(/free-text match only/);
  });

  it('says when Invert has no free text to invert', () => {
    renderBar({ ...EMPTY_TIMELINE_FILTER, type: 'machines', invert: true });
    expect(screen.getByRole('checkbox', { name: /^Invert$/, description: '(free text only: no text to invert)' })).toBeDefined();
  });
});
