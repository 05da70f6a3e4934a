import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_ERROR_LIMIT } from '../../../src/store/inspector-state';
import { eventFrame } from '../support/frames';
import { createTestStore } from '../support/test-store';

const setup = (capacity = 100) => createTestStore({ capacity });

describe('batched ingest', () => {
  it('parses nothing and bumps nothing until the scheduler flushes', () => {
    const { store, scheduler } = setup();
    const { actions } = store.getState();
    actions.ingestFrame(eventFrame('machines', 'update', 'm1'));
    actions.ingestFrame(eventFrame('machines', 'update', 'm2'));
    expect(store.getState().revision).toBe(0);
    expect(store.getState().counters.received).toBe(0);
    expect(scheduler.queued).toBe(1);
  });

  it('publishes a whole batch with exactly one state update and one revision bump', () => {
    const { store, scheduler } = setup();
    let notifications = 0;
    store.subscribe(() => {
      notifications += 1;
    });
    for (let i = 0; i < 50; i += 1) store.getState().actions.ingestFrame(eventFrame('jobs', 'create', `j${i}`));
    scheduler.flushAll();
    expect(notifications).toBe(1);
    expect(store.getState().revision).toBe(1);
    expect(store.getState().counters.received).toBe(50);
    expect(store.getState().buffered).toBe(50);
  });

  it('schedules again for frames that arrive after a flush', () => {
    const { store, scheduler, ingest } = setup();
    ingest(eventFrame('jobs', 'create', 'a'));
    store.getState().actions.ingestFrame(eventFrame('jobs', 'create', 'b'));
    expect(scheduler.queued).toBe(1);
    scheduler.flushAll();
    expect(store.getState().revision).toBe(2);
    expect(store.getState().counters.received).toBe(2);
  });

  it('does not bump the revision for an empty flush', () => {
    const { store } = setup();
    store.getState().actions.flush();
    expect(store.getState().revision).toBe(0);
  });
});

describe('ring and records', () => {
  it('gives every event a monotonic seq and keeps header fields and raw text', () => {
    const { events, ingest } = setup();
    const frame = eventFrame('profiles', 'save', 'global');
    ingest(frame, eventFrame('profiles', 'save', 'other'));
    const record = events.record(1);
    expect(record).toMatchObject({ seq: 1, type: 'profiles', action: 'save', key: 'global', principal: 'user:rocketskates' });
    expect(record?.raw).toBe(frame);
    expect(record?.bytes).toBe(frame.length);
    expect(record?.timeText).toBe('2021-08-30T14:01:59.100000001Z');
    expect(record?.time?.subMsNanos).toBe(1);
    expect(events.record(2)?.key).toBe('other');
  });

  it('evicts the oldest events past capacity, counts them, and keeps seq identity', () => {
    const { events, store, ingest } = setup(3);
    ingest(...['a', 'b', 'c', 'd', 'e'].map((key) => eventFrame('machines', 'update', key)));
    expect(store.getState().counters.evicted).toBe(2);
    expect(store.getState().buffered).toBe(3);
    expect(events.record(1)).toBeUndefined();
    expect(events.record(2)).toBeUndefined();
    expect(events.record(3)?.key).toBe('c');
    expect(events.record(5)?.key).toBe('e');
    expect(events.seqRange()).toEqual({ first: 3, last: 5 });
  });

  it('parses Object and Original lazily from the raw text', () => {
    const { events, ingest } = setup();
    ingest(eventFrame('machines', 'update', 'm1', { Name: 'after', Params: { a: 1 } }, { Name: 'before' }));
    expect(events.record(1)?.hasOriginal).toBe(true);
    expect(events.object(1)).toEqual({ Name: 'after', Params: { a: 1 } });
    expect(events.original(1)).toEqual({ Name: 'before' });
    expect(events.object(99)).toBeUndefined();
  });
});

describe('per-key index', () => {
  it('links each event to the previous one of the same Type+Key', () => {
    const { events, ingest } = setup();
    ingest(
      eventFrame('machines', 'update', 'm1'),
      eventFrame('machines', 'update', 'm2'),
      eventFrame('jobs', 'update', 'm1'),
      eventFrame('machines', 'save', 'm1'),
    );
    expect(events.record(1)?.prevSeq).toBe(0);
    expect(events.record(3)?.prevSeq).toBe(0); // same Key, other Type
    expect(events.record(4)?.prevSeq).toBe(1);
    expect(events.previousVersion(1)).toEqual({ status: 'first' });
    const previous = events.previousVersion(4);
    expect(previous?.status).toBe('found');
    expect(previous?.status === 'found' && previous.record.seq).toBe(1);
  });

  it('does not confuse keys whose Type+Key concatenations collide', () => {
    const { events, ingest } = setup();
    ingest(eventFrame('ab', 'update', 'c'), eventFrame('a', 'update', 'bc'));
    expect(events.record(2)?.prevSeq).toBe(0);
  });

  it('reports a previous version that the ring has evicted', () => {
    const { events, ingest } = setup(2);
    ingest(eventFrame('machines', 'update', 'm1'), eventFrame('jobs', 'create', 'j1'), eventFrame('jobs', 'create', 'j2'));
    ingest(eventFrame('machines', 'update', 'm1'));
    expect(events.record(4)?.prevSeq).toBe(1);
    expect(events.previousVersion(4)).toEqual({ status: 'evicted', seq: 1 });
    expect(events.previousVersion(1)).toBeUndefined();
  });

  it('keeps the chain when the newest event of a key survives eviction of older ones', () => {
    const { events, ingest } = setup(3);
    ingest(
      eventFrame('machines', 'update', 'm1'),
      eventFrame('machines', 'update', 'm1'),
      eventFrame('machines', 'update', 'm1'),
      eventFrame('machines', 'update', 'm1'),
    );
    expect(events.record(4)?.prevSeq).toBe(3);
    expect(events.previousVersion(2)).toEqual({ status: 'evicted', seq: 1 });
  });

  it('still knows an evicted predecessor when every earlier event of the key is gone', () => {
    const { events, ingest } = setup(2);
    ingest(eventFrame('machines', 'update', 'm1'), eventFrame('jobs', 'create', 'a'), eventFrame('jobs', 'create', 'b'));
    ingest(eventFrame('jobs', 'create', 'c'), eventFrame('machines', 'update', 'm1'));
    expect(events.record(5)?.prevSeq).toBe(1);
    expect(events.previousVersion(5)).toEqual({ status: 'evicted', seq: 1 });
  });
});

describe('malformed frames', () => {
  it('counts parse errors and binary frames without buffering them', () => {
    const { store, scheduler } = setup();
    const { actions } = store.getState();
    actions.ingestFrame('not json at all');
    actions.ingestFrame('[1,2]');
    actions.ingestFrame(JSON.stringify({ Type: 'machines', Action: 'update', Key: 'x' }));
    actions.ingestBinaryFrame(16);
    actions.ingestFrame(eventFrame('machines', 'update', 'ok'));
    scheduler.flushAll();
    const state = store.getState();
    expect(state.counters.malformed).toBe(4);
    expect(state.counters.received).toBe(1);
    expect(state.buffered).toBe(1);
    expect(state.frameErrors.map((error) => error.reason)).toEqual([
      expect.stringContaining('not JSON'),
      expect.stringContaining('not a JSON object'),
      expect.stringContaining('missing Time'),
      'binary frame',
    ]);
    expect(state.frameErrors[3]?.bytes).toBe(16);
    expect(state.frameErrors[0]?.preview).toBe('not json at all');
  });

  it('keeps only the newest frame errors', () => {
    const { store, scheduler } = setup();
    for (let i = 0; i < FRAME_ERROR_LIMIT + 25; i += 1) store.getState().actions.ingestFrame(`bad ${i}`);
    scheduler.flushAll();
    const { frameErrors, counters } = store.getState();
    expect(counters.malformed).toBe(FRAME_ERROR_LIMIT + 25);
    expect(frameErrors).toHaveLength(FRAME_ERROR_LIMIT);
    expect(frameErrors[frameErrors.length - 1]?.preview).toBe(`bad ${FRAME_ERROR_LIMIT + 24}`);
    expect(frameErrors[0]?.preview).toBe('bad 25');
  });
});

describe('pause, resume, clear', () => {
  it('keeps buffering while paused, counts new events and hides them from the range', () => {
    const { events, store, ingest, actions } = setup();
    ingest(eventFrame('jobs', 'create', 'a'), eventFrame('jobs', 'create', 'b'));
    actions.pause();
    expect(store.getState().pausedAtSeq).toBe(2);
    ingest(eventFrame('jobs', 'create', 'c'), eventFrame('jobs', 'create', 'd'), eventFrame('jobs', 'create', 'e'));
    expect(store.getState().counters.pendingWhilePaused).toBe(3);
    expect(store.getState().buffered).toBe(5);
    expect(events.seqRange()).toEqual({ first: 1, last: 2 });
    actions.resume();
    expect(store.getState().paused).toBe(false);
    expect(store.getState().counters.pendingWhilePaused).toBe(0);
    expect(events.seqRange()).toEqual({ first: 1, last: 5 });
  });

  it('empties the buffer on clear but keeps counting and numbering', () => {
    const { events, store, ingest, actions } = setup();
    ingest(eventFrame('jobs', 'create', 'a'), eventFrame('jobs', 'create', 'b'));
    actions.select(2);
    const revision = store.getState().revision;
    actions.clear();
    expect(store.getState().revision).toBe(revision + 1);
    expect(store.getState().buffered).toBe(0);
    expect(store.getState().selectedSeq).toBe(0);
    expect(events.record(1)).toBeUndefined();
    const range = events.seqRange();
    expect(range.last - range.first + 1).toBe(0);
    ingest(eventFrame('jobs', 'create', 'a'));
    expect(events.record(3)?.key).toBe('a');
    expect(events.record(3)?.prevSeq).toBe(0);
    expect(store.getState().counters.received).toBe(3);
  });

  it('shows nothing old after a clear while paused', () => {
    const { events, ingest, actions } = setup();
    ingest(eventFrame('jobs', 'create', 'a'));
    actions.pause();
    actions.clear();
    ingest(eventFrame('jobs', 'create', 'b'));
    const range = events.seqRange();
    expect(range.last - range.first + 1).toBe(0);
    actions.resume();
    expect(events.seqRange()).toEqual({ first: 2, last: 2 });
  });
});

describe('capacity', () => {
  it('drops the oldest events when shrinking and counts them as evicted', () => {
    const { events, store, ingest, actions } = setup(10);
    ingest(...Array.from({ length: 8 }, (_, i) => eventFrame('jobs', 'create', `j${i}`)));
    actions.setCapacity(3);
    const state = store.getState();
    expect(state.capacity).toBe(3);
    expect(state.buffered).toBe(3);
    expect(state.counters.evicted).toBe(5);
    expect(events.seqRange()).toEqual({ first: 6, last: 8 });
    expect(events.record(6)?.key).toBe('j5');
  });

  it('grows without dropping and ignores invalid sizes', () => {
    const { store, ingest, actions } = setup(3);
    ingest(...Array.from({ length: 3 }, (_, i) => eventFrame('jobs', 'create', `j${i}`)));
    actions.setCapacity(5);
    ingest(eventFrame('jobs', 'create', 'j3'), eventFrame('jobs', 'create', 'j4'));
    expect(store.getState().counters.evicted).toBe(0);
    expect(store.getState().buffered).toBe(5);
    actions.setCapacity(0);
    actions.setCapacity(2.5);
    actions.setCapacity(Number.NaN);
    expect(store.getState().capacity).toBe(5);
  });
});

describe('rate', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports events per second between ticks', () => {
    const { store, ingest, actions } = setup();
    ingest(...Array.from({ length: 30 }, (_, i) => eventFrame('leases', 'save', `k${i}`)));
    vi.advanceTimersByTime(2000);
    actions.tickRate(Date.now());
    expect(store.getState().ratePerSecond).toBe(15);
    vi.advanceTimersByTime(1000);
    actions.tickRate(Date.now());
    expect(store.getState().ratePerSecond).toBe(0);
  });
});
