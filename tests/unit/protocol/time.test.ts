import { describe, expect, it } from 'vitest';
import { compareDrpTime, formatGoTime, parseDrpTime } from '../../../src/protocol/time';

describe('parseDrpTime', () => {
  it('keeps all nine fraction digits', () => {
    const ts = parseDrpTime('2021-08-30T14:02:11.538920417Z');
    expect(ts).toEqual({ epochMs: Date.UTC(2021, 7, 30, 14, 2, 11, 538), subMsNanos: 920417 });
  });

  it.each([
    ['2021-08-30T14:02:11Z', 0, 0],
    ['2021-08-30T14:02:11.5Z', 500, 0],
    ['2021-08-30T14:02:11.01Z', 10, 0],
    ['2021-08-30T14:02:11.0001Z', 0, 100_000],
    ['2021-08-30T14:02:11.123456Z', 123, 456_000],
    ['2021-08-30T14:02:11.00000001Z', 0, 10],
    ['2021-08-30T14:02:11.000000001Z', 0, 1],
  ])('accepts %s (0-9 fraction digits)', (text, ms, nanos) => {
    expect(parseDrpTime(text)).toEqual({ epochMs: Date.UTC(2021, 7, 30, 14, 2, 11, ms), subMsNanos: nanos });
  });

  it('applies numeric offsets and lower-case z', () => {
    const utc = parseDrpTime('2021-08-30T19:02:11.1Z');
    expect(parseDrpTime('2021-08-30T14:02:11.1-05:00')).toEqual(utc);
    expect(parseDrpTime('2021-08-31T00:32:11.1+05:30')).toEqual(utc);
    expect(parseDrpTime('2021-08-30T19:02:11.1z')).toEqual(utc);
    expect(parseDrpTime('2021-08-30T19:02:11.1+00:00')).toEqual(utc);
    expect(parseDrpTime('2021-08-30T19:02:11.1-00:00')).toEqual(utc);
  });

  it('keeps nanoseconds with a non-UTC offset, as a server outside UTC writes them', () => {
    expect(parseDrpTime('2021-08-30T16:02:11.538920417+02:00')).toEqual(parseDrpTime('2021-08-30T14:02:11.538920417Z'));
    expect(parseDrpTime('2021-08-30T08:32:11.000000001-05:30')).toEqual({ epochMs: Date.UTC(2021, 7, 30, 14, 2, 11, 0), subMsNanos: 1 });
  });

  it('handles Go zero time and pre-epoch instants with a non-negative sub-ms part', () => {
    expect(parseDrpTime('0001-01-01T00:00:00Z')).toEqual({ epochMs: -62135596800000, subMsNanos: 0 });
    const before = parseDrpTime('1969-12-31T23:59:59.999999999Z');
    expect(before).toEqual({ epochMs: -1, subMsNanos: 999_999 });
  });

  it.each([
    '',
    'garbage',
    '2021-08-30',
    '2021-08-30 14:02:11Z',
    '2021-08-30T14:02:11',
    '2021-08-30T14:02:11.Z',
    '2021-08-30T14:02:11.1234567890Z',
    '2021-08-30T14:02:11+0500',
    '2021-08-30T14:02:11+05',
    '2021-13-01T00:00:00Z',
    '2021-00-01T00:00:00Z',
    '2021-02-29T00:00:00Z',
    '2021-04-31T00:00:00Z',
    '2021-08-30T24:00:00Z',
    '2021-08-30T23:60:00Z',
    '2021-08-30T23:59:60Z',
    '2021-08-30T23:59:59+24:00',
    ' 2021-08-30T14:02:11Z',
    '2021-08-30T14:02:11Z ',
    '２021-08-30T14:02:11Z',
  ])('rejects %j', (text) => {
    expect(parseDrpTime(text)).toBeNull();
  });

  it('accepts a leap day', () => {
    expect(parseDrpTime('2020-02-29T00:00:00Z')?.epochMs).toBe(Date.UTC(2020, 1, 29));
  });

  it('rejects non-string input without throwing', () => {
    expect(parseDrpTime(42 as unknown as string)).toBeNull();
    expect(parseDrpTime('9'.repeat(1_000_000))).toBeNull();
  });
});

describe('compareDrpTime', () => {
  it('orders by millisecond, then by nanoseconds inside it', () => {
    const texts = [
      '2021-08-30T14:02:11.538920418Z',
      '2021-08-30T14:02:11.5Z',
      '2021-08-30T14:02:11.538920417Z',
      '2021-08-30T09:02:11.538920416-05:00',
      '2021-08-30T14:02:11.539Z',
    ];
    const sorted = texts
      .map((text) => ({ text, ts: parseDrpTime(text)! }))
      .sort((a, b) => compareDrpTime(a.ts, b.ts))
      .map((x) => x.text);
    expect(sorted).toEqual([
      '2021-08-30T14:02:11.5Z',
      '2021-08-30T09:02:11.538920416-05:00',
      '2021-08-30T14:02:11.538920417Z',
      '2021-08-30T14:02:11.538920418Z',
      '2021-08-30T14:02:11.539Z',
    ]);
  });

  it('returns 0 for the same instant written two ways', () => {
    const a = parseDrpTime('2021-08-30T14:02:11.100Z')!;
    const b = parseDrpTime('2021-08-30T16:02:11.1+02:00')!;
    expect(compareDrpTime(a, b)).toBe(0);
  });
});

describe('formatGoTime', () => {
  it('trims trailing zeros and omits a zero fraction like Go', () => {
    expect(formatGoTime(new Date(Date.UTC(2021, 7, 30, 14, 2, 11, 0)))).toBe('2021-08-30T14:02:11Z');
    expect(formatGoTime(new Date(Date.UTC(2021, 7, 30, 14, 2, 11, 100)))).toBe('2021-08-30T14:02:11.1Z');
    expect(formatGoTime(new Date(Date.UTC(2021, 7, 30, 14, 2, 11, 538)), 920_417)).toBe('2021-08-30T14:02:11.538920417Z');
    expect(formatGoTime(new Date(Date.UTC(2021, 7, 30, 14, 2, 11, 0)), 10)).toBe('2021-08-30T14:02:11.00000001Z');
  });

  it('round-trips through parseDrpTime', () => {
    const date = new Date(Date.UTC(2017, 11, 21, 23, 26, 43, 412));
    expect(parseDrpTime(formatGoTime(date, 554_192))).toEqual({ epochMs: date.getTime(), subMsNanos: 554_192 });
  });

  it('pads small years and rejects what Go cannot marshal', () => {
    const early = new Date(0);
    early.setUTCFullYear(1, 0, 1);
    expect(formatGoTime(early)).toBe('0001-01-01T00:00:00Z');
    expect(() => formatGoTime(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatGoTime(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
    expect(() => formatGoTime(new Date(0), 1_000_000)).toThrow(RangeError);
    expect(() => formatGoTime(new Date(0), 1.5)).toThrow(RangeError);
  });
});
