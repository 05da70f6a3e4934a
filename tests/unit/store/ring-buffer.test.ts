import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../src/store/ring-buffer';

function filled(capacity: number, count: number): RingBuffer<string> {
  const ring = new RingBuffer<string>(capacity);
  for (let i = 1; i <= count; i += 1) ring.push(`item-${i}`);
  return ring;
}

describe('RingBuffer', () => {
  it('starts empty with seq 1 next', () => {
    const ring = new RingBuffer<string>(3);
    expect(ring.size).toBe(0);
    expect(ring.nextSeq).toBe(1);
    expect(ring.firstSeq).toBe(1);
    expect(ring.lastSeq).toBe(0);
    expect(ring.getBySeq(1)).toBeUndefined();
  });

  it('evicts the oldest item once full and returns it', () => {
    const ring = filled(3, 3);
    expect(ring.push('item-4')).toBe('item-1');
    expect(ring.push('item-5')).toBe('item-2');
    expect(ring.size).toBe(3);
    expect(ring.firstSeq).toBe(3);
    expect(ring.lastSeq).toBe(5);
  });

  it('keeps each item under the seq it was pushed with, across wrap-around', () => {
    const ring = filled(4, 11);
    for (let seq = 8; seq <= 11; seq += 1) expect(ring.getBySeq(seq)).toBe(`item-${seq}`);
    expect(ring.getBySeq(7)).toBeUndefined();
    expect(ring.getBySeq(12)).toBeUndefined();
    expect(ring.getBySeq(0)).toBeUndefined();
    expect(ring.getBySeq(9.5)).toBeUndefined();
  });

  it('visits a range oldest first, clipped to what is buffered', () => {
    const ring = filled(4, 10);
    const seen: [number, string][] = [];
    ring.forEachInRange(5, 9, (item, seq) => seen.push([seq, item]));
    expect(seen).toEqual([
      [7, 'item-7'],
      [8, 'item-8'],
      [9, 'item-9'],
    ]);
  });

  it('never reuses a seq after clear', () => {
    const ring = filled(4, 6);
    ring.clear();
    expect(ring.size).toBe(0);
    expect(ring.getBySeq(6)).toBeUndefined();
    ring.push('after');
    expect(ring.lastSeq).toBe(7);
    expect(ring.getBySeq(7)).toBe('after');
  });

  it('shrinks keeping the newest items and reports the dropped ones', () => {
    const ring = filled(5, 7);
    expect(ring.setCapacity(2)).toEqual(['item-3', 'item-4', 'item-5']);
    expect(ring.capacity).toBe(2);
    expect(ring.firstSeq).toBe(6);
    expect(ring.getBySeq(6)).toBe('item-6');
    expect(ring.getBySeq(7)).toBe('item-7');
    expect(ring.push('item-8')).toBe('item-6');
  });

  it('grows without losing items or seqs', () => {
    const ring = filled(3, 5);
    expect(ring.setCapacity(6)).toEqual([]);
    ring.push('item-6');
    ring.push('item-7');
    expect(ring.size).toBe(5);
    for (let seq = 3; seq <= 7; seq += 1) expect(ring.getBySeq(seq)).toBe(`item-${seq}`);
  });

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => filled(2, 1).setCapacity(1.5)).toThrow(RangeError);
  });
});
