import type { DrpTimestamp } from '../protocol/time';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/**
 * Local time of day with milliseconds, `14:02:11.538`, independent of the browser's locale (the
 * timeline, the detail header, gap rows and the frame-error list all print times this one way).
 */
export function formatTimeOfDay(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** An event's time as `formatTimeOfDay` prints it; the sub-millisecond part is not shown. */
export function formatDrpTime(time: DrpTimestamp): string {
  return formatTimeOfDay(time.epochMs);
}
