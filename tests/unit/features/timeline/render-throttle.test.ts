import { describe, expect, it } from 'vitest';
import { createRenderThrottle } from '../../../../src/features/timeline/render-throttle';

/** A clock the test moves by hand; due timers fire as it passes them. */
function fakeClock() {
  let now = 1000;
  let timers: { at: number; cb: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (cb: () => void, ms: number) => {
      const id = nextId++;
      timers.push({ at: now + ms, cb, id });
      return id;
    },
    clearTimeout: (handle: unknown) => {
      timers = timers.filter((timer) => timer.id !== handle);
    },
    get pending() {
      return timers.length;
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.cb();
    },
  };
}

describe('createRenderThrottle', () => {
  it('runs a change after a quiet spell at once', () => {
    const clock = fakeClock();
    let runs = 0;
    const throttle = createRenderThrottle(() => (runs += 1), 100, clock);
    throttle.request();
    expect(runs).toBe(1);
    clock.advance(150);
    throttle.request();
    expect(runs).toBe(2);
  });

  it('runs a flood of changes once per interval, and the last change is never lost', () => {
    const clock = fakeClock();
    const runsAt: number[] = [];
    const throttle = createRenderThrottle(() => runsAt.push(clock.now()), 100, clock);
    // 60 changes a second (one per display frame) for one second.
    for (let frame = 0; frame < 60; frame += 1) {
      throttle.request();
      clock.advance(1000 / 60);
    }
    clock.advance(200);
    expect(runsAt.length).toBeGreaterThanOrEqual(10);
    expect(runsAt.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < runsAt.length; i += 1) expect(runsAt[i] - runsAt[i - 1]).toBeGreaterThanOrEqual(100);
    // The trailing run came after the last request.
    expect(runsAt[runsAt.length - 1]).toBeGreaterThan(1000 + (59 * 1000) / 60);
    expect(clock.pending).toBe(0);
  });

  it('schedules one trailing run however many requests wait', () => {
    const clock = fakeClock();
    let runs = 0;
    const throttle = createRenderThrottle(() => (runs += 1), 100, clock);
    throttle.request();
    for (let i = 0; i < 5; i += 1) throttle.request();
    expect(runs).toBe(1);
    expect(clock.pending).toBe(1);
    clock.advance(100);
    expect(runs).toBe(2);
  });

  it('cancel drops the waiting run', () => {
    const clock = fakeClock();
    let runs = 0;
    const throttle = createRenderThrottle(() => (runs += 1), 100, clock);
    throttle.request();
    throttle.request();
    throttle.cancel();
    clock.advance(500);
    expect(runs).toBe(1);
  });
});
