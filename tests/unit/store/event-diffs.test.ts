import { describe, expect, it } from 'vitest';
import type { ChangeValue } from '../../../src/lib/change-facts';
import { eventFrame as frame, seedWalkthrough } from '../support/frames';
import { createTestStore } from '../support/test-store';

const setup = (capacity = 100) => createTestStore({ capacity });

/** A single change keeps its values (short previews) for the row: `CurrentTask 2 → 3`. */
const oneChange = (path: string, values: Omit<ChangeValue, 'path'>) => ({
  kind: 'compared',
  changes: 1,
  paths: [path],
  values: { path, ...values },
});

describe('events.diff vs the previous version', () => {
  it('shows the seed walkthrough as Params.bar "blatz" added, then removed', () => {
    const { events, ingest } = setup();
    ingest(...seedWalkthrough());
    expect(events.diff(1, 'previous')).toEqual({ status: 'first' });
    expect(events.diff(2, 'previous')).toEqual({
      status: 'compared',
      base: 'previous',
      baseSeq: 1,
      entries: [{ path: 'Params.bar', segments: ['Params', 'bar'], kind: 'added', after: 'blatz' }],
    });
    expect(events.diff(3, 'previous')).toEqual({
      status: 'compared',
      base: 'previous',
      baseSeq: 2,
      entries: [{ path: 'Params.bar', segments: ['Params', 'bar'], kind: 'removed', before: 'blatz' }],
    });
  });

  it('compares only events of the same Type and Key', () => {
    const { events, ingest } = setup();
    ingest(
      frame('machines', 'update', 'a', { Stage: 'x' }),
      frame('machines', 'update', 'b', { Stage: 'y' }),
      frame('jobs', 'update', 'a', { Stage: 'z' }),
      frame('machines', 'update', 'a', { Stage: 'x' }),
    );
    expect(events.diff(2, 'previous').status).toBe('first');
    expect(events.diff(3, 'previous').status).toBe('first');
    expect(events.diff(4, 'previous')).toEqual({ status: 'compared', base: 'previous', baseSeq: 1, entries: [] });
  });

  it('says the previous version was evicted when the ring dropped it', () => {
    const { events, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('jobs', 'create', 'j', {}), frame('machines', 'update', 'a', { v: 2 }));
    expect(events.diff(3, 'previous')).toEqual({ status: 'evicted', baseSeq: 1 });
  });

  it('says missing for an event no longer buffered, even if it was diffed before', () => {
    const { events, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    expect(events.diff(2, 'previous').status).toBe('compared');
    ingest(frame('jobs', 'create', 'j1', {}), frame('jobs', 'create', 'j2', {}));
    expect(events.diff(2, 'previous')).toEqual({ status: 'missing' });
  });

  it('computes each diff once and returns the same result object', () => {
    const { events, ingest } = setup();
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    const first = events.diff(2, 'previous');
    expect(events.diff(2, 'previous')).toBe(first);
  });
});

describe('events.diff vs Original', () => {
  it('diffs Original against Object', () => {
    const { events, ingest } = setup();
    ingest(frame('jobs', 'update', 'j', { State: 'finished', ExitState: 'complete' }, { State: 'running', ExitState: '' }));
    const diff = events.diff(1, 'original');
    expect(diff.status === 'compared' && diff.entries.map((e) => `${e.kind} ${e.path}`)).toEqual(['changed State', 'changed ExitState']);
  });

  it('says there is no Original for create events and old servers', () => {
    const { events, ingest } = setup();
    ingest(frame('jobs', 'create', 'j', { State: 'created' }));
    expect(events.diff(1, 'original')).toEqual({ status: 'no-original' });
  });
});

describe('events.changeSummary', () => {
  it('summarises the seed walkthrough rows', () => {
    const { events, ingest } = setup();
    ingest(...seedWalkthrough());
    expect(events.changeSummary(1)).toEqual({ kind: 'first' });
    expect(events.changeSummary(2)).toEqual(oneChange('Params.bar', { change: 'added', after: 'blatz' }));
    expect(events.changeSummary(3)).toEqual(oneChange('Params.bar', { change: 'removed', before: 'blatz' }));
  });

  it('compares with the previous version received, and with Original only when there is none', () => {
    const { events, ingest } = setup();
    ingest(
      frame('machines', 'update', 'a', { Stage: 's1', CurrentTask: 1 }, { Stage: 's1', CurrentTask: 0 }),
      frame('machines', 'update', 'a', { Stage: 's2', CurrentTask: 3 }, { Stage: 's2', CurrentTask: 2 }),
    );
    expect(events.changeSummary(1)).toEqual(oneChange('CurrentTask', { change: 'changed', before: '0', after: '1' }));
    expect(events.changeSummary(2)).toEqual({ kind: 'compared', changes: 2, paths: ['Stage', 'CurrentTask'] });
    expect(events.record(2)?.changes.base).toBe('previous');
  });

  it('keeps the change of an event whose previous version was evicted since', () => {
    const { events, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('jobs', 'create', 'j', {}), frame('machines', 'update', 'a', { v: 2 }));
    // Computed at ingest, when the previous version was still known; the Diff tab says it is gone.
    expect(events.changeSummary(3)).toEqual(oneChange('v', { change: 'changed', before: '1', after: '2' }));
    expect(events.diff(3, 'previous')).toEqual({ status: 'evicted', baseSeq: 1 });
  });

  it('shows the message of log events instead of a diff', () => {
    const { events, ingest } = setup();
    ingest(
      frame('log', 'info', 'frontend', { Message: 'first line', Seq: 1 }),
      frame('log', 'info', 'frontend', { Message: 'Created job for task gohai', Seq: 2 }),
    );
    expect(events.changeSummary(2)).toEqual({ kind: 'event-text', text: 'Created job for task gohai' });
  });

  it('keeps the first three changed paths and counts the rest', () => {
    const { events, ingest } = setup();
    ingest(frame('machines', 'update', 'a', { a: 1, b: 1, c: 1, d: 1 }), frame('machines', 'update', 'a', { a: 2, b: 2, c: 2, d: 2 }));
    expect(events.changeSummary(2)).toEqual({ kind: 'compared', changes: 4, paths: ['a', 'b', 'c'] });
  });

  it('shows status and URL of static requests, and says nothing for a gone event', () => {
    const { events, ingest } = setup(1);
    ingest(frame('jobs', 'create', 'j', {}), frame('static', 'get', 'a', { Status: 404, Url: '/files/x' }));
    expect(events.changeSummary(2)).toEqual({ kind: 'event-text', text: '404 /files/x' });
    expect(events.changeSummary(1)).toEqual({ kind: 'none' });
  });

  it('is read from the header without parsing the event', () => {
    const { events, ingest } = setup();
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    const record = events.record(2);
    if (!record) throw new Error('not buffered');
    // The frame text is unreadable from here on: a summary that parsed it would throw.
    Object.defineProperty(record, 'raw', {
      get: () => {
        throw new Error('parsed the frame');
      },
    });
    expect(events.changeSummary(2)).toEqual(oneChange('v', { change: 'changed', before: '1', after: '2' }));
  });

  it('shows the change at the Changed path pattern, with its values', () => {
    const { events, ingest } = setup();
    ingest(
      frame('machines', 'update', 'a', { Stage: 'x', Params: { bar: 1, foo: 1 } }),
      frame('machines', 'update', 'a', { Stage: 'y', Params: { bar: 2, foo: 2 } }),
    );
    expect(events.changeSummary(2, 'Params.foo')).toEqual({
      kind: 'compared',
      changes: 3,
      paths: ['Params.foo'],
      values: { path: 'Params.foo', change: 'changed', before: '1', after: '2' },
    });
    expect(events.changeSummary(2, 'Params.*')).toMatchObject({ paths: ['Params.bar'] });
  });
});

describe('row highlights and display names, from the headers at ingest', () => {
  it('marks failed jobs, machines that stopped being Runnable, and deletes', () => {
    const { events, ingest } = setup();
    ingest(
      frame('machines', 'update', 'm1', { Name: 'rack-01', Runnable: true }),
      frame('machines', 'update', 'm1', { Name: 'rack-01', Runnable: false }),
      frame('jobs', 'update', 'j1', { Machine: 'm1', Task: 'gohai', State: 'failed' }),
      frame('jobs', 'update', 'j2', { Machine: 'm1', Task: 'gohai', State: 'finished' }),
      frame('machines', 'delete', 'm1', { Name: 'rack-01', Runnable: false }),
      frame('machines', 'update', 'm2', { Name: 'rack-02', Runnable: false }),
    );
    expect(events.changeSummary(5)).toEqual({ kind: 'deleted' });
    expect([1, 2, 3, 4, 5, 6].map((seq) => events.highlight(seq))).toEqual([
      undefined,
      'not-runnable',
      'failed',
      undefined,
      'deleted',
      // First version seen: nothing says it "became" not Runnable.
      undefined,
    ]);
  });

  it('names machines by Name, jobs by machine name and task, runners by machine name', () => {
    const { events, ingest } = setup();
    ingest(
      frame('jobs', 'update', 'j1', { Machine: 'uuid-m1', Task: 'gohai' }),
      frame('machines', 'update', 'uuid-m1', { Name: 'rack-01' }),
    );
    const names = events.displayNames;
    expect(names.keyLabel('machines', 'uuid-m1')).toBe('rack-01');
    expect(names.keyLabel('jobs', 'j1')).toBe('rack-01 · gohai');
    expect(names.principalLabel('runner:uuid-m1')).toBe('runner:rack-01');
    expect(names.principalLabel('user:rocketskates')).toBeUndefined();
  });
});

describe('hostile and giant events', () => {
  it('does not summarise a giant event in the timeline', () => {
    const { events, ingest } = setup();
    const big = 'x'.repeat(4_100_000);
    ingest(frame('machines', 'update', 'm', { Name: 'm', Blob: big }), frame('machines', 'update', 'm', { Name: 'm', Blob: `${big}y` }));
    const large = { kind: 'large-event', bytes: events.record(2)?.bytes };
    expect(large.bytes).toBeGreaterThan(4_100_000);
    expect(events.changeSummary(2)).toEqual(large);
  });

  it('answers "unavailable" instead of throwing for objects nested too deeply to diff', () => {
    const { events, ingest } = setup();
    // Built as text: JSON.stringify itself overflows the stack on such a value.
    const deep = (leaf: number) =>
      `{"Time":"2021-08-30T14:02:11.5Z","Type":"machines","Action":"update","Key":"m","Principal":"","Object":${'['.repeat(100_000)}${leaf}${']'.repeat(100_000)}}`;
    ingest(deep(1), deep(2));
    expect(events.diff(2, 'previous')).toEqual({ status: 'unavailable', reason: 'too-deep' });
    expect(events.changeSummary(2)).toEqual({ kind: 'unavailable', reason: 'too-deep' });
  });
});
