import { describe, expect, it } from 'vitest';
import { eventFrame as frame } from '../support/frames';
import { createTestStore } from '../support/test-store';

const profile = (params: Record<string, unknown>, key = 'global') => frame('profiles', 'save', key, { Name: key, Params: params });

describe('object history', () => {
  it('lists every buffered version of the object, newest first, and counts the evicted', () => {
    const { events, ingest } = createTestStore({ capacity: 4 });
    ingest(profile({ v: 1 }), profile({ v: 2 }), profile({ v: 1 }, 'other'), profile({ v: 3 }), profile({ v: 4 }), profile({ v: 5 }));
    // Ring holds seqs 3..6: global's 4, 5, 6 buffered; 1 and 2 evicted.
    expect(events.versions(5)).toMatchObject({ seqs: [6, 5, 4], evicted: 2 });
    expect(events.versions(3)).toMatchObject({ seqs: [3], evicted: 0 });
    expect(events.versions(1)).toBeUndefined();
    expect(events.objectOf(6)).toMatchObject({ type: 'profiles', key: 'global', seen: 5, buffered: 3 });
  });

  it('steps to the older and newer version of the same object', () => {
    const { events, ingest } = createTestStore({ capacity: 100 });
    ingest(profile({ v: 1 }), profile({ v: 1 }, 'other'), profile({ v: 2 }), profile({ v: 3 }));
    expect(events.adjacentVersion(3, 'older')).toBe(1);
    expect(events.adjacentVersion(3, 'newer')).toBe(4);
    expect(events.adjacentVersion(1, 'older')).toBeUndefined();
    expect(events.adjacentVersion(4, 'newer')).toBeUndefined();
  });

  it('diffs any two versions, in either direction', () => {
    const { events, ingest } = createTestStore({ capacity: 100 });
    ingest(profile({ a: 1 }), profile({ a: 1, b: 2 }), profile({ a: 3, b: 2 }));
    expect(events.diffBetween(1, 3)).toMatchObject({
      status: 'compared',
      base: 'version',
      baseSeq: 1,
      entries: [
        { path: 'Params.a', kind: 'changed', before: 1, after: 3 },
        { path: 'Params.b', kind: 'added', after: 2 },
      ],
    });
    expect(events.diffBetween(3, 1)).toMatchObject({
      entries: [
        { path: 'Params.a', before: 3, after: 1 },
        { path: 'Params.b', kind: 'removed' },
      ],
    });
  });

  it('blames each leaf on the buffered version that last changed it', () => {
    const { events, ingest } = createTestStore({ capacity: 100 });
    ingest(
      profile({ a: 1, keep: 'x' }),
      profile({ a: 2, keep: 'x' }),
      profile({ a: 2, keep: 'x', b: { c: 1 } }),
      profile({ a: 2, keep: 'x', b: { c: 5 } }),
    );
    const blame = events.blame(4);
    const by = Object.fromEntries((blame?.leaves ?? []).map((leaf) => [leaf.path, leaf.changedSeq]));
    expect(by).toEqual({ Name: 0, 'Params.a': 2, 'Params.keep': 0, 'Params.b.c': 4 });
    // Blame of an older version looks only at versions up to it.
    expect(events.blame(3)?.leaves.find((leaf) => leaf.path === 'Params.b.c')?.changedSeq).toBe(3);
  });

  it('drops a Compare base when the selection moves to another object', () => {
    const { store, ingest } = createTestStore({ capacity: 100 });
    ingest(profile({ a: 1 }), profile({ a: 2 }), profile({ a: 1 }, 'other'));
    const { actions } = store.getState();
    actions.setView({ compareBaseSeq: 1 });
    actions.select(2);
    expect(store.getState().view.compareBaseSeq).toBe(1);
    actions.select(3);
    expect(store.getState().view.compareBaseSeq).toBe(0);
  });
});
