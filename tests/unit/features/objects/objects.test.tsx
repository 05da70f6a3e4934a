import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Objects } from '../../../../src/features/objects/objects';
import { OBJECTS_UPDATE_MS } from '../../../../src/features/objects/use-object-rows';
import { eventFrame } from '../../support/frames';
import { renderWithStore } from '../../support/render-with-store';

const RACK = '3f2a9c1e-77b0-4c3e-9a51-0e6a2b1c9d44';
const SPARE = '9b1d0c2e-0000-4c3e-9a51-0e6a2b1c9d45';

function by(principal: string, frame: string): string {
  return JSON.stringify({ ...JSON.parse(frame), Principal: principal });
}

const rows = (): HTMLElement[] => screen.getAllByTestId('object-row');
const keys = (): (string | undefined)[] => rows().map((row) => row.dataset.key);
const cell = (row: HTMLElement, column: string): string => row.querySelector(`.objects-cell--${column}`)?.textContent ?? '';
const header = (name: string): HTMLElement => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });

function seed() {
  const view = renderWithStore(<Objects />);
  act(() =>
    view.ingest(
      by('user:rocketskates', eventFrame('profiles', 'save', 'global', { Name: 'global', Params: {} })),
      by('user:viewer', eventFrame('profiles', 'update', 'global', { Name: 'global', Params: { bar: 1 } })),
      by(
        'user:rocketskates',
        eventFrame('machines', 'update', RACK, {
          Name: 'rack-01',
          Stage: 'discover',
          BootEnv: 'sledgehammer',
          Tasks: ['gohai', 'inventory'],
          CurrentTask: 1,
          Runnable: false,
        }),
      ),
      by('runner:' + RACK, eventFrame('jobs', 'create', 'job-7', { Machine: RACK, Task: 'gohai', State: 'failed' })),
      by(
        'user:rocketskates',
        eventFrame('machines', 'create', SPARE, { Name: 'spare-02', Stage: 'none', BootEnv: 'local', Runnable: true }),
      ),
      by(
        'user:rocketskates',
        eventFrame('machines', 'delete', SPARE, { Name: 'spare-02', Stage: 'none', BootEnv: 'local', Runnable: true }),
      ),
      by('dhcp', eventFrame('leases', 'save', '0a000005', { Addr: '10.0.0.5' })),
    ),
  );
  return view;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Objects view', () => {
  it('lists each object once, with name, versions, last action, principal; deletes read as deleted', () => {
    seed();
    expect(screen.getByTestId('objects-count').textContent).toBe('5 of 5 objects');
    // Type, then name.
    expect(keys()).toEqual(['job-7', '0a000005', RACK, SPARE, 'global']);
    const [job, lease, rack, spare, profile] = rows();
    expect(cell(profile, 'versions')).toBe('2');
    expect(cell(profile, 'action')).toBe('update');
    expect(cell(profile, 'principal')).toBe('user:viewer');
    expect(cell(rack, 'name')).toBe('rack-01');
    expect(rack.querySelector('.objects-cell--name')?.getAttribute('title')).toContain(RACK);
    expect(cell(job, 'name')).toBe('rack-01 · gohai');
    expect(cell(job, 'principal')).toBe('runner:rack-01');
    expect(cell(lease, 'name')).toBe('10.0.0.5');
    expect(cell(spare, 'action')).toBe('deleted');
    expect(spare.dataset.deleted).toBe('true');
  });

  it('shows where a machine stands, and marks one that is not runnable', () => {
    seed();
    const rack = rows().find((row) => row.dataset.key === RACK)!;
    expect(within(rack).getByTestId('object-stage').textContent).toBe('discover');
    expect(within(rack).getByTestId('object-task').textContent).toBe('inventory');
    expect(within(rack).getByTestId('object-bootenv').textContent).toBe('sledgehammer');
    expect(within(rack).getByTestId('object-runnable').textContent).toBe('not runnable');
    expect(rack.dataset.runnable).toBe('false');
    expect(rack.className).toContain('objects-row--not-runnable');
    const profile = rows().find((row) => row.dataset.key === 'global')!;
    expect(cell(profile, 'workflow')).toBe('');
  });

  it('sorts by a clicked column, and says so in aria-sort', () => {
    seed();
    expect(header('Type').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header('Versions')).getByRole('button'));
    expect(header('Versions').getAttribute('aria-sort')).toBe('descending');
    expect(header('Type').getAttribute('aria-sort')).toBe('none');
    expect(rows()[0].dataset.key).toBe('global');
    expect(rows()[0].dataset.versions).toBe('2');

    fireEvent.click(within(header('Name')).getByRole('button'));
    expect(rows().map((row) => cell(row, 'name'))).toEqual(['10.0.0.5', 'global', 'rack-01', 'rack-01 · gohai', 'spare-02']);
    fireEvent.click(within(header('Name')).getByRole('button'));
    expect(header('Name').getAttribute('aria-sort')).toBe('descending');
    expect(rows()[0].dataset.key).toBe(SPARE);

    // Last time: arrival order, newest first.
    fireEvent.click(within(header('Last time')).getByRole('button'));
    expect(keys()).toEqual(['0a000005', SPARE, 'job-7', RACK, 'global']);
  });

  it('filters by the shared facets: type, key or name, principal, last action', () => {
    const view = seed();
    fireEvent.change(screen.getByLabelText('Filter type'), { target: { value: 'machines' } });
    expect(keys()).toEqual([RACK, SPARE]);
    // The facets are the timeline's: the store's view filter.
    expect(view.store.getState().view.filter.type).toBe('machines');
    fireEvent.change(screen.getByLabelText('Filter key'), { target: { value: 'rack' } });
    expect(keys()).toEqual([RACK]);
    fireEvent.change(screen.getByLabelText('Filter type'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Filter key'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Filter principal'), { target: { value: 'viewer, dhcp' } });
    expect(keys()).toEqual(['0a000005', 'global']);
    fireEvent.change(screen.getByLabelText('Filter principal'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Filter action'), { target: { value: 'delete' } });
    expect(keys()).toEqual([SPARE]);
    expect(screen.getByTestId('objects-count').textContent).toBe('1 of 5 objects');
  });

  it('selecting a row selects its newest version with History shown; new versions are counted live', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const view = seed();
    fireEvent.click(within(rows().find((row) => row.dataset.key === 'global')!).getByText('global', { selector: '.objects-cell--name' }));
    expect(view.store.getState().selectedSeq).toBe(2);
    expect(view.store.getState().view.detailTab).toBe('history');
    const selected = rows().find((row) => row.getAttribute('aria-selected') === 'true');
    expect(selected?.dataset.key).toBe('global');

    act(() => view.ingest(by('user:viewer', eventFrame('profiles', 'update', 'global', { Name: 'global', Params: { bar: 2 } }))));
    // A refresh at most every OBJECTS_UPDATE_MS: the list catches up then.
    act(() => vi.advanceTimersByTime(OBJECTS_UPDATE_MS));
    expect(rows().find((row) => row.dataset.key === 'global')?.dataset.versions).toBe('3');
    // Keyboard: Home selects the first row's newest version.
    fireEvent.keyDown(screen.getByRole('grid', { name: 'Objects' }), { key: 'Home' });
    expect(view.store.getState().selectedSeq).toBe(4);
  });
});
