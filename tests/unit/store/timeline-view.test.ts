import { createTestStore } from '../support/test-store';
import { describe, expect, it } from 'vitest';
import { EMPTY_TIMELINE_FILTER, TimelineView, compileTimelineFilter, storeTimelineSource } from '../../../src/store/timeline-view';
import type { TimelineFilter } from '../../../src/store/timeline-view';
import { NO_CHANGES } from '../../../src/lib/change-facts';

function frame(type: string, action: string, key: string, principal: string, object: unknown): string {
  return JSON.stringify({
    Time: '2021-08-30T14:02:11.5Z',
    Type: type,
    Action: action,
    Key: key,
    Principal: principal,
    Object: object,
    Original: null,
  });
}

function setup(capacity = 100) {
  const { store, events, ingest } = createTestStore({ capacity });
  const view = new TimelineView(storeTimelineSource(events));
  const unsubscribe = store.subscribe(() => view.sync());
  const shown = (): number[] => Array.from({ length: view.count }, (_, i) => view.seqAt(i));
  return { store, ingest, view, shown, unsubscribe, actions: store.getState().actions };
}

const filter = (overrides: Partial<TimelineFilter>): TimelineFilter => ({ ...EMPTY_TIMELINE_FILTER, ...overrides });

// seq 1..5
const SAMPLE = [
  frame('machines', 'update', 'm-1', 'runner:m-1', { Name: 'r12-u07', Stage: 'discover' }),
  frame('jobs', 'create', 'j-1', 'runner:m-1', { State: 'created', Task: 'gohai' }),
  frame('profiles', 'save', 'global', 'user:rocketskates', { Params: { bar: 'blatz' } }),
  frame('machines', 'delete', 'm-2', 'user:Admin', { Name: 'R13-U01', Stage: 'complete' }),
  frame('log', 'info', 'frontend', 'user:rocketskates', { Message: 'Created job for task gohai' }),
];

describe('compileTimelineFilter', () => {
  const record = {
    seq: 1,
    type: 'machines',
    action: 'update',
    key: 'm-1',
    principal: 'runner:m-1',
    raw: '{"Stage":"Discover"}',
    changes: NO_CHANGES,
  };

  it('passes everything when empty', () => {
    const compiled = compileTimelineFilter(EMPTY_TIMELINE_FILTER);
    expect(compiled.active).toBe(false);
    expect(compiled.test(record)).toBe(true);
  });

  it('matches facets as case-insensitive substrings with comma alternatives', () => {
    expect(compileTimelineFilter(filter({ type: 'MACH' })).test(record)).toBe(true);
    expect(compileTimelineFilter(filter({ type: 'jobs' })).test(record)).toBe(false);
    expect(compileTimelineFilter(filter({ action: 'create, update' })).test(record)).toBe(true);
    expect(compileTimelineFilter(filter({ principal: 'user:' })).test(record)).toBe(false);
  });
});

describe('TimelineView', () => {
  it('shows every buffered event with no filter, and counts N of M', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE);
    expect(shown()).toEqual([1, 2, 3, 4, 5]);
    expect([view.count, view.total]).toEqual([5, 5]);
  });

  it('narrows by each facet and combines them', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE);
    view.setFilter(filter({ type: 'machines' }));
    expect(shown()).toEqual([1, 4]);
    view.setFilter(filter({ type: 'machines', action: 'delete' }));
    expect(shown()).toEqual([4]);
    view.setFilter(filter({ key: 'global' }));
    expect(shown()).toEqual([3]);
    view.setFilter(filter({ principal: 'rocketskates' }));
    expect(shown()).toEqual([3, 5]);
    expect([view.count, view.total]).toEqual([2, 5]);
  });

  it('searches the raw event text, case-insensitively by default', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE);
    view.setFilter(filter({ text: 'gohai' }));
    expect(shown()).toEqual([2, 5]);
    view.setFilter(filter({ text: 'r13-u01' }));
    expect(shown()).toEqual([4]);
    view.setFilter(filter({ text: 'r13-u01', caseSensitive: true }));
    expect(shown()).toEqual([]);
    view.setFilter(filter({ text: 'R13-U01', caseSensitive: true }));
    expect(shown()).toEqual([4]);
  });

  it('treats regex special characters literally unless Regex is on', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE);
    view.setFilter(filter({ text: '"Stage":"(discover|complete)"' }));
    expect(shown()).toEqual([]);
    view.setFilter(filter({ text: '"Stage":"(discover|complete)"', regex: true }));
    expect(shown()).toEqual([1, 4]);
    view.setFilter(filter({ text: 'STAGE":"D', regex: true, caseSensitive: true }));
    expect(shown()).toEqual([]);
  });

  it('inverts the text match but still applies facets', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE);
    view.setFilter(filter({ text: 'gohai', invert: true }));
    expect(shown()).toEqual([1, 3, 4]);
    view.setFilter(filter({ text: 'gohai', invert: true, type: 'machines' }));
    expect(shown()).toEqual([1, 4]);
  });

  it('reports an invalid regex instead of throwing, and ignores the text until it is fixed', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE);
    expect(() => view.setFilter(filter({ text: 'Stage("', regex: true, type: 'machines' }))).not.toThrow();
    expect(view.error).toMatch(/Invalid regular expression/);
    expect(shown()).toEqual([1, 4]);
    view.setFilter(filter({ text: 'Stage', regex: true, type: 'machines' }));
    expect(view.error).toBeNull();
  });

  it('tests arriving events incrementally without rescanning', () => {
    const { ingest, view, shown } = setup();
    view.setFilter(filter({ type: 'machines' }));
    ingest(SAMPLE[0], SAMPLE[1]);
    expect(shown()).toEqual([1]);
    const version = view.getVersion();
    ingest(SAMPLE[2], SAMPLE[3]);
    expect(shown()).toEqual([1, 4]);
    expect(view.getVersion()).toBeGreaterThan(version);
    expect([view.count, view.total]).toEqual([2, 4]);
  });

  it('drops evicted seqs from the front and keeps indexOf exact', () => {
    const { ingest, view, shown, store } = setup(3);
    view.setFilter(filter({ type: 'machines,log' }));
    ingest(...SAMPLE);
    // capacity 3: seqs 3..5 remain; machines/log among them are 4 and 5
    expect(shown()).toEqual([4, 5]);
    expect(view.total).toBe(3);
    expect(view.indexOf(4)).toBe(0);
    expect(view.indexOf(1)).toBe(-1);
    ingest(frame('machines', 'update', 'm-1', 'runner:m-1', {}), frame('jobs', 'update', 'j-1', '', {}));
    // seqs 5..7 remain: 5 (log) and 6 (machines) match, 7 (jobs) does not
    expect(shown()).toEqual([5, 6]);
    expect(view.indexOf(6)).toBe(1);
    expect(view.indexOf(4)).toBe(-1);
    store.getState().actions.clear();
    expect(shown()).toEqual([]);
    expect(view.total).toBe(0);
  });

  it('stays exact over long runs of eviction (front compaction)', () => {
    const { ingest, view, shown } = setup(100);
    view.setFilter(filter({ action: 'update' }));
    for (let batch = 0; batch < 30; batch += 1) {
      ingest(...Array.from({ length: 400 }, (_, i) => frame('machines', i % 2 === 0 ? 'update' : 'save', `m-${i}`, '', {})));
    }
    // 12,000 events; the ring holds 11,901..12,000, of which the odd seqs are updates
    const expected = Array.from({ length: 50 }, (_, i) => 11_901 + 2 * i);
    expect(shown()).toEqual(expected);
    expect(view.indexOf(11_999)).toBe(49);
    expect(view.total).toBe(100);
  });

  it('stops at pausedAtSeq while paused and catches up on resume', () => {
    const { ingest, view, shown, actions } = setup();
    ingest(SAMPLE[0], SAMPLE[1]);
    actions.pause();
    ingest(SAMPLE[2], SAMPLE[3]);
    expect(shown()).toEqual([1, 2]);
    expect(view.total).toBe(2);
    actions.resume();
    expect(shown()).toEqual([1, 2, 3, 4]);
  });

  it('notifies subscribers only when something changed', () => {
    const { ingest, view, store } = setup();
    let calls = 0;
    view.subscribe(() => {
      calls += 1;
    });
    ingest(SAMPLE[0]);
    expect(calls).toBe(1);
    store.getState().actions.tickRate(Date.now() + 1000); // unrelated state change
    view.sync();
    expect(calls).toBe(1);
    view.setFilter(filter({}));
    expect(calls).toBe(1);
  });
});

describe('Changed path and Follow this object', () => {
  const profile = (key: string, params: Record<string, unknown>, principal = 'user:alice') =>
    frame('profiles', 'save', key, principal, { Name: key, Params: params });

  it('shows only the events whose change touches the path, and follows live events', () => {
    const { ingest, view, shown, store } = setup();
    ingest(
      profile('global', { bar: 1 }),
      profile('global', { bar: 1, foo: 1 }),
      profile('global', { bar: 2, foo: 1 }, 'user:bob'),
      profile('other', { bar: 1 }),
      profile('other', { bar: 1, baz: { deep: 1 } }),
    );
    view.setFilter(filter({ changedPath: 'Params.bar' }));
    // seq 1 and 4 are first versions (nothing to compare); 2 added foo; 5 added baz.
    expect(shown()).toEqual([3]);
    view.setFilter(filter({ changedPath: 'Params.*' }));
    expect(shown()).toEqual([2, 3, 5]);
    view.setFilter(filter({ changedPath: 'Params.baz.deep' }));
    expect(shown()).toEqual([5]);
    view.setFilter(filter({ changedPath: 'Params.bar', principal: 'alice' }));
    expect(shown()).toEqual([]);
    view.setFilter(filter({ changedPath: 'Params.bar' }));
    ingest(profile('global', { bar: 3, foo: 1 }));
    view.sync();
    expect(shown()).toEqual([3, 6]);
    expect(store.getState().buffered).toBe(6);
  });

  it('matches events whose path list was capped by diffing them', () => {
    const { ingest, view, shown } = setup();
    const many = (value: number) => Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`p${i}`, value]));
    ingest(profile('global', many(1)), profile('global', many(2)));
    view.setFilter(filter({ changedPath: 'Params.p99' }));
    expect(shown()).toEqual([2]);
    view.setFilter(filter({ changedPath: 'Meta' }));
    expect(shown()).toEqual([]);
  });

  it('follows one object by Type and Key', () => {
    const { ingest, view, shown } = setup();
    ingest(...SAMPLE, frame('machines', 'update', 'm-1', 'runner:m-1', { Name: 'r12-u07', Stage: 'x' }));
    view.setFilter(filter({ object: { type: 'machines', key: 'm-1' } }));
    expect(shown()).toEqual([1, 6]);
    view.setFilter(filter({ object: { type: 'jobs', key: 'm-1' } }));
    expect(shown()).toEqual([]);
  });
});
