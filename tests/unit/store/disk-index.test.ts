import { describe, expect, it } from 'vitest';
import { CaptureTables } from '../../../src/lib/capture-storage/chunk-index';
import { DiskIndex } from '../../../src/store/disk-index';
import type { DiskChunkEntry } from '../../../src/store/disk-index';

/** A chunk of `keys` (one event each, all `update` by `user:a`), in `tables`. */
function chunk(tables: CaptureTables, rowId: number, firstSeq: number, keys: string[]): DiskChunkEntry {
  return {
    ...tables,
    rowId,
    firstSeq,
    count: keys.length,
    objectRefs: keys.map((key) => tables.ref('objects', `machines\u0000${key}`)),
    actionRefs: keys.map(() => tables.ref('actions', 'update')),
    principalRefs: keys.map(() => tables.ref('principals', 'user:a')),
  };
}

describe('DiskIndex: the deep window’s map of recorded events', () => {
  it('finds the chunk, object, action and previous version of any recorded seq', () => {
    const tables = new CaptureTables();
    const index = new DiskIndex();
    index.add(chunk(tables, 1, 10, ['a', 'b', 'a']));
    index.add(chunk(tables, 2, 13, ['c', 'a']));
    expect([index.firstSeq, index.lastSeq, index.size]).toEqual([10, 14, 5]);
    expect(index.chunkOf(12)?.rowId).toBe(1);
    expect(index.chunkOf(13)?.rowId).toBe(2);
    expect(index.chunkOf(9)).toBeUndefined();
    expect(index.objectAt(14)).toMatchObject({ type: 'machines', key: 'a', seqs: [10, 12, 14] });
    expect(index.actionAt(13)).toBe('update');
    expect(index.principalAt(13)).toBe('user:a');
    expect(index.previousSeq(14)).toBe(12);
    expect(index.previousSeq(10)).toBe(0);
    expect(index.count(11, 13)).toBe(3);
    const visited: string[] = [];
    index.forEach(11, 13, (seq, object) => visited.push(`${seq}:${object.key}`));
    expect(visited).toEqual(['11:b', '12:a', '13:c']);
  });

  it('forgets deleted chunks (their seqs leave every object); only a hole, not the oldest going, moves its epoch', () => {
    const tables = new CaptureTables();
    const index = new DiskIndex();
    index.add(chunk(tables, 1, 1, ['a', 'b']));
    index.add(chunk(tables, 2, 3, ['a']));
    index.add(chunk(tables, 3, 4, ['c']));
    const epoch = index.epoch;
    index.drop([1]);
    expect(index.epoch).toBe(epoch);
    index.drop([99]);
    expect(index.epoch).toBe(epoch);
    index.add(chunk(tables, 4, 5, ['c']));
    index.drop([3]);
    expect(index.epoch).toBe(epoch + 1);
    expect(index.firstSeq).toBe(3);
    expect(index.object('machines\u0000a')?.seqs).toEqual([3]);
    const listed: string[] = [];
    index.forEachObject((object) => listed.push(object.key));
    expect(listed).toEqual(['a', 'c']);
  });

  it('after a Clear, chunks that keep using the same tables map their values again', () => {
    const tables = new CaptureTables();
    const index = new DiskIndex();
    index.add(chunk(tables, 1, 1, ['a', 'b']));
    index.clear();
    index.add(chunk(tables, 2, 10, ['b', 'a']));
    expect(index.objectAt(10)?.key).toBe('b');
    expect(index.objectAt(11)?.key).toBe('a');
    expect(index.actionAt(11)).toBe('update');
  });

  it('ignores a chunk older than its newest; keeps an event with a damaged ref under an object of its own', () => {
    const tables = new CaptureTables();
    const index = new DiskIndex();
    index.add(chunk(tables, 1, 5, ['a']));
    index.add(chunk(tables, 2, 3, ['b']));
    expect(index.size).toBe(1);
    index.add({ ...chunk(tables, 3, 6, ['a']), objectRefs: [99] });
    expect(index.objectAt(6)?.key).toBe('6');
  });

  it('maps a shared table once as it grows (the chunks of one capture)', () => {
    const tables = new CaptureTables();
    const index = new DiskIndex();
    index.add(chunk(tables, 1, 1, ['a']));
    index.add(chunk(tables, 2, 2, ['b', 'a']));
    expect(index.objectAt(3)?.key).toBe('a');
    expect(index.objectAt(2)?.key).toBe('b');
    // A table restored from its stored rows gives the same refs back.
    const restored = new CaptureTables();
    for (const row of tables.takeNew(7)) restored.restore(row);
    expect(restored.objects).toEqual(tables.objects);
    expect(tables.takeNew(7)).toEqual([]);
  });
});
