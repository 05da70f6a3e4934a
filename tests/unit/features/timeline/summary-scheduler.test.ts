import { describe, expect, it, vi } from 'vitest';
import { SLICE_BUDGET_MS, SummaryScheduler } from '../../../../src/features/timeline/summary-scheduler';
import type { IdleScheduler } from '../../../../src/features/timeline/summary-scheduler';

/** An idle queue the test runs by hand, and a clock each computed summary advances by `costMs`. */
function harness(costMs: number) {
  const slices: ((timeRemaining: () => number) => void)[] = [];
  const idle: IdleScheduler = (task) => {
    slices.push(task);
    return () => slices.splice(slices.indexOf(task), 1);
  };
  let clock = 0;
  const computed: number[] = [];
  const scheduler = new SummaryScheduler(
    (seq) => {
      computed.push(seq);
      clock += costMs;
    },
    idle,
    () => clock,
  );
  const runSlice = (remaining = 50): void => slices.shift()?.(() => remaining);
  return { scheduler, computed, runSlice, slices };
}

describe('SummaryScheduler', () => {
  it('computes requested rows in the next idle slice, newest first, with no wait on screen', () => {
    const { scheduler, computed, runSlice } = harness(0.1);
    const done = vi.fn();
    for (const seq of [3, 1, 2]) scheduler.request(seq, done);
    runSlice();
    expect(computed).toEqual([3, 2, 1]);
    expect(done).toHaveBeenCalledTimes(3);
  });

  it('stops a slice at its budget and carries on in the next one', () => {
    const { scheduler, computed, runSlice, slices } = harness(2);
    for (let seq = 1; seq <= 10; seq += 1) scheduler.request(seq, () => {});
    runSlice();
    expect(computed).toHaveLength(SLICE_BUDGET_MS / 2);
    expect(slices).toHaveLength(1);
    runSlice();
    runSlice();
    expect(computed).toHaveLength(10);
    expect(scheduler.pending).toBe(0);
  });

  it('never computes a row that withdrew (unmounted before its slice)', () => {
    const { scheduler, computed, runSlice } = harness(0.1);
    const cancel = scheduler.request(1, () => {});
    scheduler.request(2, () => {});
    cancel();
    runSlice();
    expect(computed).toEqual([2]);
  });
});

describe('SummaryScheduler: failures', () => {
  it('a row whose summary throws does not stall the rows after it', () => {
    const slices: ((timeRemaining: () => number) => void)[] = [];
    const computed: number[] = [];
    const scheduler = new SummaryScheduler(
      (seq) => {
        if (seq === 2) throw new Error('broken row');
        computed.push(seq);
      },
      (task) => {
        slices.push(task);
        return () => {};
      },
      () => 0,
    );
    for (const seq of [1, 2]) scheduler.request(seq, () => {});
    expect(() => slices.shift()?.(() => 50)).toThrow('broken row');
    slices.shift()?.(() => 50);
    expect(computed).toEqual([1]);
    expect(scheduler.pending).toBe(0);
  });
});
