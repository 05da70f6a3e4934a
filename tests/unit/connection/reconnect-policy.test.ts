import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReconnectPolicy } from '../../../src/connection/reconnect-policy';

/** A random source that replays `values`, then repeats the last one. */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

describe('ReconnectPolicy', () => {
  it('retries the first time within 100–300 ms by default (a dropped socket, server still up)', () => {
    const low = new ReconnectPolicy({ random: () => 0 });
    const high = new ReconnectPolicy({ random: () => 0.999_999 });
    expect(low.nextDelay(0)).toBe(100);
    expect(high.nextDelay(0)).toBe(300);
  });

  it('backs off from the second retry on: base to 3 × base, then at most 3× per failure up to the cap', () => {
    const policy = new ReconnectPolicy({ baseMs: 1000, capMs: 30_000, random: sequence(1, 1, 1, 1, 1, 1, 1) });
    const delays = Array.from({ length: 7 }, () => policy.nextDelay(0));
    expect(delays).toEqual([300, 3000, 9000, 27_000, 30_000, 30_000, 30_000]);
    expect(policy.attempt).toBe(7);
  });

  it('never waits less than base after the first retry, even when the random source says 0', () => {
    const policy = new ReconnectPolicy({ baseMs: 1000, capMs: 30_000, random: () => 0 });
    expect(policy.nextDelay(0)).toBe(100);
    for (let i = 1; i < 20; i += 1) expect(policy.nextDelay(i)).toBe(1000);
  });

  it('clamps a random source outside [0, 1)', () => {
    const policy = new ReconnectPolicy({ baseMs: 500, capMs: 2000, random: sequence(-5, -5, 7, 7) });
    expect(policy.nextDelay(0)).toBe(100);
    expect(policy.nextDelay(0)).toBe(500);
    expect(policy.nextDelay(0)).toBe(1500);
    expect(policy.nextDelay(0)).toBe(2000);
  });

  it('keeps the first delay in [firstMin, firstMax] and every later one within [base, cap] for any random sequence (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 1, maxLength: 60 }), (draws) => {
        const policy = new ReconnectPolicy({ baseMs: 1000, capMs: 30_000, random: sequence(...draws) });
        const first = policy.nextDelay(0);
        expect(first).toBeGreaterThanOrEqual(100);
        expect(first).toBeLessThanOrEqual(300);
        let previous = 1000;
        for (let i = 1; i < draws.length; i += 1) {
          const delay = policy.nextDelay(i);
          expect(delay).toBeGreaterThanOrEqual(1000);
          expect(delay).toBeLessThanOrEqual(Math.min(30_000, 3 * previous));
          previous = delay;
        }
      }),
    );
  });

  it('starts over (a fast first retry) after a connection that stayed open for stableMs', () => {
    const policy = new ReconnectPolicy({ baseMs: 1000, capMs: 30_000, stableMs: 10_000, random: () => 1 });
    policy.nextDelay(0);
    policy.nextDelay(0);
    policy.markOpen(100_000);
    expect(policy.nextDelay(110_000)).toBe(300);
    expect(policy.attempt).toBe(1);
  });

  it('keeps growing when a socket opens and drops again at once (no loop at the first or the base delay)', () => {
    const policy = new ReconnectPolicy({ baseMs: 1000, capMs: 30_000, stableMs: 10_000, random: () => 1 });
    expect(policy.nextDelay(0)).toBe(300);
    policy.markOpen(300);
    expect(policy.nextDelay(400)).toBe(3000);
    policy.markOpen(3400);
    expect(policy.nextDelay(3500)).toBe(9000);
    policy.markOpen(12_500);
    expect(policy.nextDelay(12_600)).toBe(27_000);
  });

  it('reset() returns to the first step', () => {
    const policy = new ReconnectPolicy({ random: () => 1 });
    policy.nextDelay(0);
    policy.nextDelay(0);
    policy.reset();
    expect(policy.attempt).toBe(0);
    expect(policy.nextDelay(0)).toBe(300);
  });

  it('rejects a cap below the base and a first window that is empty, zero or above the cap', () => {
    expect(() => new ReconnectPolicy({ baseMs: 5000, capMs: 1000 })).toThrow(RangeError);
    expect(() => new ReconnectPolicy({ baseMs: 0 })).toThrow(RangeError);
    expect(() => new ReconnectPolicy({ firstMinMs: 0 })).toThrow(RangeError);
    expect(() => new ReconnectPolicy({ firstMinMs: 300, firstMaxMs: 200 })).toThrow(RangeError);
    expect(() => new ReconnectPolicy({ firstMaxMs: 40_000 })).toThrow(RangeError);
  });
});
