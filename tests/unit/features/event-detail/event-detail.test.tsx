import { enableActEnvironment, mountEventDetail, unmountEventDetail } from '../../support/mount-event-detail';
import { readSeedFrames } from '../../../fixtures/seed-events';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MASK } from '../../../../src/lib/mask-secrets';
import type { InspectorStore } from '../../../../src/store/inspector-state';

function frame(type: string, action: string, key: string, object: unknown, original: unknown = null): string {
  return JSON.stringify({
    Time: '2021-08-30T14:02:11.538920417Z',
    Type: type,
    Action: action,
    Key: key,
    Principal: 'user:rocketskates',
    Object: object,
    Original: original,
  });
}

let container: HTMLElement | undefined;

beforeAll(enableActEnvironment);
afterEach(unmountEventDetail);

function mount(capacity: number, frames: string[]): InspectorStore {
  const mounted = mountEventDetail(capacity, frames);
  container = mounted.container;
  return mounted.store;
}

const select = (store: InspectorStore, seq: number) => act(() => store.getState().actions.select(seq));
const query = (selector: string) => container?.querySelector<HTMLElement>(selector) ?? null;
const tab = (name: string) =>
  Array.from(container?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []).find((el) => el.textContent === name);
const click = (element: HTMLElement | null | undefined) => act(() => element?.click());
const entries = () =>
  Array.from(container?.querySelectorAll<HTMLElement>('[data-testid="diff-entry"]') ?? []).map((el) => ({
    kind: el.dataset.kind,
    path: el.dataset.path,
    text: el.textContent,
  }));

function seedWalkthrough(): string[] {
  const [withBar, withoutBar] = readSeedFrames();
  return [frame('profiles', 'save', 'global', (JSON.parse(withoutBar) as { Object: unknown }).Object), withBar, withoutBar];
}

describe('EventDetail', () => {
  it('asks for a selection when nothing is selected', () => {
    mount(10, []);
    expect(container?.textContent).toContain('Select an event');
  });

  it('shows the header and three tabs, Object first', () => {
    const store = mount(10, seedWalkthrough());
    select(store, 2);
    expect(query('[data-testid="detail-header"]')?.textContent).toContain('profiles');
    expect(Array.from(container?.querySelectorAll('[role="tab"]') ?? []).map((el) => el.textContent)).toEqual(['Object', 'Diff', 'Raw']);
    expect(tab('Object')?.getAttribute('aria-selected')).toBe('true');
    expect(query('[role="tabpanel"]')?.textContent).toContain('kernel-console');
  });

  it('walks the seed: first version seen, Params.bar "blatz" added, then removed', () => {
    const store = mount(10, seedWalkthrough());
    select(store, 1);
    click(tab('Diff'));
    expect(query('[data-testid="diff-status"]')?.textContent).toBe('first version seen');
    select(store, 2);
    expect(entries()).toEqual([{ kind: 'added', path: 'Params.bar', text: 'added Params.bar: "blatz"' }]);
    select(store, 3);
    expect(entries()).toEqual([{ kind: 'removed', path: 'Params.bar', text: 'removed Params.bar: "blatz"' }]);
  });

  it('says "no changes" for an equal save', () => {
    const store = mount(10, [frame('machines', 'save', 'm', { v: 1 }), frame('machines', 'save', 'm', { v: 1 })]);
    select(store, 2);
    click(tab('Diff'));
    expect(query('[data-testid="diff-status"]')?.textContent).toBe('no changes');
    expect(entries()).toEqual([]);
  });

  it('says "previous version evicted" when the previous save left the ring', () => {
    const store = mount(2, [
      frame('machines', 'save', 'm', { v: 1 }),
      frame('jobs', 'create', 'j', {}),
      frame('machines', 'save', 'm', { v: 2 }),
    ]);
    select(store, 3);
    click(tab('Diff'));
    expect(query('[data-testid="diff-status"]')?.textContent).toBe('previous version evicted');
  });

  it('compares with Original by default when no previous version is buffered, and offers "vs previous"', () => {
    const store = mount(10, [frame('jobs', 'update', 'j', { State: 'finished' }, { State: 'running' })]);
    select(store, 1);
    click(tab('Diff'));
    expect(entries()).toEqual([{ kind: 'changed', path: 'State', text: 'changed State: "running" → "finished"' }]);
    const button = (label: string) =>
      Array.from(container?.querySelectorAll<HTMLElement>('button') ?? []).find((el) => el.textContent === label);
    click(button('vs previous'));
    expect(query('[data-testid="diff-status"]')?.textContent).toBe('first version seen');
    click(button('vs Original'));
    expect(query('[data-testid="diff-status"]')?.textContent).toBe('1 change');
  });

  it('compares with the previous version by default when the buffer holds one', () => {
    const store = mount(10, [
      frame('jobs', 'update', 'j', { State: 'running' }, { State: 'created' }),
      frame('jobs', 'update', 'j', { State: 'finished', ExitState: 'complete' }, { State: 'running', ExitState: '' }),
    ]);
    select(store, 2);
    click(tab('Diff'));
    expect(entries().map((entry) => entry.path)).toEqual(['State', 'ExitState']);
    expect(query('[data-testid="diff-status"]')?.textContent).toBe('2 changes');
  });

  it('masks secrets in the Raw tab by default and shows them when unchecked', () => {
    const store = mount(10, [frame('machines', 'update', 'm', { Name: 'm', Secret: 'hunter2-secret' })]);
    select(store, 1);
    click(tab('Raw'));
    const raw = () => query('[data-testid="raw-json"]')?.textContent ?? '';
    expect(raw()).toContain(MASK);
    expect(raw()).not.toContain('hunter2-secret');
    const mask = query('input[type="checkbox"]') as HTMLInputElement;
    click(mask);
    expect(raw()).toContain('hunter2-secret');
  });

  it('says so when the selected event was evicted', () => {
    const store = mount(1, [frame('machines', 'save', 'a', {})]);
    select(store, 1);
    act(() => {
      store.getState().actions.ingestFrame(frame('machines', 'save', 'b', {}));
      store.getState().actions.flush();
    });
    expect(query('[data-testid="detail-evicted"]')?.textContent).toContain('no longer in the buffer');
  });
});
