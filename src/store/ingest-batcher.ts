/**
 * Collects websocket frames and hands them over in one batch per animation frame, so a burst of
 * hundreds of events costs one store update and one render (drp-protocol.md §7.5), while
 * `onmessage` only pushes a string (§7.4: a slow reader makes the server drop events).
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

/**
 * Flushes on the next animation frame, or after `fallbackMs` if no frame comes first. The fallback
 * matters: browsers stop animation frames in background tabs, and without it frames would pile up
 * unflushed (and uncounted) for as long as the tab stays hidden.
 */
export function createAnimationFrameScheduler(fallbackMs = 250): FlushScheduler {
  return {
    schedule(cb) {
      let done = false;
      const run = (): void => {
        if (done) return;
        done = true;
        if (frame !== undefined) cancelAnimationFrame(frame);
        clearTimeout(timer);
        cb();
      };
      const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : undefined;
      const timer = setTimeout(run, fallbackMs);
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
