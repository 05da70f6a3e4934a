import type { ReconnectPolicyOptions } from '../connection/reconnect-policy';
import type { NetworkDeps } from './network-deps';

/** What the store hands its session controller. */
export interface SessionOptions {
  network: NetworkDeps;
  now: () => number;
  ackTimeoutMs: number;
  /** Backoff settings (tests inject `random`); defaults in reconnect-policy.ts. */
  reconnectPolicy?: Partial<ReconnectPolicyOptions>;
  /** Called when a Connect starts a new session (resets the per-session counters). */
  onSessionStart(): void;
  /**
   * Runs the pending ingest batch now. Called when a socket goes away, so every frame that arrived
   * before the close is buffered before the gap marker is placed after the newest seq.
   */
  flushIngest(): void;
  /** Seq of the newest buffered event (0 when nothing was ever buffered). */
  lastSeq(): number;
}
