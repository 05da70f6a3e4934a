import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventDetail } from '../../../../src/features/event-detail/event-detail';
import { renderWithStore } from '../../support/render-with-store';
import { versionFrame } from './version-frames';

/** Five saves of profile `global` by two users (seqs 1..5), as the walkthrough has them. */
function fiveSaves(): string[] {
  return [
    versionFrame({ Name: 'global', Params: {} }, { second: 1 }),
    versionFrame({ Name: 'global', Params: { bar: 'a' } }, { principal: 'user:viewer', second: 2 }),
    versionFrame({ Name: 'global', Params: { bar: 'b' } }, { second: 3 }),
    versionFrame({ Name: 'global', Params: { bar: 'b', baz: 1 } }, { principal: 'user:viewer', second: 4 }),
    versionFrame({ Name: 'global', Params: { bar: 'c', baz: 1 } }, { second: 5 }),
  ];
}

function renderHistory(frames: string[], { capacity = 20, seq = frames.length } = {}) {
  const view = renderWithStore(<EventDetail />, { capacity });
  act(() => {
    view.ingest(...frames);
    view.actions.select(seq);
  });
  fireEvent.click(screen.getByRole('tab', { name: 'History' }));
  return view;
}

const rows = () => screen.getAllByTestId('history-version');
const rowSeqs = () => rows().map((row) => Number(row.dataset.seq));
const row = (seq: number) => rows().find((candidate) => candidate.dataset.seq === String(seq))!;
const selectedRows = () => rows().filter((candidate) => candidate.getAttribute('aria-current') === 'true');
const button = (name: string) => screen.getByRole('button', { name });

describe('History tab', () => {
  it('lists every buffered version of the object newest first, with time, action, principal and change', () => {
    const view = renderHistory([...fiveSaves(), versionFrame({ Name: 'other' }, { key: 'other' })], { seq: 5 });
    expect(view.store.getState().view.detailTab).toBe('history');
    expect(rowSeqs()).toEqual([5, 4, 3, 2, 1]);
    expect(within(row(4)).getByTestId('history-principal').textContent).toBe('user:viewer');
    expect(row(5).textContent).toContain('14:02:05');
    expect(row(5).textContent).toContain('save');
    expect(row(5).textContent).toContain('Params.bar b → c');
    expect(row(1).textContent).toContain('first version seen');
    expect(selectedRows().map((candidate) => candidate.dataset.seq)).toEqual(['5']);
    expect(screen.getByTestId('history-count').textContent).toBe('5 versions buffered');
    expect(screen.queryByTestId('history-evicted')).toBeNull();
  });

  it('counts the versions the ring evicted', () => {
    renderHistory(fiveSaves(), { capacity: 3 });
    expect(rowSeqs()).toEqual([5, 4, 3]);
    expect(screen.getByTestId('history-evicted').textContent).toBe('2 older versions evicted');
  });

  it('shows a new version at once, and the selection stays where it was', () => {
    const view = renderHistory(fiveSaves(), { seq: 3 });
    act(() => view.ingest(versionFrame({ Name: 'other' }, { key: 'other' }), versionFrame({ Name: 'global', Params: {} }, { second: 9 })));
    expect(rowSeqs()).toEqual([7, 5, 4, 3, 2, 1]);
    expect(view.store.getState().selectedSeq).toBe(3);
    expect(selectedRows().map((candidate) => candidate.dataset.seq)).toEqual(['3']);
  });

  it('names a runner principal by its machine', () => {
    const uuid = '3e7031fe-3062-45f1-835c-92541bc9dbe3';
    renderHistory([
      versionFrame({ Uuid: uuid, Name: 'd00-01' }, { type: 'machines', key: uuid }),
      versionFrame({ Name: 'global' }, { principal: `runner:${uuid}` }),
    ]);
    expect(within(row(2)).getByTestId('history-principal').textContent).toBe('runner:d00-01');
  });

  it('selects a version on click', () => {
    const view = renderHistory(fiveSaves());
    fireEvent.click(row(2));
    expect(view.store.getState().selectedSeq).toBe(2);
    expect(selectedRows().map((candidate) => candidate.dataset.seq)).toEqual(['2']);
  });

  it('steps with Older version and Newer version, disabled at the ends', () => {
    const view = renderHistory(fiveSaves(), { seq: 2 });
    expect(button('Older version').hasAttribute('disabled')).toBe(false);
    fireEvent.click(button('Older version'));
    expect(view.store.getState().selectedSeq).toBe(1);
    expect(button('Older version').hasAttribute('disabled')).toBe(true);
    for (let step = 0; step < 4; step++) fireEvent.click(button('Newer version'));
    expect(view.store.getState().selectedSeq).toBe(5);
    expect(button('Newer version').hasAttribute('disabled')).toBe(true);
  });

  it('steps over other objects with [ and ], but not while typing', () => {
    const frames = fiveSaves();
    frames.splice(2, 0, versionFrame({ Name: 'other' }, { key: 'other' }));
    const view = renderHistory(frames, { seq: 6 });
    const key = (target: Element | Document, name: string) => fireEvent.keyDown(target, { key: name });
    key(document.body, '[');
    expect(view.store.getState().selectedSeq).toBe(5);
    key(document.body, '[');
    key(document.body, '[');
    expect(view.store.getState().selectedSeq).toBe(2);
    key(document.body, ']');
    expect(view.store.getState().selectedSeq).toBe(4);
    fireEvent.click(screen.getByRole('tab', { name: 'Diff' }));
    key(screen.getByLabelText('Ignore paths'), ']');
    expect(view.store.getState().selectedSeq).toBe(4);
  });

  it('follows the object in the timeline filter, keeping the rest of the filter, and stops in one click', () => {
    const view = renderHistory(fiveSaves());
    act(() => view.actions.setView({ filter: { ...view.store.getState().view.filter, principal: 'viewer' } }));
    fireEvent.click(button('Follow this object'));
    expect(view.store.getState().view.filter).toMatchObject({ principal: 'viewer', object: { type: 'profiles', key: 'global' } });
    expect(button('Follow this object').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(button('Follow this object'));
    expect(view.store.getState().view.filter).toMatchObject({ principal: 'viewer', object: null });
    expect(button('Follow this object')).toBeTruthy();
  });

  it("Compare makes a version the diff base and opens the Diff tab; the selected version's own Compare is disabled", () => {
    const view = renderHistory(fiveSaves());
    expect(within(row(5)).getByRole('button', { name: 'Compare' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(row(1)).getByRole('button', { name: 'Compare' }));
    expect(view.store.getState().view).toMatchObject({ compareBaseSeq: 1, detailTab: 'diff' });
    expect(view.store.getState().selectedSeq).toBe(5);
    expect(screen.getByRole('tab', { name: 'Diff' }).getAttribute('aria-selected')).toBe('true');
  });
});
