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

  it('never blames a re-created object on the versions before its delete', () => {
    const { events, ingest } = createTestStore({ capacity: 100 });
    ingest(
      profile({ a: 1, b: 1 }),
      profile({ a: 2, b: 1 }),
      frame('profiles', 'delete', 'global', { Name: 'global', Params: { a: 2, b: 1 } }),
      frame('profiles', 'create', 'global', { Name: 'global', Params: { a: 2, b: 1 } }),
      profile({ a: 2, b: 5 }),
    );
    const by = Object.fromEntries((events.blame(5)?.leaves ?? []).map((leaf) => [leaf.path, leaf.changedSeq]));
    expect(by).toEqual({ Name: 4, 'Params.a': 4, 'Params.b': 5 });
  });

  it('blames what a version with unknown changes holds on that version, not on older ones', () => {
    const { events, ingest } = createTestStore({ capacity: 100 });
    const big = 'x'.repeat(4_100_000);
    ingest(profile({ a: 1, blob: 'y' }), profile({ a: 2, blob: big }), profile({ a: 2, blob: big, c: 1 }));
    // Version 2 was too large to diff or keep, so version 3's changes are unknown too: everything it
    // holds dates from version 3 as far as anyone can tell, never from version 1.
    expect(events.record(3)?.changes).toMatchObject({ base: 'none' });
    const by = Object.fromEntries((events.blame(3)?.leaves ?? []).map((leaf) => [leaf.path, leaf.changedSeq]));
    expect(by).toEqual({ Name: 3, 'Params.a': 3, 'Params.blob': 3, 'Params.c': 3 });
    expect(events.blame(2)?.leaves.every((leaf) => leaf.changedSeq === 2)).toBe(true);
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

describe('a frame whose Original alone is broken', () => {
  it('is an event whose Object reads and whose Original is null, and no view throws', () => {
    const { events, ingest, store } = createTestStore({ capacity: 100 });
    const broken =
      '{"Time":"2021-08-30T14:01:59Z","Type":"profiles","Action":"update","Key":"global","Principal":"u","Object":{"Name":"global","Params":{"a":1}},"Original":{oops}';
    ingest(profile({ a: 0 }), `${broken}}`, profile({ a: 2 }));
    expect(store.getState().counters.malformed).toBe(0);
    expect(events.object(2)).toEqual({ Name: 'global', Params: { a: 1 } });
    expect(events.original(2)).toBeNull();
    expect(events.diff(3, 'previous')).toMatchObject({ status: 'compared', entries: [{ path: 'Params.a', before: 1, after: 2 }] });
  });
});
