import { describe, expect, it } from 'vitest';
import { formatDrpTime, formatTimeOfDay } from '../../../src/lib/format-time-of-day';

// Dates are built from local fields, so the expectations hold in any time zone.
describe('formatTimeOfDay', () => {
  it('prints local wall-clock time with zero-padded milliseconds', () => {
    expect(formatTimeOfDay(new Date(2021, 7, 30, 4, 2, 9, 38).getTime())).toBe('04:02:09.038');
    expect(formatTimeOfDay(new Date(2021, 7, 30, 23, 59, 59, 999).getTime())).toBe('23:59:59.999');
    expect(formatTimeOfDay(new Date(2021, 7, 30, 0, 0, 0, 0).getTime())).toBe('00:00:00.000');
  });
});

describe('formatDrpTime', () => {
  it('prints an event time like formatTimeOfDay, without the sub-millisecond part', () => {
    const local = new Date(2021, 7, 30, 14, 2, 11, 538);
    expect(formatDrpTime({ epochMs: local.getTime(), subMsNanos: 920_417 })).toBe('14:02:11.538');
  });
});
