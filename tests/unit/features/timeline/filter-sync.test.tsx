import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Timeline } from '../../../../src/features/timeline/timeline';
import { TimelineRow } from '../../../../src/features/timeline/timeline-row';
import { EMPTY_TIMELINE_FILTER } from '../../../../src/store/timeline-view';
import { eventFrame } from '../../support/frames';
import { renderWithStore } from '../../support/render-with-store';

const MACHINE = '3f2a9c1e-77b0-4c3e-9a51-0e6a2b1c9d44';

afterEach(() => {
  vi.useRealTimers();
});

describe('Timeline filter bar and the store', () => {
  it('debounces typing into view.filter, Changed path included', async () => {
    const view = renderWithStore(<Timeline />);
    fireEvent.change(screen.getByLabelText('Changed path', { exact: true }), { target: { value: 'Params.bar' } });
    fireEvent.change(screen.getByLabelText('Filter principal', { exact: true }), { target: { value: 'viewer' } });
    // Typed, not yet applied: the store still has the old filter right after the keystrokes.
    expect(view.store.getState().view.filter.changedPath).toBe('');
    await waitFor(() => expect(view.store.getState().view.filter).toMatchObject({ changedPath: 'Params.bar', principal: 'viewer' }));
  });

  it('keeps what was typed when the timeline goes away inside the typing pause (Events → Objects)', () => {
    const view = renderWithStore(<Timeline />);
    fireEvent.change(screen.getByLabelText('Filter type', { exact: true }), { target: { value: 'machines' } });
    expect(view.store.getState().view.filter.type).toBe('');
    view.unmount();
    expect(view.store.getState().view.filter.type).toBe('machines');
  });

  it('applies a checkbox at once', () => {
    const view = renderWithStore(<Timeline />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Regex' }));
    expect(view.store.getState().view.filter.regex).toBe(true);
  });

  it('takes a filter set elsewhere (Follow this object, a link) into its inputs, and shows the followed object as a chip', () => {
    const view = renderWithStore(<Timeline />);
    act(() => view.ingest(eventFrame('machines', 'update', MACHINE, { Name: 'rack-01' })));
    act(() =>
      view.actions.setView({
        filter: { ...EMPTY_TIMELINE_FILTER, type: 'machines', changedPath: 'Stage', object: { type: 'machines', key: MACHINE } },
      }),
    );
    expect((screen.getByLabelText('Filter type', { exact: true }) as HTMLInputElement).value).toBe('machines');
    expect((screen.getByLabelText('Changed path', { exact: true }) as HTMLInputElement).value).toBe('Stage');
    const chip = screen.getByTestId('followed-object');
    expect(chip.textContent).toContain('Following machines rack-01');

    // One click undoes it, and the rest of the filter stays.
    fireEvent.click(screen.getByRole('button', { name: 'Stop following' }));
    expect(view.store.getState().view.filter.object).toBeNull();
    expect(view.store.getState().view.filter.changedPath).toBe('Stage');
    expect(screen.queryByTestId('followed-object')).toBeNull();
  });

  it('a filter set elsewhere wins over a draft still being typed', () => {
    vi.useFakeTimers();
    const view = renderWithStore(<Timeline />);
    fireEvent.change(screen.getByLabelText('Filter key', { exact: true }), { target: { value: 'typed' } });
    act(() => view.actions.setView({ filter: { ...EMPTY_TIMELINE_FILTER, key: 'from-link' } }));
    expect((screen.getByLabelText('Filter key', { exact: true }) as HTMLInputElement).value).toBe('from-link');
    // The pending write of the old draft was dropped with it.
    act(() => vi.advanceTimersByTime(1000));
    expect(view.store.getState().view.filter.key).toBe('from-link');
    vi.useRealTimers();
  });
});

describe('Change column with a Changed path', () => {
  it("shows that path's old → new, not the event's first changes", () => {
    const view = renderWithStore(<div />);
    act(() =>
      view.ingest(
        eventFrame('profiles', 'update', 'global', { Name: 'global', Meta: { a: '1' }, Params: { bar: 'one', foo: 1 } }),
        eventFrame('profiles', 'update', 'global', { Name: 'global', Meta: { a: '2' }, Params: { bar: 'two', foo: 2 } }),
      ),
    );
    view.rerender(
      <>
        <TimelineRow seq={2} index={0} top={0} selected={false} changedPath="Params.bar" />
      </>,
    );
    const summary = screen.getByRole('option').querySelector('.timeline-cell--summary')!;
    expect(summary.textContent).toBe('Params.bar one → two');
  });
});
