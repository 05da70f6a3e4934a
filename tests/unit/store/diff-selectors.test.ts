import { createTestStore } from '../support/test-store';
import { readSeedFrames } from '../../fixtures/seed-events';
import { describe, expect, it } from 'vitest';
import { changeSummaryOf, peekChangeSummary, selectEventDiff } from '../../../src/store/diff-selectors';

const setup = (capacity = 100) => createTestStore(capacity);

function frame(type: string, action: string, key: string, object: unknown, original: unknown = null): string {
  return JSON.stringify({
    Time: '2021-08-30T14:02:11.5Z',
    Type: type,
    Action: action,
    Key: key,
    Principal: 'user:rocketskates',
    Object: object,
    Original: original,
  });
}

/** The docs walkthrough (two real frames, no Principal/Original) after a save of the profile without `bar`. */
function seedWalkthrough(): string[] {
  const [withBar, withoutBar] = readSeedFrames();
  const initial = JSON.parse(withoutBar) as { Object: unknown };
  return [frame('profiles', 'save', 'global', initial.Object), withBar, withoutBar];
}

describe('selectEventDiff vs the previous version', () => {
  it('shows the seed walkthrough as Params.bar "blatz" added, then removed', () => {
    const { store, ingest } = setup();
    ingest(...seedWalkthrough());
    expect(selectEventDiff(store, 1, 'previous')).toEqual({ status: 'first' });
    expect(selectEventDiff(store, 2, 'previous')).toEqual({
      status: 'compared',
      base: 'previous',
      baseSeq: 1,
      entries: [{ path: 'Params.bar', segments: ['Params', 'bar'], kind: 'added', after: 'blatz' }],
    });
    expect(selectEventDiff(store, 3, 'previous')).toEqual({
      status: 'compared',
      base: 'previous',
      baseSeq: 2,
      entries: [{ path: 'Params.bar', segments: ['Params', 'bar'], kind: 'removed', before: 'blatz' }],
    });
  });

  it('compares only events of the same Type and Key', () => {
    const { store, ingest } = setup();
    ingest(
      frame('machines', 'update', 'a', { Stage: 'x' }),
      frame('machines', 'update', 'b', { Stage: 'y' }),
      frame('jobs', 'update', 'a', { Stage: 'z' }),
      frame('machines', 'update', 'a', { Stage: 'x' }),
    );
    expect(selectEventDiff(store, 2, 'previous').status).toBe('first');
    expect(selectEventDiff(store, 3, 'previous').status).toBe('first');
    expect(selectEventDiff(store, 4, 'previous')).toEqual({ status: 'compared', base: 'previous', baseSeq: 1, entries: [] });
  });

  it('says the previous version was evicted when the ring dropped it', () => {
    const { store, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('jobs', 'create', 'j', {}), frame('machines', 'update', 'a', { v: 2 }));
    expect(selectEventDiff(store, 3, 'previous')).toEqual({ status: 'evicted', baseSeq: 1 });
  });

  it('says missing for an event no longer buffered, even if it was diffed before', () => {
    const { store, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    expect(selectEventDiff(store, 2, 'previous').status).toBe('compared');
    ingest(frame('jobs', 'create', 'j1', {}), frame('jobs', 'create', 'j2', {}));
    expect(selectEventDiff(store, 2, 'previous')).toEqual({ status: 'missing' });
  });

  it('computes each diff once and returns the same result object', () => {
    const { store, ingest } = setup();
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    const first = selectEventDiff(store, 2, 'previous');
    expect(selectEventDiff(store, 2, 'previous')).toBe(first);
  });
});

describe('selectEventDiff vs Original', () => {
  it('diffs Original against Object', () => {
    const { store, ingest } = setup();
    ingest(frame('jobs', 'update', 'j', { State: 'finished', ExitState: 'complete' }, { State: 'running', ExitState: '' }));
    const diff = selectEventDiff(store, 1, 'original');
    expect(diff.status === 'compared' && diff.entries.map((e) => `${e.kind} ${e.path}`)).toEqual(['changed State', 'changed ExitState']);
  });

  it('says there is no Original for create events and old servers', () => {
    const { store, ingest } = setup();
    ingest(frame('jobs', 'create', 'j', { State: 'created' }));
    expect(selectEventDiff(store, 1, 'original')).toEqual({ status: 'no-original' });
  });
});

describe('changeSummaryOf', () => {
  it('summarises the seed walkthrough rows', () => {
    const { store, ingest } = setup();
    ingest(...seedWalkthrough());
    expect(changeSummaryOf(store, 1)).toBe('first version seen');
    expect(changeSummaryOf(store, 2)).toBe('1 change: Params.bar');
    expect(changeSummaryOf(store, 3)).toBe('1 change: Params.bar');
  });

  it('prefers Original over the previous buffered event', () => {
    const { store, ingest } = setup();
    ingest(
      frame('machines', 'update', 'a', { Stage: 's1', CurrentTask: 1 }),
      frame('machines', 'update', 'a', { Stage: 's2', CurrentTask: 3 }, { Stage: 's2', CurrentTask: 2 }),
    );
    expect(changeSummaryOf(store, 2)).toBe('1 change: CurrentTask');
  });

  it('says when the previous version was evicted', () => {
    const { store, ingest } = setup(2);
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('jobs', 'create', 'j', {}), frame('machines', 'update', 'a', { v: 2 }));
    expect(changeSummaryOf(store, 3)).toBe('previous version evicted');
  });

  it('shows the message of log events instead of a diff', () => {
    const { store, ingest } = setup();
    ingest(
      frame('log', 'info', 'frontend', { Message: 'first line', Seq: 1 }),
      frame('log', 'info', 'frontend', { Message: 'Created job for task gohai', Seq: 2 }),
    );
    expect(changeSummaryOf(store, 2)).toBe('Created job for task gohai');
  });

  it('is cached by seq and peekable without computing', () => {
    const { store, ingest } = setup();
    ingest(frame('machines', 'update', 'a', { v: 1 }), frame('machines', 'update', 'a', { v: 2 }));
    expect(peekChangeSummary(store, 2)).toBeUndefined();
    expect(changeSummaryOf(store, 2)).toBe('1 change: v');
    expect(peekChangeSummary(store, 2)).toBe('1 change: v');
  });
});

describe('hostile and giant events', () => {
  it('does not summarise a giant event in the timeline', () => {
    const { store, ingest } = setup();
    const big = 'x'.repeat(4_100_000);
    ingest(frame('machines', 'update', 'm', { Name: 'm', Blob: big }), frame('machines', 'update', 'm', { Name: 'm', Blob: `${big}y` }));
    expect(changeSummaryOf(store, 2)).toBe('large event (4.1 MB): see the Diff tab');
    expect(peekChangeSummary(store, 2)).toBe('large event (4.1 MB): see the Diff tab');
  });

  it('answers "unavailable" instead of throwing for objects nested too deeply to diff', () => {
    const { store, ingest } = setup();
    // Built as text: JSON.stringify itself overflows the stack on such a value.
    const deep = (leaf: number) =>
      `{"Time":"2021-08-30T14:02:11.5Z","Type":"machines","Action":"update","Key":"m","Principal":"","Object":${'['.repeat(100_000)}${leaf}${']'.repeat(100_000)}}`;
    ingest(deep(1), deep(2));
    expect(selectEventDiff(store, 2, 'previous')).toEqual({ status: 'unavailable', reason: 'nested too deeply to compare' });
    expect(changeSummaryOf(store, 2)).toBe('nested too deeply to compare');
  });
});
