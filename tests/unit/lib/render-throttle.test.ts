import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRenderThrottle } from '../../../src/lib/render-throttle';

// Vitest's fake timers drive both the throttle's setTimeout and its performance.now() clock.
beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createRenderThrottle', () => {
  it('runs a change after a quiet spell at once', () => {
    let runs = 0;
    const throttle = createRenderThrottle(() => (runs += 1), 100);
    throttle.request();
    expect(runs).toBe(1);
    vi.advanceTimersByTime(150);
    throttle.request();
    expect(runs).toBe(2);
  });

  it('runs a flood of changes once per interval, and the last change is never lost', () => {
    const start = performance.now();
    const runsAt: number[] = [];
    const throttle = createRenderThrottle(() => runsAt.push(performance.now()), 100);
    // A change every 16 ms (about one per display frame) for about a second; timers take whole ms.
    for (let frame = 0; frame < 62; frame += 1) {
      throttle.request();
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(200);
    expect(runsAt.length).toBeGreaterThanOrEqual(10);
    expect(runsAt.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < runsAt.length; i += 1) expect(runsAt[i] - runsAt[i - 1]).toBeGreaterThanOrEqual(100);
    // The trailing run came after the last request.
    expect(runsAt[runsAt.length - 1]).toBeGreaterThan(start + 61 * 16);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('schedules one trailing run however many requests wait', () => {
    let runs = 0;
    const throttle = createRenderThrottle(() => (runs += 1), 100);
    throttle.request();
    for (let i = 0; i < 5; i += 1) throttle.request();
    expect(runs).toBe(1);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(99);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
  });

  it('asks a function interval again for every wait', () => {
    let interval = 100;
    let runs = 0;
    const throttle = createRenderThrottle(
      () => (runs += 1),
      () => interval,
    );
    throttle.request();
    interval = 250;
    throttle.request();
    vi.advanceTimersByTime(249);
    expect(runs).toBe(1);
    vi.advanceTimersByTime(1);
    expect(runs).toBe(2);
  });

  it('cancel drops the waiting run', () => {
    let runs = 0;
    const throttle = createRenderThrottle(() => (runs += 1), 100);
    throttle.request();
    throttle.request();
    throttle.cancel();
    vi.advanceTimersByTime(500);
    expect(runs).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
