/** Small numeric summaries shared by every measurement. Nearest-rank percentiles: no interpolation. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function maxOf(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => Math.max(a, b), -Infinity);
}

export interface IntervalSummary {
  /** Number of intervals (frames - 1). */
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Frame intervals of the timestamps that fall inside [from, to] (all epoch ms). */
export function frameIntervals(frames: readonly number[], from: number, to: number): IntervalSummary {
  const inside = frames.filter((t) => t >= from && t <= to);
  const intervals: number[] = [];
  for (let i = 1; i < inside.length; i++) intervals.push(inside[i] - inside[i - 1]);
  return { count: intervals.length, p50: percentile(intervals, 50), p95: percentile(intervals, 95), max: maxOf(intervals) };
}

export interface LongTask {
  /** Epoch ms. */
  start: number;
  duration: number;
}

/** Total long-task time overlapping [from, to] (clipped), and the longest single task there. */
export function longTaskTotals(
  tasks: readonly LongTask[],
  from: number,
  to: number,
): { totalMs: number; longestMs: number; count: number } {
  let totalMs = 0;
  let longestMs = 0;
  let count = 0;
  for (const task of tasks) {
    const end = task.start + task.duration;
    if (end < from || task.start > to) continue;
    count++;
    totalMs += Math.min(end, to) - Math.max(task.start, from);
    longestMs = Math.max(longestMs, task.duration);
  }
  return { totalMs, longestMs, count };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
