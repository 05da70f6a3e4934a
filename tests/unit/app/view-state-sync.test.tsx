import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DIFF_LAYOUT_KEY, IGNORE_PATHS_KEY } from '../../../src/app/remembered-view-prefs';
import { URL_WRITE_DELAY_MS } from '../../../src/app/start-view-state-sync';
import { ViewStateSync } from '../../../src/app/view-state-sync';
import { EMPTY_TIMELINE_FILTER } from '../../../src/store/timeline-filter';
import { eventFrame } from '../support/frames';
import { renderWithStore } from '../support/render-with-store';

const ENDPOINT_QUERY = '?endpoint=https%3A%2F%2Fdrp%3A8092';

function openAt(hash: string): void {
  window.history.replaceState(null, '', `/${ENDPOINT_QUERY}${hash}`);
}

beforeEach(() => {
  localStorage.clear();
  openAt('');
});

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('ViewStateSync: the view in the page URL', () => {
  it('restores a link: mode, filters, changed path, tab and layout; the object once its events arrive', () => {
    openAt('#view=objects&type=profiles&principal=viewer&regex=1&changed=Params.bar&obj=profiles%2Fglobal&tab=history&diff=side-by-side');
    const view = renderWithStore(<ViewStateSync />);
    expect(view.store.getState().view).toMatchObject({
      mode: 'objects',
      filter: { ...EMPTY_TIMELINE_FILTER, type: 'profiles', principal: 'viewer', regex: true, changedPath: 'Params.bar' },
      detailTab: 'history',
      diffLayout: 'side-by-side',
      pendingObject: { type: 'profiles', key: 'global' },
    });
    expect(view.store.getState().selectedSeq).toBe(0);

    act(() =>
      view.ingest(
        eventFrame('machines', 'update', 'm1'),
        eventFrame('profiles', 'save', 'global'),
        eventFrame('profiles', 'save', 'global'),
      ),
    );
    // Its newest version, and the wait is over.
    expect(view.store.getState().selectedSeq).toBe(3);
    expect(view.store.getState().view.pendingObject).toBeNull();
  });

  it('writes the view back into the hash, debounced, and keeps ?endpoint=', () => {
    vi.useFakeTimers();
    const view = renderWithStore(<ViewStateSync />);
    act(() => view.ingest(eventFrame('profiles', 'save', 'we/ird key&=#')));
    act(() => {
      view.actions.setView({
        mode: 'objects',
        filter: { ...EMPTY_TIMELINE_FILTER, changedPath: 'Params.bar', object: { type: 'profiles', key: 'we/ird key&=#' } },
      });
      view.actions.select(1);
      view.actions.setView({ detailTab: 'history' });
    });
    expect(window.location.hash).toBe('');
    act(() => vi.advanceTimersByTime(URL_WRITE_DELAY_MS));
    expect(window.location.search).toBe(ENDPOINT_QUERY);
    const params = new URLSearchParams(window.location.hash.slice(1));
    expect(Object.fromEntries(params)).toEqual({
      view: 'objects',
      changed: 'Params.bar',
      follow: 'profiles/we/ird key&=#',
      obj: 'profiles/we/ird key&=#',
      tab: 'history',
    });

    // Back to the defaults: no hash at all.
    act(() => {
      view.actions.setView({ mode: 'events', filter: EMPTY_TIMELINE_FILTER, detailTab: 'object' });
      view.actions.select(0);
    });
    act(() => vi.advanceTimersByTime(URL_WRITE_DELAY_MS));
    expect(window.location.href).toBe(`${window.location.origin}/${ENDPOINT_QUERY}`);
  });

  it('remembers the diff layout and ignored paths; a link’s layout wins over the remembered one', () => {
    const first = renderWithStore(<ViewStateSync />);
    act(() => first.actions.setView({ diffLayout: 'side-by-side', ignorePaths: 'Meta.*' }));
    expect(localStorage.getItem(DIFF_LAYOUT_KEY)).toBe('side-by-side');
    expect(localStorage.getItem(IGNORE_PATHS_KEY)).toBe('Meta.*');
    first.unmount();

    const reloaded = renderWithStore(<ViewStateSync />);
    expect(reloaded.store.getState().view).toMatchObject({ diffLayout: 'side-by-side', ignorePaths: 'Meta.*' });
    reloaded.unmount();

    openAt('#diff=inline');
    // `inline` is the default and is never written, so only an explicit link says it; it still wins.
    const linked = renderWithStore(<ViewStateSync />);
    expect(linked.store.getState().view.diffLayout).toBe('inline');
  });

  it('a pasted link in the same tab (hashchange) applies it', () => {
    const view = renderWithStore(<ViewStateSync />);
    act(() => {
      openAt('#view=objects&key=rack');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(view.store.getState().view.mode).toBe('objects');
    expect(view.store.getState().view.filter.key).toBe('rack');
  });

  it('a selection the user makes first cancels the awaited object', () => {
    openAt('#obj=profiles%2Fglobal');
    const view = renderWithStore(<ViewStateSync />);
    act(() => view.ingest(eventFrame('machines', 'update', 'm1')));
    act(() => view.actions.select(1));
    act(() => view.ingest(eventFrame('profiles', 'save', 'global')));
    expect(view.store.getState().selectedSeq).toBe(1);
    expect(view.store.getState().view.pendingObject).toBeNull();
  });
});
