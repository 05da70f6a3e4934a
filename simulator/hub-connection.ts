import { WebSocket } from 'ws';
import { Registrations, type MatchFields } from './registrations';
import { claimsCover, isSuperuser, type SimUser } from './users';

/**
 * melody's per-session outgoing buffer: 256 messages; when full, new messages for that session are
 * dropped without a word (docs/reference/drp-protocol.md §7.4, `olahol/melody` `config.go` MessageBufferSize).
 */
export const SEND_BUFFER_MESSAGES = 256;

export interface ConnectionStats {
  id: number;
  user: string;
  registrations: string[];
  /** Frames handed to the socket (events, acks, injected faults). */
  sent: number;
  /** Frames dropped because 256 were already waiting (never reported to the client). */
  dropped: number;
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
  private inFlight = 0;
  private paused = false;
  sent = 0;
  dropped = 0;
  lastPongMs: number;

  constructor(
    readonly id: number,
    readonly user: SimUser,
    readonly ws: WebSocket,
    nowMs: number,
  ) {
    this.seesEverything = isSuperuser(user);
    this.lastPongMs = nowMs;
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
    if (this.queue.length + this.inFlight >= SEND_BUFFER_MESSAGES) {
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
    return { id: this.id, user: this.user.name, registrations: this.registrations.list(), sent: this.sent, dropped: this.dropped };
  }

  private write(data: string | Buffer, binary: boolean): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.inFlight++;
    this.sent++;
    this.ws.send(data, { binary }, () => {
      this.inFlight--;
    });
  }
}
