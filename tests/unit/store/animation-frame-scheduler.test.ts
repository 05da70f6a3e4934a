import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnimationFrameScheduler } from '../../../src/store/ingest-batcher';

/** Display frames every 16.7 ms, run by hand; the clock is the test's. */
function fakeFrames() {
  let now = 0;
  let callbacks = new Map<number, () => void>();
  let next = 1;
  return {
    now: () => now,
    requestFrame: (cb: () => void) => {
      callbacks.set(next, cb);
      return next++;
    },
    cancelFrame: (handle: number) => {
      callbacks.delete(handle);
    },
    frame() {
      now += 1000 / 60;
      const run = [...callbacks.values()];
      callbacks = new Map();
      for (const cb of run) cb();
    },
  };
}

describe('createAnimationFrameScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('flushes on the next frame after a quiet spell, then at most once per interval', () => {
    const frames = fakeFrames();
    const scheduler = createAnimationFrameScheduler({ minIntervalMs: 100, fallbackMs: 250, ...frames });
    const flushedAt: number[] = [];
    // Like IngestBatcher: one flush requested at a time, requested again as soon as work arrives.
    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      scheduler.schedule(() => {
        pending = false;
        flushedAt.push(frames.now());
      });
    };
    schedule();
    frames.frame();
    expect(flushedAt).toHaveLength(1);
    // Work arrives every frame for a second: flushes stay ≥ ~100 ms apart, each in a frame.
    for (let i = 0; i < 60; i += 1) {
      schedule();
      frames.frame();
    }
    const gaps = flushedAt.slice(1).map((at, i) => at - flushedAt[i]);
    expect(flushedAt.length).toBeGreaterThanOrEqual(9);
    expect(flushedAt.length).toBeLessThanOrEqual(11);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(96);
  });

  it('flushes from the fallback timer when no frame comes (background tab)', () => {
    const frames = fakeFrames();
    const scheduler = createAnimationFrameScheduler({ minIntervalMs: 100, fallbackMs: 250, ...frames });
    let flushes = 0;
    scheduler.schedule(() => (flushes += 1));
    vi.advanceTimersByTime(249);
    expect(flushes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(flushes).toBe(1);
    // The frame that finally comes finds nothing to do.
    frames.frame();
    expect(flushes).toBe(1);
  });
});
