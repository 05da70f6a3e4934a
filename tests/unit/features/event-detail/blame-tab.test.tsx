import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventDetail } from '../../../../src/features/event-detail/event-detail';
import { MASK } from '../../../../src/lib/mask-secrets';
import { renderWithStore } from '../../support/render-with-store';
import { versionFrame } from './version-frames';

function renderBlame(objects: unknown[], { seq = objects.length, capacity = 20 } = {}) {
  const view = renderWithStore(<EventDetail />, { capacity });
  act(() => {
    view.ingest(
      ...objects.map((object, index) =>
        versionFrame(object, { second: index + 1, principal: index % 2 === 0 ? 'user:rocketskates' : 'user:viewer' }),
      ),
    );
    view.actions.select(seq);
  });
  fireEvent.click(screen.getByRole('tab', { name: 'Blame' }));
  return view;
}

const leaf = (path: string) => screen.getAllByTestId('blame-leaf').find((el) => el.dataset.path === path)!;
const blamed = () => Object.fromEntries(screen.getAllByTestId('blame-leaf').map((el) => [el.dataset.path, Number(el.dataset.changedSeq)]));

describe('Blame tab', () => {
  const versions = [
    { Name: 'global', Params: { a: 1, b: 2 }, Profiles: ['x'] },
    { Name: 'global', Params: { a: 1, b: 3 }, Profiles: ['x'] },
    { Name: 'global', Params: { a: 5, b: 3 }, Profiles: ['x', 'y'] },
  ];

  it('names for each leaf the buffered version that last changed it, "before capture" when none did', () => {
    renderBlame(versions);
    expect(blamed()).toEqual({ Name: 0, 'Params.a': 3, 'Params.b': 2, 'Profiles[0]': 0, 'Profiles[1]': 3 });
    expect(within(leaf('Name')).getByTestId('blame-version').textContent).toBe('before capture');
    expect(within(leaf('Params.b')).getByTestId('blame-version').textContent).toBe('#2 14:02:02.000 user:viewer');
    expect(within(leaf('Params.a')).getByTestId('blame-version').textContent).toBe('#3 14:02:03.000 user:rocketskates (this version)');
    expect(leaf('Params.b').textContent).toContain('3');
  });

  it('blames an older version as of that version', () => {
    renderBlame(versions, { seq: 2 });
    expect(blamed()).toEqual({ Name: 0, 'Params.a': 0, 'Params.b': 2, 'Profiles[0]': 0 });
  });

  it('shows the leaves as a tree: a line per branch, leaves indented under it', () => {
    renderBlame(versions);
    const lines = within(screen.getByRole('list', { name: /Leaves/ }))
      .getAllByRole('listitem')
      .map((item) => item.firstChild?.textContent);
    expect(lines).toEqual(['Name', 'Params', 'a', 'b', 'Profiles', '[0]', '[1]']);
  });

  it('selects the version when its part of a leaf is clicked', () => {
    const view = renderBlame(versions);
    fireEvent.click(within(leaf('Params.b')).getByRole('button'));
    expect(view.store.getState().selectedSeq).toBe(2);
    expect(screen.getByRole('tab', { name: 'Blame' }).getAttribute('aria-selected')).toBe('true');
    expect(blamed()['Params.a']).toBe(0);
  });

  it('masks secret leaves unless secrets are revealed', () => {
    renderBlame([{ Name: 'm', Secret: 'hunter2' }]);
    expect(leaf('Secret').textContent).toContain(MASK);
    expect(leaf('Secret').textContent).not.toContain('hunter2');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mask secrets' }));
    expect(leaf('Secret').textContent).toContain('hunter2');
  });

  it('renders at most 2000 leaves and counts the rest', () => {
    const big = { Params: Object.fromEntries(Array.from({ length: 2300 }, (_, index) => [`k${index}`, index])) };
    renderBlame([big]);
    expect(screen.getAllByTestId('blame-leaf')).toHaveLength(2000);
    expect(screen.getByText('300 more leaves not shown.')).toBeTruthy();
  });
});
