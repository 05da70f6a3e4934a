import { describe, expect, it } from 'vitest';
import { TimelineView, storeTimelineSource } from '../../../src/store/timeline-view';
import { EMPTY_TIMELINE_FILTER } from '../../../src/store/timeline-filter';
import { eventFrame as frame } from '../support/frames';
import { MemoryDisk } from '../support/memory-disk';
import { createTestStore } from '../support/test-store';

/** Version `n` of machine `key`: `Params.n` counts the saves. */
const machine = (key: string, n: number) => frame('machines', 'update', key, { Name: key, Params: { n }, Stage: n % 2 ? 'odd' : 'even' });

/** A store whose ring holds 10 events, with 30 recorded: seqs 1..20 are only on disk. */
function recordedStore() {
  const test = createTestStore({ capacity: 10 });
  const disk = new MemoryDisk(test.inspector);
  const frames: string[] = [];
  for (let n = 1; n <= 10; n += 1) for (const key of ['m0', 'm1', 'm2']) frames.push(machine(key, n));
  test.ingest(...frames);
  disk.writeIngested(5);
  return { ...test, disk };
}

/** Resolves once pending reads from the disk settled (they are promise chains, no timers). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the deep window', () => {
  it('reaches every recorded event: the timeline counts them, a record is read back on demand', async () => {
    const { events, disk } = recordedStore();
    expect(events.seqRange()).toEqual({ first: 1, last: 30 });
    expect(events.ringFirstSeq).toBe(21);
    const view = new TimelineView(storeTimelineSource(events));
    expect(view.count).toBe(30);
    expect(view.total).toBe(30);
    expect(view.onDisk).toBe(20);
    expect(view.seqAt(0)).toBe(1);

    expect(events.record(1)).toBeUndefined();
    expect(events.reading(1)).toBe(true);
    events.want(1);
    await settle();
    expect(disk.chunkReads).toBe(1);
    const record = events.record(1);
    expect(record).toMatchObject({ seq: 1, type: 'machines', action: 'update', key: 'm0', principal: 'user:rocketskates' });
    expect(JSON.parse(record!.raw)).toMatchObject({ Key: 'm0', Object: { Params: { n: 1 } } });
    // The header is the one computed at ingest: the second save of m0 changed Params.n and Stage.
    events.want(4);
    await settle();
    expect(events.record(4)?.changes).toMatchObject({ base: 'previous', paths: ['Params.n', 'Stage'] });
  });

  it('diffs a version on disk against its previous version on disk, after reading both', async () => {
    const { events } = recordedStore();
    events.want(7);
    await settle();
    // Seq 7 (m0, n=3) follows seq 4 (m0, n=2): same chunk as 4? chunks of 5: 1-5, 6-10, so 4 is read next.
    expect(events.diff(7, 'previous')).toMatchObject({ status: 'reading', baseSeq: 4 });
    await settle();
    expect(events.diff(7, 'previous')).toMatchObject({
      status: 'compared',
      baseSeq: 4,
      entries: [
        { path: 'Params.n', before: 2, after: 3 },
        { path: 'Stage', before: 'even', after: 'odd' },
      ],
    });
  });

  it("lists an object's History across disk and ring, reading only headers for the versions on disk", async () => {
    const { events, disk } = recordedStore();
    const versions = events.versions(28);
    expect(versions?.seqs).toEqual([28, 25, 22, 19, 16, 13, 10, 7, 4, 1]);
    expect(versions?.evicted).toBe(0);
    expect(events.objectOf(28)).toMatchObject({ key: 'm0', buffered: 10 });
    expect(events.header(19)).toBeUndefined();
    await events.readHeaders([19, 16, 13]);
    expect(events.header(16)).toMatchObject({ seq: 16, key: 'm0', timeText: '2021-08-30T14:01:59.100000001Z' });
    expect(events.changeSummary(16)).toMatchObject({ kind: 'compared', changes: 2 });
    expect(disk.chunkReads).toBe(0);
    // One read per chunk: 19 and 16 share the chunk of seqs 16..20.
    expect(disk.headerReads).toBe(2);
    expect(events.adjacentVersion(22, 'older')).toBe(19);
    expect(events.adjacentVersion(1, 'newer')).toBe(4);
  });

  it('blames leaves on versions on disk once they are read', async () => {
    const { events } = recordedStore();
    // m2's newest (seq 30) changed Params.n and Stage; Name was set before the capture.
    const first = events.blame(30);
    expect(first?.leaves.find((leaf) => leaf.path === 'Params.n')?.changedSeq).toBe(30);
    // Name never changed: the walk goes back through every version, into the disk.
    expect(first?.reading.length).toBeGreaterThan(0);
    await events.readBack(first!.reading);
    const known = new Map(first!.reading.map((seq) => [seq, events.record(seq)!]));
    const complete = events.blame(30, known);
    expect(complete?.reading).toEqual([]);
    expect(complete?.leaves.find((leaf) => leaf.path === 'Name')?.changedSeq).toBe(0);
  });

  it('filters events on disk by facets at once, and by free text with a search of the disk', async () => {
    const { events } = recordedStore();
    const byKey = new TimelineView(storeTimelineSource(events), { ...EMPTY_TIMELINE_FILTER, key: 'm1' });
    expect(byKey.count).toBe(10);
    expect(byKey.seqAt(0)).toBe(2);
    expect(byKey.diskSearch).toBeNull();

    const byText = new TimelineView(storeTimelineSource(events), { ...EMPTY_TIMELINE_FILTER, text: '"n":3}' });
    // In the ring (seqs 21..30) no save has n=3; on disk three do (seqs 7, 8, 9), found by the search.
    expect(byText.count).toBe(0);
    expect(byText.diskSearch).toEqual({ searched: 0, candidates: 20 });
    for (let round = 0; round < 10 && byText.diskSearch; round += 1) await settle();
    expect(byText.diskSearch).toBeNull();
    expect([0, 1, 2].map((index) => byText.seqAt(index))).toEqual([7, 8, 9]);
    expect(byText.count).toBe(3);

    const byPath = new TimelineView(storeTimelineSource(events), { ...EMPTY_TIMELINE_FILTER, changedPath: 'Stage', key: 'm2' });
    for (let round = 0; round < 10 && byPath.diskSearch; round += 1) await settle();
    expect(byPath.count).toBe(9);
  });

  it('lists objects only on disk in the Objects view source, with what the index knows', () => {
    const { events, actions, disk } = recordedStore();
    actions.setCapacity(1);
    let listed = 0;
    events.forEachObject((entry) => {
      listed += 1;
      expect(entry.buffered).toBe(10);
    });
    expect(listed).toBe(3);
    expect(events.indexedAction(1)).toBe('update');
    expect(disk.chunkReads).toBe(0);
  });

  it('forgets chunks the size cap deleted, and a cleared timeline stays clear', async () => {
    const { events, actions, disk } = recordedStore();
    const view = new TimelineView(storeTimelineSource(events));
    disk.deleteOldest(2);
    view.sync();
    expect(view.count).toBe(20);
    expect(view.seqAt(0)).toBe(11);
    expect(events.versions(28)?.seqs).toEqual([28, 25, 22, 19, 16, 13]);

    actions.clear();
    view.sync();
    expect(view.count).toBe(0);
    // A chunk of cleared events written late does not bring them back.
    disk.writeIngested();
    view.sync();
    expect(view.count).toBe(0);
    await settle();
  });

  it('keeps events the ring drops listed while they are on disk, and drops those never recorded', () => {
    const test = createTestStore({ capacity: 5 });
    const disk = new MemoryDisk(test.inspector);
    const view = new TimelineView(storeTimelineSource(test.events));
    test.ingest(...[1, 2, 3, 4, 5].map((n) => machine('a', n)));
    disk.writeIngested();
    view.sync();
    // Five more: the first five leave the ring but are on disk; not recorded, these five will not be.
    test.ingest(...[6, 7, 8, 9, 10].map((n) => machine('a', n)));
    view.sync();
    expect(view.count).toBe(10);
    test.ingest(...[11, 12].map((n) => machine('a', n)));
    view.sync();
    expect(view.count).toBe(10);
    expect(view.seqAt(4)).toBe(5);
    expect(view.seqAt(5)).toBe(8);
  });

  it('reopens a capture: its chunks become the timeline under fresh seqs, live events continue after them', async () => {
    const source = recordedStore();
    const target = createTestStore({ capacity: 10 });
    target.ingest(machine('before', 1));
    // The source's chunks as the database hands them back: their own string tables, no seqs yet.
    const index = source.events.disk.index;
    const entries = [0, 1, 2, 3, 4, 5].map((chunk) => {
      const stored = index.chunkOf(chunk * 5 + 1)!;
      const ids = Array.from({ length: stored.count }, (_, at) => index.objectAt(stored.firstSeq + at)!.id);
      const objects = [...new Set(ids)];
      return {
        rowId: stored.rowId,
        count: stored.count,
        objects,
        actions: ['update'],
        principals: ['user:rocketskates'],
        objectRefs: ids.map((id) => objects.indexOf(id)),
        actionRefs: new Uint8Array(stored.count),
        principalRefs: new Uint16Array(stored.count),
        facts: [],
      };
    });
    const first = target.actions.openRecorded(
      source.disk,
      (firstSeq) => entries.map((entry, chunk) => ({ ...entry, firstSeq: firstSeq + chunk * 5 })),
      30,
    );
    expect(first).toBe(2);
    expect(target.events.seqRange()).toEqual({ first: 2, last: 31 });
    target.ingest(machine('m0', 11));
    expect(target.events.record(32)?.prevSeq).toBe(29);
    expect(target.events.versions(32)?.seqs).toHaveLength(11);
    target.events.want(2);
    await settle();
    expect(JSON.parse(target.events.record(2)!.raw)).toMatchObject({ Key: 'm0', Object: { Params: { n: 1 } } });
  });
});
