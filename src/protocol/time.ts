/**
 * DRP event times (docs/reference/drp-protocol.md §4.1, §7.7): Go `time.Time` marshalled as RFC 3339 with 0-9
 * fractional digits (trailing zeros trimmed) and the server's local offset. `Date.parse` is only
 * specified for the 3-digit form and would drop nanoseconds, so the fraction is parsed by hand and
 * kept as an integer: events from many goroutines can land in the same millisecond.
 */

export interface DrpTimestamp {
  /** Milliseconds since the Unix epoch, UTC, floored (so the fraction below is never negative). */
  epochMs: number;
  /** Nanoseconds within that millisecond, 0..999999. */
  subMsNanos: number;
}

// Go's RFC3339 parser needs at least one digit after the '.', so "12:00:00.Z" is rejected here too.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

const NANOS_PER_MS = 1_000_000;

/** Parses an RFC 3339 time with nanosecond precision; null for anything else (never throws). */
export function parseDrpTime(text: string): DrpTimestamp | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const m = RFC3339.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  // Go rejects leap second 60 and hour 24 as out of range; so do we.
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!zulu) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return null;
    offsetMinutes = (offH * 60 + offM) * (sign === '-' ? -1 : 1);
  }
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCDate() !== day) return null; // e.g. 2021-02-30 rolled over into March
  const nanos = fraction ? Number(fraction.padEnd(9, '0')) : 0;
  const wholeMs = date.getTime() + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + Math.floor(nanos / NANOS_PER_MS);
  return { epochMs: wholeMs, subMsNanos: nanos % NANOS_PER_MS };
}

/** Orders by (epochMs, subMsNanos); negative, zero or positive like a sort comparator. */
export function compareDrpTime(a: DrpTimestamp, b: DrpTimestamp): number {
  if (a.epochMs !== b.epochMs) return a.epochMs < b.epochMs ? -1 : 1;
  if (a.subMsNanos !== b.subMsNanos) return a.subMsNanos < b.subMsNanos ? -1 : 1;
  return 0;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * How Go's `time.Time.MarshalJSON` prints a UTC time (RFC3339Nano): fraction with trailing zeros
 * trimmed and omitted when zero (docs/reference/drp-protocol.md §4.1). `extraNanos` (0..999999) adds the
 * sub-millisecond part a JS Date cannot hold. Throws RangeError for an invalid Date, a year
 * outside 0000-9999 (Go's marshaller errors too) or bad extraNanos.
 */
export function formatGoTime(date: Date, extraNanos = 0): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('formatGoTime: invalid Date');
  if (!Number.isInteger(extraNanos) || extraNanos < 0 || extraNanos >= NANOS_PER_MS) {
    throw new RangeError(`formatGoTime: extraNanos must be an integer in 0..999999, got ${extraNanos}`);
  }
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`formatGoTime: year ${year} is outside 0000-9999`);
  const nanos = date.getUTCMilliseconds() * NANOS_PER_MS + extraNanos;
  const fraction = nanos === 0 ? '' : `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return (
    `${String(year).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}` +
    `T${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}${fraction}Z`
  );
}
