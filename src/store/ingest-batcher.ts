/**
 * Collects received frames and hands them over in one batch per animation frame, so a burst of
 * hundreds of events costs one store update and one render (docs/reference/drp-protocol.md §7.5). The frames come
 * already classified, in batches, from the socket worker (connection/drp-socket.ts); this only
 * decides when the main thread appends them.
 */
export interface FlushScheduler {
  schedule(cb: () => void): void;
}

export class IngestBatcher<T> {
  private pending: T[] = [];
  private scheduled = false;
  private disposed = false;
  private readonly scheduler: FlushScheduler;
  private readonly onFlush: (batch: T[]) => void;

  constructor(scheduler: FlushScheduler, onFlush: (batch: T[]) => void) {
    this.scheduler = scheduler;
    this.onFlush = onFlush;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  add(item: T): void {
    if (this.disposed) return;
    this.pending.push(item);
    if (!this.scheduled) {
      this.scheduled = true;
      this.scheduler.schedule(this.flush);
    }
  }

  /** A batch the socket worker already collected (one message per display frame or so). */
  addAll(items: readonly T[]): void {
    if (this.disposed || items.length === 0) return;
    for (const item of items) this.pending.push(item);
    if (!this.scheduled) {
      this.scheduled = true;
      this.scheduler.schedule(this.flush);
    }
  }

  /** Delivers everything collected so far. Safe to call directly (tests, shutdown). */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.disposed || this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.onFlush(batch);
  };

  /** Drops what is pending and ignores later frames and scheduled flushes. */
  dispose(): void {
    this.disposed = true;
    this.pending = [];
  }
}

export interface AnimationFrameSchedulerOptions {
  /** Flush after this long even without an animation frame (background tabs get none). */
  fallbackMs?: number;
  /** At least this long between two flushes; the flush still runs in an animation frame. */
  minIntervalMs?: number;
}

/**
 * Publishing more often than this costs a full rendering pass each time (counters, subscription
 * counts: style, layout, paint, raster, composite) and shows nothing a reader could follow: at 60
 * publishes a second that pipeline alone took a quarter of a core during a flood of ~30 KB events,
 * CPU the socket worker needed (docs/architecture.md, "The ingest path"). 50 ms is 20 updates a second.
 */
export const MIN_FLUSH_INTERVAL_MS = 100;
/** A frame that arrives this close to the interval counts as on time (frames are ~16.7 ms apart). */
const FRAME_SLACK_MS = 4;

/**
 * Flushes in an animation frame, at most once per `minIntervalMs`, or after `fallbackMs` if no
 * frame comes. The fallback matters: browsers stop animation frames in background tabs, and without
 * it frames would pile up unflushed (and uncounted) for as long as the tab stays hidden. The first
 * batch after a quiet spell flushes on the very next frame.
 */
export function createAnimationFrameScheduler(options: AnimationFrameSchedulerOptions = {}): FlushScheduler {
  const fallbackMs = options.fallbackMs ?? 250;
  const minIntervalMs = options.minIntervalMs ?? MIN_FLUSH_INTERVAL_MS;
  // Tests drive frames and the clock with Vitest's fake timers (requestAnimationFrame, performance).
  const now = (): number => performance.now();
  const hasFrames = typeof requestAnimationFrame === 'function';
  const requestFrame = hasFrames ? (cb: () => void) => requestAnimationFrame(cb) : undefined;
  const cancelFrame = hasFrames ? (handle: number) => cancelAnimationFrame(handle) : undefined;
  let lastFlushAt = Number.NEGATIVE_INFINITY;
  return {
    schedule(cb) {
      let done = false;
      let frame: number | undefined;
      const finish = (): void => {
        done = true;
        if (frame !== undefined) cancelFrame?.(frame);
        clearTimeout(timer);
        lastFlushAt = now();
        cb();
      };
      const onFrame = (): void => {
        if (done) return;
        frame = undefined;
        if (now() - lastFlushAt < minIntervalMs - FRAME_SLACK_MS && requestFrame) {
          frame = requestFrame(onFrame);
          return;
        }
        finish();
      };
      frame = requestFrame?.(onFrame);
      const timer = setTimeout(
        () => {
          if (!done) finish();
        },
        Math.max(fallbackMs, minIntervalMs),
      );
    },
  };
}

/** A scheduler that runs nothing until `flushAll()`: for tests and benchmarks. */
export interface ManualScheduler extends FlushScheduler {
  readonly queued: number;
  flushAll(): void;
}

export function createManualScheduler(): ManualScheduler {
  let callbacks: (() => void)[] = [];
  return {
    get queued() {
      return callbacks.length;
    },
    schedule(cb) {
      callbacks.push(cb);
    },
    flushAll() {
      const run = callbacks;
      callbacks = [];
      for (const cb of run) cb();
    },
  };
}
