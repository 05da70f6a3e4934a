/**
 * Computes the change summaries of the rows on screen, in idle slices with a time budget.
 *
 * A summary parses the event and its previous version and diffs them (two parses of up to 1 MB,
 * docs/reference/drp-protocol.md §6), so it never runs at ingest nor for rows that are not rendered:
 * a row asks when it mounts and withdraws when it unmounts, and only the ~40 rows of a list update
 * ever ask. The queue runs newest first (following the tail, the newest rows are the ones read) in
 * slices of at most SLICE_BUDGET_MS, at most one per MIN_SLICE_INTERVAL_MS (in an idle period, or
 * after IDLE_TIMEOUT_MS when the page is never idle): summaries take at most 8 % of a core, and never one
 * parse per arriving event (docs/architecture.md, "The ingest path"). Rows used to wait 300 ms on screen first, so the newest rows and every row of a
 * burst showed "…"; now a row's summary follows within a frame or two of it appearing.
 */

type Cancel = () => void;
/** Runs `task` when the page is idle; the deadline says how long the idle period lasts. */
export type IdleScheduler = (task: (timeRemaining: () => number) => void) => Cancel;

/** Longest slice of summaries in one idle period (a frame is 16 ms; leave room for the rest). */
export const SLICE_BUDGET_MS = 8;
/** An idle period may never come while a flood renders: run a slice after this long anyway. */
const IDLE_TIMEOUT_MS = 200;

/**
 * At most one slice per this long. In a flood the main thread is idle in almost every frame (the
 * socket worker does the reading), so idle slices alone would take up to half a core, and on two
 * cores that is the worker's CPU: `npm run bench` measured ~30 KB frames at 0.40× the bare page
 * with a slice per idle period. 8 ms per 100 ms caps summaries at 8 % of a core.
 */
export const MIN_SLICE_INTERVAL_MS = 100;

export function browserIdle(): IdleScheduler {
  let lastSliceAt = Number.NEGATIVE_INFINITY;
  return (task) => {
    let cancelIdle: Cancel | null = null;
    const run = (timeRemaining: () => number): void => {
      lastSliceAt = performance.now();
      task(timeRemaining);
    };
    const requestIdle = (): void => {
      if (typeof window.requestIdleCallback === 'function') {
        const handle = window.requestIdleCallback((deadline) => run(() => deadline.timeRemaining()), { timeout: IDLE_TIMEOUT_MS });
        cancelIdle = () => window.cancelIdleCallback(handle);
        return;
      }
      // Safari, jsdom: no idle callback; a short timeout, and the budget alone bounds the slice.
      const timer = setTimeout(() => run(() => SLICE_BUDGET_MS), 16);
      cancelIdle = () => clearTimeout(timer);
    };
    const wait = lastSliceAt + MIN_SLICE_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      requestIdle();
      return () => cancelIdle?.();
    }
    const timer = setTimeout(requestIdle, wait);
    return () => {
      clearTimeout(timer);
      cancelIdle?.();
    };
  };
}

export class SummaryScheduler {
  private readonly compute: (seq: number) => void;
  private readonly idle: IdleScheduler;
  private readonly now: () => number;
  /** Waiting rows: seq → what to call once its summary is cached. */
  private readonly waiting = new Map<number, () => void>();
  private cancelSlice: Cancel | null = null;

  constructor(compute: (seq: number) => void, idle: IdleScheduler = browserIdle(), now: () => number = () => performance.now()) {
    this.compute = compute;
    this.idle = idle;
    this.now = now;
  }

  /** Queues `seq`; `done` runs after its summary is computed. Returns the withdrawal (row unmounted). */
  request(seq: number, done: () => void): Cancel {
    this.waiting.set(seq, done);
    this.schedule();
    return () => {
      if (this.waiting.get(seq) === done) this.waiting.delete(seq);
    };
  }

  get pending(): number {
    return this.waiting.size;
  }

  private schedule(): void {
    if (this.cancelSlice !== null || this.waiting.size === 0) return;
    this.cancelSlice = this.idle((timeRemaining) => {
      this.cancelSlice = null;
      this.runSlice(timeRemaining);
    });
  }

  private runSlice(timeRemaining: () => number): void {
    const start = this.now();
    const budget = Math.min(SLICE_BUDGET_MS, Math.max(1, timeRemaining()));
    // Newest first; at least one per slice, so a slow summary cannot stall the queue.
    const order = [...this.waiting.keys()].sort((a, b) => b - a);
    try {
      for (const seq of order) {
        const done = this.waiting.get(seq);
        if (done === undefined) continue;
        this.waiting.delete(seq);
        this.compute(seq);
        done();
        if (this.now() - start >= budget) break;
      }
    } finally {
      // One row's failure (reported by the browser as an uncaught error) must not stall the others.
      this.schedule();
    }
  }
}
