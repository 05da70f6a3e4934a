import { WebSocket } from 'ws';
import { Registrations, type MatchFields } from './registrations';
import { claimsCover, isSuperuser, type SimUser } from './users';

/**
 * melody's per-session outgoing buffer: 256 messages; when full, new messages for that session are
 * dropped without a word (docs/reference/drp-protocol.md §7.4, `olahol/melody` `config.go` MessageBufferSize).
 */
export const SEND_BUFFER_MESSAGES = 256;

/**
 * melody's timings (docs/reference/drp-protocol.md §7.1, §7.4: `config.go` PingPeriod, PongWait,
 * WriteWait). Mutable and shared by the hub's sessions, so tests and `/sim/control` can shorten them.
 */
export interface TransportTimings {
  /** A ping every 54 s, from each session's own ticker. */
  pingIntervalMs: number;
  /** The read deadline: a session with no pong for 60 s is closed without a close frame (1006). */
  pongWaitMs: number;
  /** How long one write may stay unflushed before the writer gives up (10 s). */
  writeDeadlineMs: number;
  /**
   * Off by default (the demo and e2e tests keep a slow reader's frames): when on, a write that
   * misses `writeDeadlineMs` stops the session's writer like melody's, so no frames and no pings
   * follow and the read deadline drops the socket later.
   */
  dropStalledReaders: boolean;
}

export const DRP_TRANSPORT_TIMINGS: Readonly<TransportTimings> = {
  pingIntervalMs: 54_000,
  pongWaitMs: 60_000,
  writeDeadlineMs: 10_000,
  dropStalledReaders: false,
};

export interface ConnectionStats {
  id: number;
  user: string;
  registrations: string[];
  /** Frames handed to the socket (events, acks, injected faults). */
  sent: number;
  /** Frames dropped because 256 were already waiting, or the writer had stopped (never reported). */
  dropped: number;
  /** Pings written. */
  pings: number;
  /** The writer missed its write deadline and stopped (only with `dropStalledReaders`). */
  writerStopped: boolean;
}

interface Outgoing {
  data: string | Buffer;
  binary: boolean;
}

/**
 * One websocket session: its registrations, its permission filter and its send buffer.
 * "Waiting" = queued while the hub is stalled + written to `ws` but not yet flushed to the kernel
 * (tracked with the send callback), which is as close as Node gets to melody's buffered channel.
 */
export class HubConnection {
  readonly registrations = new Registrations();
  private readonly seesEverything: boolean;
  private readonly queue: Outgoing[] = [];
  /** When each unflushed write started (ms, monotonic), oldest first; callbacks come in order. */
  private readonly pendingSince: number[] = [];
  private paused = false;
  private writerStopped = false;
  private pingTimer: NodeJS.Timeout | undefined;
  private readDeadline: NodeJS.Timeout | undefined;
  private writeDeadline: NodeJS.Timeout | undefined;
  sent = 0;
  dropped = 0;
  pings = 0;

  constructor(
    readonly id: number,
    readonly user: SimUser,
    readonly ws: WebSocket,
    private readonly timings: TransportTimings,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.seesEverything = isSuperuser(user);
    // melody's writePump ticker and readPump deadline are per session, started with it.
    this.pingTimer = setInterval(() => this.ping(), timings.pingIntervalMs).unref();
    this.extendReadDeadline();
    ws.on('pong', () => this.extendReadDeadline());
    ws.on('close', () => this.stopTimers());
  }

  /** Applies changed timings (`/sim/control`) to this session's write deadline; the ticker keeps its period. */
  timingsChanged(): void {
    clearTimeout(this.writeDeadline);
    this.writeDeadline = undefined;
    if (this.pendingSince.length > 0) this.armWriteDeadline();
  }

  private get inFlight(): number {
    return this.pendingSince.length;
  }

  /** Claim check on {Type, Action, Key} of each event after a filter match (§3.1). Acks bypass it. */
  maySee(event: MatchFields): boolean {
    return this.seesEverything || claimsCover(this.user.claims, event.Type, event.Action, event.Key);
  }

  wants(event: MatchFields): boolean {
    return this.registrations.matches(event) && this.maySee(event);
  }

  send(data: string | Buffer, binary = false): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.writerStopped || this.queue.length + this.inFlight >= SEND_BUFFER_MESSAGES) {
      this.dropped++;
      return;
    }
    if (this.paused) this.queue.push({ data, binary });
    else this.write(data, binary);
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const item of this.queue.splice(0)) this.write(item.data, item.binary);
  }

  stats(): ConnectionStats {
    return {
      id: this.id,
      user: this.user.name,
      registrations: this.registrations.list(),
      sent: this.sent,
      dropped: this.dropped,
      pings: this.pings,
      writerStopped: this.writerStopped,
    };
  }

  private write(data: string | Buffer, binary: boolean): void {
    if (this.ws.readyState !== WebSocket.OPEN || this.writerStopped) return;
    this.sent++;
    this.ws.send(data, { binary }, this.track());
  }

  private ping(): void {
    if (this.ws.readyState !== WebSocket.OPEN || this.writerStopped) return;
    this.pings++;
    this.ws.ping(undefined, undefined, this.track());
  }

  /** Records a write as unflushed until its callback; arms the write deadline for the oldest. */
  private track(): () => void {
    this.pendingSince.push(performance.now());
    if (this.pendingSince.length === 1) this.armWriteDeadline();
    return () => {
      this.pendingSince.shift();
      clearTimeout(this.writeDeadline);
      this.writeDeadline = undefined;
      if (this.pendingSince.length > 0) this.armWriteDeadline();
    };
  }

  private armWriteDeadline(): void {
    if (!this.timings.dropStalledReaders || this.writerStopped) return;
    const oldest = this.pendingSince[0] as number;
    const left = Math.max(0, oldest + this.timings.writeDeadlineMs - performance.now());
    this.writeDeadline = setTimeout(() => this.stopWriter(), left);
  }

  /**
   * gorilla's write returned "i/o timeout" and melody's writePump exited: nothing more is written,
   * pings included, and only the read deadline (no pongs come back) ends the session (§7.4).
   */
  private stopWriter(): void {
    this.writerStopped = true;
    clearInterval(this.pingTimer);
    this.dropped += this.queue.splice(0).length;
    this.log(`WS: connection ${this.id} write deadline exceeded; writer stopped`);
  }

  private extendReadDeadline(): void {
    clearTimeout(this.readDeadline);
    this.readDeadline = setTimeout(() => {
      this.log(`WS: connection ${this.id} read deadline exceeded (no pong)`);
      this.ws.terminate();
    }, this.timings.pongWaitMs).unref();
  }

  private stopTimers(): void {
    clearInterval(this.pingTimer);
    clearTimeout(this.readDeadline);
    clearTimeout(this.writeDeadline);
  }
}
