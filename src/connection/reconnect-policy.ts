/**
 * How long to wait before the next attempt after the event socket is lost or a reconnect attempt
 * fails. Pure: the caller supplies the clock and owns the timer, so tests drive it by hand.
 *
 * docs/reference/drp-protocol.md §7.3: the server keeps no subscriptions and no backlog across connections; the Go
 * agent sleeps 5–30 s between retries; start around 1–5 s and cap at ~30 s.
 *
 * The first retry after a healthy connection is quick (uniform in [firstMin, firstMax], 100–300 ms):
 * DRP keeps no backlog (§7.3), so every event published before the re-register is lost, and the
 * common case is a dropped socket with the server still up. The jitter still spreads inspectors cut
 * off together.
 *
 * From the second retry on, decorrelated jitter (each delay uniform in [base, 3 × previous delay],
 * capped): many inspectors cut off by the same server restart spread out instead of reconnecting in
 * lockstep, and the floor is `base`, never 0, so no sequence of failures (refused sockets, a failing
 * `/api/v3/info`, a server that accepts and drops every socket at once) can turn into a tight loop.
 */
export interface ReconnectPolicyOptions {
  /** The first retry after a healthy connection waits uniform in [firstMinMs, firstMaxMs]. */
  firstMinMs: number;
  firstMaxMs: number;
  /** Floor of every later retry. */
  baseMs: number;
  capMs: number;
  /**
   * A connection that stayed open at least this long was healthy: the next loss starts over at
   * `base`. A shorter one (accepted, then dropped at once) keeps the backoff growing.
   */
  stableMs: number;
  /** Uniform in [0, 1); injectable for tests. */
  random: () => number;
}

export const DEFAULT_RECONNECT_POLICY: ReconnectPolicyOptions = {
  firstMinMs: 100,
  firstMaxMs: 300,
  baseMs: 1_000,
  capMs: 30_000,
  stableMs: 10_000,
  random: Math.random,
};

export class ReconnectPolicy {
  private readonly options: ReconnectPolicyOptions;
  private previousDelay = 0;
  private failures = 0;
  private openedAt: number | null = null;

  constructor(options: Partial<ReconnectPolicyOptions> = {}) {
    this.options = { ...DEFAULT_RECONNECT_POLICY, ...options };
    if (!(this.options.baseMs > 0) || this.options.capMs < this.options.baseMs) {
      throw new RangeError(`reconnect policy needs 0 < baseMs <= capMs, got ${this.options.baseMs}/${this.options.capMs}`);
    }
    const { firstMinMs, firstMaxMs, capMs } = this.options;
    if (!(firstMinMs > 0) || firstMaxMs < firstMinMs || firstMaxMs > capMs) {
      throw new RangeError(`reconnect policy needs 0 < firstMinMs <= firstMaxMs <= capMs, got ${firstMinMs}/${firstMaxMs}/${capMs}`);
    }
  }

  /** Delays handed out since the last healthy connection (1 = the first retry). */
  get attempt(): number {
    return this.failures;
  }

  /** The socket opened at `now` (epoch ms). */
  markOpen(now: number): void {
    this.openedAt = now;
  }

  /** The connection was lost, or an attempt failed, at `now`: milliseconds to wait before the next attempt. */
  nextDelay(now: number): number {
    if (this.openedAt !== null && now - this.openedAt >= this.options.stableMs) this.reset();
    this.openedAt = null;
    const { firstMinMs, firstMaxMs, baseMs, capMs, random } = this.options;
    // Clamp the draw: an injected random outside [0, 1) must not break the floor or the cap.
    const fraction = Math.min(1, Math.max(0, random()));
    const [lower, upper] =
      this.failures === 0 ? [firstMinMs, firstMaxMs] : [baseMs, Math.min(capMs, 3 * Math.max(baseMs, this.previousDelay))];
    const delay = Math.round(lower + fraction * (upper - lower));
    this.previousDelay = delay;
    this.failures += 1;
    return delay;
  }

  /** Back to the first step (a new session, or a connection that proved healthy). */
  reset(): void {
    this.previousDelay = 0;
    this.failures = 0;
    this.openedAt = null;
  }
}
