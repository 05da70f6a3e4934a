import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventDetail } from '../../../../src/features/event-detail/event-detail';
import { MASK } from '../../../../src/lib/mask-secrets';
import { eventFrame as frame, seedWalkthrough } from '../../support/frames';
import { renderWithStore } from '../../support/render-with-store';

/** The detail pane over a store of `capacity` holding `frames`, with event `seq` selected (0: none). */
function renderDetail(frames: string[], { capacity = 10, seq = 0 } = {}) {
  const view = renderWithStore(<EventDetail />, { capacity });
  act(() => {
    view.ingest(...frames);
    if (seq > 0) view.actions.select(seq);
  });
  return view;
}

const select = (view: ReturnType<typeof renderDetail>, seq: number) => act(() => view.actions.select(seq));
const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const diffStatus = () => screen.getByTestId('diff-status').textContent;
const entries = () =>
  screen.queryAllByTestId('diff-entry').map((el) => ({ kind: el.dataset.kind, path: el.dataset.path, text: el.textContent }));

describe('EventDetail', () => {
  it('asks for a selection when nothing is selected', () => {
    renderDetail([]);
    expect(screen.getByRole('region', { name: 'Event detail' }).textContent).toContain('Select an event');
    expect(screen.queryByRole('tablist')).toBeNull();
  });

  it('shows the header and the five tabs, Object first', () => {
    renderDetail(seedWalkthrough(), { seq: 2 });
    expect(screen.getByTestId('detail-header').textContent).toContain('profiles');
    const tabs = within(screen.getByRole('tablist', { name: 'Event views' })).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Object', 'Diff', 'History', 'Blame', 'Raw']);
    expect(screen.getByRole('tab', { name: 'Object' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toContain('kernel-console');
  });

  it('walks the seed: first version seen, Params.bar "blatz" added, then removed', () => {
    const view = renderDetail(seedWalkthrough(), { seq: 1 });
    openTab('Diff');
    expect(screen.getByRole('tab', { name: 'Diff' }).getAttribute('aria-selected')).toBe('true');
    expect(diffStatus()).toBe('first version seen');
    select(view, 2);
    expect(entries()).toEqual([{ kind: 'added', path: 'Params.bar', text: 'added Params.bar: "blatz"' }]);
    select(view, 3);
    expect(entries()).toEqual([{ kind: 'removed', path: 'Params.bar', text: 'removed Params.bar: "blatz"' }]);
  });

  it('says "no changes" for an equal save', () => {
    renderDetail([frame('machines', 'save', 'm', { v: 1 }), frame('machines', 'save', 'm', { v: 1 })], { seq: 2 });
    openTab('Diff');
    expect(diffStatus()).toBe('no changes');
    expect(entries()).toEqual([]);
  });

  it('says "previous version evicted" when the previous save left the ring', () => {
    const frames = [frame('machines', 'save', 'm', { v: 1 }), frame('jobs', 'create', 'j', {}), frame('machines', 'save', 'm', { v: 2 })];
    renderDetail(frames, { capacity: 2, seq: 3 });
    openTab('Diff');
    expect(diffStatus()).toBe('previous version evicted');
  });

  it('compares with Original by default when no previous version is buffered, and offers "vs previous"', () => {
    renderDetail([frame('jobs', 'update', 'j', { State: 'finished' }, { State: 'running' })], { seq: 1 });
    openTab('Diff');
    expect(entries()).toEqual([{ kind: 'changed', path: 'State', text: 'changed State: "running" → "finished"' }]);
    const bases = within(screen.getByRole('group', { name: 'Compare with' }));
    expect(bases.getByRole('button', { name: 'vs Original' }).getAttribute('aria-pressed')).toBe('true');
    press('vs previous');
    expect(diffStatus()).toBe('first version seen');
    press('vs Original');
    expect(diffStatus()).toBe('1 change');
  });

  it('compares with the previous version by default when the buffer holds one', () => {
    const frames = [
      frame('jobs', 'update', 'j', { State: 'running' }, { State: 'created' }),
      frame('jobs', 'update', 'j', { State: 'finished', ExitState: 'complete' }, { State: 'running', ExitState: '' }),
    ];
    renderDetail(frames, { seq: 2 });
    openTab('Diff');
    expect(entries().map((entry) => entry.path)).toEqual(['State', 'ExitState']);
    expect(diffStatus()).toBe('2 changes');
  });

  it('masks secrets in the Raw tab by default and shows them when unchecked', () => {
    renderDetail([frame('machines', 'update', 'm', { Name: 'm', Secret: 'hunter2-secret' })], { seq: 1 });
    openTab('Raw');
    const raw = () => screen.getByTestId('raw-json').textContent ?? '';
    const mask = screen.getByRole('checkbox', { name: 'Mask secrets' });
    expect((mask as HTMLInputElement).checked).toBe(true);
    expect(raw()).toContain(MASK);
    expect(raw()).not.toContain('hunter2-secret');
    fireEvent.click(mask);
    expect(raw()).toContain('hunter2-secret');
  });

  it('says "deleted" for a delete and shows the object as it was deleted, with or without an earlier version', () => {
    const machine = { Name: 'gone.lab', Stage: 'complete' };
    const view = renderDetail(
      [
        frame('machines', 'save', 'm', machine),
        frame('machines', 'delete', 'm', machine),
        frame('jobs', 'delete', 'j', { State: 'failed' }),
      ],
      {
        seq: 2,
      },
    );
    openTab('Diff');
    expect(diffStatus()).toBe('deleted');
    expect(screen.getByTestId('diff-status').dataset.status).toBe('deleted');
    expect(screen.getByRole('tabpanel').textContent).toContain('gone.lab');
    expect(entries()).toEqual([]);
    select(view, 3);
    expect(diffStatus()).toBe('deleted');
    expect(screen.getByRole('tabpanel').textContent).toContain('failed');
  });

  it('masks secrets in the Object and Diff tabs by default; the one header toggle reveals them everywhere', () => {
    const frames = [
      frame('machines', 'save', 'm', { Name: 'm', Secret: 'old-secret-1' }),
      frame('machines', 'save', 'm', {
        Name: 'm',
        Secret: 'new-secret-2',
        Params: { pw: { Key: 'a2V5', Nonce: 'bm9uY2U=', Payload: 'cGF5' } },
      }),
    ];
    renderDetail(frames, { seq: 2 });
    const panel = () => screen.getByRole('tabpanel').textContent ?? '';
    const toggles = screen.getAllByRole('checkbox');
    expect(toggles).toHaveLength(1);
    const mask = screen.getByRole('checkbox', { name: 'Mask secrets' });
    expect(within(screen.getByRole('region', { name: 'Event detail' })).getByRole('checkbox', { name: 'Mask secrets' })).toBe(mask);
    expect((mask as HTMLInputElement).checked).toBe(true);
    expect(panel()).toContain(MASK);
    expect(panel()).not.toContain('new-secret-2');

    openTab('Diff');
    expect(entries().map((entry) => entry.path)).toEqual(['Secret', 'Params']);
    expect(entries()[0].text).toBe(`changed Secret: "${MASK}" → "${MASK}"`);
    expect(panel()).not.toContain('secret-');
    expect(panel()).not.toContain('cGF5');

    fireEvent.click(mask);
    expect(entries()[0].text).toBe('changed Secret: "old-secret-1" → "new-secret-2"');
    expect(panel()).toContain('cGF5');
    openTab('Object');
    expect(panel()).toContain('new-secret-2');
    openTab('Raw');
    expect(screen.getByTestId('raw-json').textContent).toContain('new-secret-2');
    fireEvent.click(mask);
    expect(screen.getByTestId('raw-json').textContent).not.toContain('new-secret-2');
  });

  it('says so when the selected event was evicted', () => {
    const view = renderDetail([frame('machines', 'save', 'a', {})], { capacity: 1, seq: 1 });
    act(() => view.ingest(frame('machines', 'save', 'b', {})));
    expect(screen.getByTestId('detail-evicted').textContent).toContain('no longer in the buffer');
  });
});
