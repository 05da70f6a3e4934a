export interface RenderThrottle {
  /** Something changed: run now if the last run is `intervalMs` old, else once when it is. */
  request(): void;
  /** Drops a run that is waiting (unmount). */
  cancel(): void;
}

/**
 * Runs `run` at most once per `intervalMs`, on the leading edge and once more at the end of a burst
 * of requests, so the last change is never lost. A change after a quiet spell shows at once; a
 * flood of changes shows about `1000 / intervalMs` times a second however many batches arrive.
 * A function interval is asked again for every wait (the caller may stretch it under load).
 */
export function createRenderThrottle(run: () => void, intervalMs: number | (() => number)): RenderThrottle {
  let lastRunAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined = undefined;
  const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
  const fire = (): void => {
    timer = undefined;
    lastRunAt = performance.now();
    run();
  };
  return {
    request() {
      if (timer !== undefined) return;
      const wait = lastRunAt + interval() - performance.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
