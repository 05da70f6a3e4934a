import { formatGoTime } from '../src/protocol/time';

/**
 * Where the simulator gets "now". Injected so the seeded workload can be replayed exactly in tests
 * (a fake clock makes every timestamp inside objects reproducible).
 */
export interface Clock {
  nowMs(): number;
  /** `time.Now()` as a Go server marshals it (docs/reference/drp-protocol.md §4.1): RFC 3339, up to 9 digits, Z. */
  timestamp(): string;
}

/**
 * Real time. The sub-millisecond nanoseconds come from the monotonic clock, so times carry 9
 * fractional digits like a Go server's usually do (and sometimes fewer, after zero trimming).
 */
export const systemClock: Clock = {
  nowMs: () => Date.now(),
  timestamp: () => formatGoTime(new Date(), Number(process.hrtime.bigint() % 1_000_000n)),
};

/** A clock that only moves when told to; for deterministic tests and replays. */
export function fixedClock(startMs: number, stepMs = 0): Clock {
  let now = startMs;
  return {
    nowMs: () => {
      const value = now;
      now += stepMs;
      return value;
    },
    timestamp: () => formatGoTime(new Date(now)),
  };
}
