/** Binary searches over ascending number arrays (seq lists): the timeline's, the deep window's. */

/** The first index in `from..to` whose value is ≥ `target` (`to` when none is). */
export function lowerBound(values: ArrayLike<number>, target: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in `from..to` whose value is > `target`: how many up to it are ≤ `target`, plus `from`. */
export function upperBound(values: ArrayLike<number>, target: number, from = 0, to = values.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
