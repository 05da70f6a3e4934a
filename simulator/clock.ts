import { formatGoTime } from '../src/protocol/time';

/**
 * Where the simulator gets "now". Injected so the seeded workload can be replayed exactly in tests
 * (a fake clock makes every timestamp inside objects reproducible).
 */
export interface Clock {
  nowMs(): number;
  /**
   * `time.Now()` as a Go server marshals it (docs/reference/drp-protocol.md §4.1): RFC 3339, up to 9
   * digits with trailing zeros trimmed, in the clock's zone (`Z` for UTC, else e.g. `+02:00`).
   */
  timestamp(): string;
}

/** A zone as `--tz` takes it: `Z`/`UTC`, a fixed offset `+02:00` / `-0530`, `local`, or an IANA name. */
export type TimeZoneSpec = string;

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Minutes east of UTC at `epochMs` for a zone; throws RangeError for a zone it does not know. */
export type ZoneOffset = (epochMs: number) => number;

export function zoneOffset(spec: TimeZoneSpec = 'Z'): ZoneOffset {
  if (spec === 'Z' || spec === 'z' || spec === 'UTC') return () => 0;
  const fixed = OFFSET.exec(spec);
  if (fixed) {
    const [, sign, hh, mm] = fixed;
    if (Number(hh) > 23 || Number(mm) > 59) throw new RangeError(`time zone offset out of range: ${spec}`);
    const minutes = (Number(hh) * 60 + Number(mm)) * (sign === '-' ? -1 : 1);
    return () => minutes;
  }
  if (spec === 'local') return (epochMs) => -new Date(epochMs).getTimezoneOffset();
  // An IANA name: Intl knows the rules (DST included); `longOffset` prints e.g. "GMT+02:00" or "GMT".
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: spec, timeZoneName: 'longOffset' });
  } catch {
    throw new RangeError(`unknown time zone ${JSON.stringify(spec)}; use Z, an offset like +02:00, local or an IANA name`);
  }
  // The offset only changes at transitions, so one lookup per minute is plenty.
  let cachedMinute = NaN;
  let cached = 0;
  return (epochMs) => {
    const minute = Math.floor(epochMs / 60_000);
    if (minute !== cachedMinute) {
      const name = format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
      const m = /([+-])(\d{2}):(\d{2})/.exec(name);
      cached = m ? (Number(m[2]) * 60 + Number(m[3])) * (m[1] === '-' ? -1 : 1) : 0;
      cachedMinute = minute;
    }
    return cached;
  };
}

const NANOS_PER_MS = 1_000_000n;

/**
 * Go's RFC3339Nano for an instant in nanoseconds since the epoch, shown at `offsetMinutes` east of
 * UTC. Like Go, a zero offset prints `Z`.
 */
export function formatGoTimeNanos(epochNanos: bigint, offsetMinutes = 0): string {
  const shiftedNanos = epochNanos + BigInt(offsetMinutes) * 60_000n * NANOS_PER_MS;
  let ms = shiftedNanos / NANOS_PER_MS;
  let sub = shiftedNanos % NANOS_PER_MS;
  if (sub < 0n) {
    sub += NANOS_PER_MS;
    ms -= 1n;
  }
  const utcStyle = formatGoTime(new Date(Number(ms)), Number(sub));
  if (offsetMinutes === 0) return utcStyle;
  const abs = Math.abs(offsetMinutes);
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${utcStyle.slice(0, -1)}${zone}`;
}

/**
 * Real time from one monotonic source, like a Go server's `time.Now()`: the wall time is read once
 * at start and the monotonic clock (`process.hrtime`) is added to it, so a wall-clock step (NTP)
 * never makes times go backwards. Successive timestamps are strictly increasing in nanoseconds,
 * even when two are taken within the clock's resolution.
 */
export function createSystemClock(tz: TimeZoneSpec = 'Z'): Clock {
  const offset = zoneOffset(tz);
  const startWallNanos = BigInt(Date.now()) * NANOS_PER_MS;
  const startMono = process.hrtime.bigint();
  let lastNanos = 0n;
  const nowNanos = (): bigint => startWallNanos + (process.hrtime.bigint() - startMono);
  return {
    nowMs: () => Number(nowNanos() / NANOS_PER_MS),
    timestamp: () => {
      let nanos = nowNanos();
      if (nanos <= lastNanos) nanos = lastNanos + 1n;
      lastNanos = nanos;
      return formatGoTimeNanos(nanos, offset(Number(nanos / NANOS_PER_MS)));
    },
  };
}

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
