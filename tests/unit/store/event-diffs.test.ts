import { describe, expect, it } from 'vitest';
import type { ChangeValues } from '../../../src/store/event-diffs';
import { eventFrame as frame, seedWalkthrough } from '../support/frames';
import { createTestStore } from '../support/test-store';

const setup = (capacity = 100) => createTestStore({ capacity });

/** A single change keeps its values (short previews) for the row: `CurrentTask 2 → 3`. */
const oneChange = (path: string, values: ChangeValues) => ({ kind: 'compared', changes: 1, paths: [path], values });

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

  it('prefers Original over the previous buffered event', () => {
    const { events, ingest } = setup();
    ingest(
      frame('machines', 'update', 'a', { Stage: 's1', CurrentTask: 1 }),
      frame('machines', 'update', 'a', { Stage: 's2', CurrentTask: 3 }, { Stage: 's2', CurrentTask: 2 }),
    );
    expect(events.changeSummary(2)).toEqual(oneChange('CurrentTask', { change: 'changed', before: '2', after: '3' }));
  });

  it('says when the previous version was evicted', () => {
    const { events, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('jobs', 'create', 'j', {}), frame('machines', 'update', 'a', { v: 2 }));
    expect(events.changeSummary(3)).toEqual({ kind: 'evicted' });
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

  it('is cached by seq and peekable without computing', () => {
    const { events, ingest } = setup();
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    expect(events.peekChangeSummary(2)).toBeUndefined();
    const summary = events.changeSummary(2);
    expect(summary).toEqual(oneChange('v', { change: 'changed', before: '1', after: '2' }));
    expect(events.peekChangeSummary(2)).toBe(summary);
  });
});

describe('row highlights and display names, learned with the summary', () => {
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
    // Deletes are known from the header; the others once the row's summary has parsed the event.
    expect(events.highlight(5)).toBe('deleted');
    expect(events.highlight(3)).toBeUndefined();
    for (let seq = 1; seq <= 6; seq += 1) events.changeSummary(seq);
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
    expect(names.keyLabel('machines', 'uuid-m1')).toBeUndefined();
    events.changeSummary(1);
    expect(names.keyLabel('jobs', 'j1')).toBe('uuid-m1 · gohai');
    events.changeSummary(2);
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
    expect(events.peekChangeSummary(2)).toEqual(large);
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
