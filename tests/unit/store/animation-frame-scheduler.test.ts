// @vitest-environment jsdom
// jsdom provides requestAnimationFrame, so Vitest's fake timers can drive display frames.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnimationFrameScheduler } from '../../../src/store/ingest-batcher';

describe('createAnimationFrameScheduler', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
  });
  afterEach(() => vi.useRealTimers());

  it('flushes on the next frame after a quiet spell, then at most once per interval', () => {
    const scheduler = createAnimationFrameScheduler({ minIntervalMs: 100, fallbackMs: 250 });
    const flushedAt: number[] = [];
    // Like IngestBatcher: one flush requested at a time, requested again as soon as work arrives.
    let pending = false;
    const schedule = () => {
      if (pending) return;
      pending = true;
      scheduler.schedule(() => {
        pending = false;
        flushedAt.push(performance.now());
      });
    };
    schedule();
    vi.advanceTimersToNextFrame();
    expect(flushedAt).toHaveLength(1);
    // Work arrives every frame for a second: flushes stay ≥ ~100 ms apart, each in a frame.
    for (let i = 0; i < 60; i += 1) {
      schedule();
      vi.advanceTimersToNextFrame();
    }
    const gaps = flushedAt.slice(1).map((at, i) => at - flushedAt[i]);
    expect(flushedAt.length).toBeGreaterThanOrEqual(9);
    expect(flushedAt.length).toBeLessThanOrEqual(11);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(96);
  });

  it('flushes from the fallback timer when no frame comes (background tab)', () => {
    // A background tab: the frame is held back (kept here), only timers run.
    let heldFrame: FrameRequestCallback | undefined;
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((callback) => {
      heldFrame = callback;
      return 1;
    });
    const scheduler = createAnimationFrameScheduler({ minIntervalMs: 100, fallbackMs: 250 });
    let flushes = 0;
    scheduler.schedule(() => (flushes += 1));
    expect(frames).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(249);
    expect(flushes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(flushes).toBe(1);
    // The frame that finally comes finds nothing to do.
    heldFrame?.(performance.now());
    expect(flushes).toBe(1);
    frames.mockRestore();
  });
});
