/**
 * Calls `emit` at a steady rate, in ~10 ms slices: each slice sends however many events are due
 * since the start, so timer jitter changes batch sizes, not the rate or the total. Used by the
 * background workload (open-ended) and by bursts (a fixed total).
 */

export interface PaceResult {
  sent: number;
  /** Epoch ms of the first and last emit (0 when nothing was sent). */
  firstSendAt: number;
  lastSendAt: number;
}

export interface Pacer {
  /** Resolves after the last event of a fixed total, or when stopped. */
  readonly done: Promise<PaceResult>;
  stop(): void;
}

export interface PacerOptions {
  rate: number;
  /** Stop after this many events; open-ended when omitted. */
  total?: number;
  sliceMs?: number;
  /**
   * Open-ended runs forget a backlog older than this (e.g. after the event loop was blocked)
   * instead of sending it in one lump. Fixed totals always catch up, so the count stays exact.
   */
  maxLagMs?: number;
  emit: () => void;
}

export function startPacer(options: PacerOptions): Pacer {
  const { rate, total, emit } = options;
  const sliceMs = options.sliceMs ?? 10;
  let start = Date.now();
  let sentSinceStart = 0;
  const result: PaceResult = { sent: 0, firstSendAt: 0, lastSendAt: 0 };
  let timer: NodeJS.Timeout | undefined;
  let finish!: (r: PaceResult) => void;
  const done = new Promise<PaceResult>((resolve) => {
    finish = resolve;
  });
  let stopped = false;

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    finish({ ...result });
  };

  const tick = (): void => {
    const now = Date.now();
    // +1: the first event goes out at once, the last at (total - 1) / rate seconds.
    let due = Math.floor((rate * (now - start)) / 1000) + 1;
    if (total === undefined && options.maxLagMs !== undefined) {
      const maxBacklog = Math.max(1, Math.floor((rate * options.maxLagMs) / 1000));
      if (due - sentSinceStart > maxBacklog) {
        start = now;
        sentSinceStart = 0;
        due = 1;
      }
    }
    if (total !== undefined) due = Math.min(due, total);
    while (sentSinceStart < due && !stopped) {
      emit();
      sentSinceStart++;
      result.sent++;
      if (result.firstSendAt === 0) result.firstSendAt = now;
      result.lastSendAt = Date.now();
    }
    if (total !== undefined && result.sent >= total) stop();
    else if (!stopped) timer = setTimeout(tick, sliceMs);
  };

  if (rate <= 0 || total === 0) stop();
  else tick();
  return { done, stop };
}
