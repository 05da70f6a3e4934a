import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { parseCommandMessage } from '../src/protocol/command';
import type { CommandVerb, DrpEvent } from '../src/protocol/event';
import { ACK_TYPE } from '../src/protocol/event';
import { MAX_COMMAND_BYTES } from '../src/protocol/filter';
import type { Clock } from './clock';
import { goJsonEvent } from './go-json';
import { DRP_TRANSPORT_TIMINGS, HubConnection, type ConnectionStats, type TransportTimings } from './hub-connection';
import type { MatchFields } from './registrations';
import type { SimUser } from './users';

export interface EventHubOptions {
  clock: Clock;
  log: (line: string) => void;
  /** melody's timings and the stalled-reader switch; defaults are DRP's (`DRP_TRANSPORT_TIMINGS`). */
  timings?: Partial<TransportTimings>;
}

/**
 * The websocket side of the server: sessions, registrations, matching, permission filtering and
 * delivery, like DRP's melody hub (docs/reference/drp-protocol.md §1.6, §2, §3.1, §7).
 */
export class EventHub {
  private readonly wss = new WebSocketServer({
    noServer: true,
    // A command over 512 bytes gets close code 1009 from ws, like gorilla's read limit (§2.2).
    maxPayload: MAX_COMMAND_BYTES,
    // No compression and never echo a subprotocol (§1.6): a client asking for one fails, as on DRP.
    perMessageDeflate: false,
    handleProtocols: () => false,
    clientTracking: false,
    // gorilla does not check that a text frame is UTF-8 and melody hands DRP the bytes; ws would
    // close with 1007, so the check is off and the command parser sees what arrived (§2.2).
    skipUTF8Validation: true,
  });
  private readonly connections = new Set<HubConnection>();
  readonly timings: TransportTimings;
  private stallTimer: NodeJS.Timeout | undefined;
  private stallWaiters: Array<() => void> = [];
  private nextId = 1;
  published = 0;

  constructor(private readonly options: EventHubOptions) {
    this.timings = { ...DRP_TRANSPORT_TIMINGS, ...options.timings };
  }

  /** Changes timings or the stalled-reader switch at run time; new sessions get all of it. */
  setTimings(changes: Partial<TransportTimings>): TransportTimings {
    Object.assign(this.timings, changes);
    for (const conn of this.connections) conn.timingsChanged();
    return { ...this.timings };
  }

  /** Completes an upgrade that already passed authentication (auth happens before it, §1.3). */
  accept(request: IncomingMessage, socket: Duplex, head: Buffer, user: SimUser): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.attach(ws, user));
  }

  /** Delivers an event to every session with a matching spec whose claims cover it. */
  publish(event: DrpEvent): void {
    let text: string | undefined;
    this.published++;
    for (const conn of this.connections) {
      if (!conn.wants(event)) continue;
      text ??= goJsonEvent(event);
      conn.send(text);
    }
  }

  /** Like `publish` for a payload serialized ahead of time (bursts); `fields` must describe `text`. */
  publishPrepared(fields: MatchFields, text: string): void {
    this.published++;
    for (const conn of this.connections) if (conn.wants(fields)) conn.send(text);
  }

  /** Fault injection: a frame to every session, bypassing filters. Returns how many got it. */
  broadcastRaw(data: string | Buffer, binary: boolean): number {
    for (const conn of this.connections) conn.send(data, binary);
    return this.connections.size;
  }

  /** Holds all delivery for `ms`, then flushes; the 256-message buffer still applies meanwhile. */
  stall(ms: number): Promise<void> {
    for (const conn of this.connections) conn.pause();
    clearTimeout(this.stallTimer);
    this.stallTimer = setTimeout(() => this.endStall(), ms);
    return new Promise((resolve) => this.stallWaiters.push(resolve));
  }

  /** Kills every socket without a close frame, as melody does on errors or a restart (§7.2): 1006. */
  terminateAll(): number {
    const count = this.connections.size;
    for (const conn of this.connections) conn.ws.terminate();
    return count;
  }

  stats(): ConnectionStats[] {
    return [...this.connections].map((conn) => conn.stats());
  }

  close(): void {
    this.endStall();
    this.terminateAll();
    this.wss.close();
  }

  private get stalled(): boolean {
    return this.stallTimer !== undefined;
  }

  private endStall(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
    for (const conn of this.connections) conn.resume();
    for (const resolve of this.stallWaiters.splice(0)) resolve();
  }

  private attach(ws: WebSocket, user: SimUser): void {
    const conn = new HubConnection(this.nextId++, user, ws, this.timings, this.options.log);
    if (this.stalled) conn.pause();
    this.connections.add(conn);
    this.options.log(`WS: connection ${conn.id} opened for user:${user.name}`);
    ws.on('message', (data, isBinary) => this.onMessage(conn, data, isBinary));
    // ws closes with 1009 itself on an oversize message and then reports it here; nothing to add.
    ws.on('error', (error) => this.options.log(`WS: connection ${conn.id} error: ${error.message}`));
    ws.on('close', (code) => {
      this.connections.delete(conn);
      this.options.log(`WS: connection ${conn.id} closed (${code})`);
    });
  }

  /** Command handling per §2.1-§2.3; binary frames are ignored like melody's no-op handler. */
  private onMessage(conn: HubConnection, data: RawData, isBinary: boolean): void {
    if (isBinary) return;
    // binaryType is the default 'nodebuffer', so a message is a Buffer (or Buffer[] when fragmented).
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : (data as Buffer).toString('utf8');
    const command = parseCommandMessage(text);
    if (!command) {
      // The server only logs a warning; no reply, no close (§2.2).
      this.options.log(`WS: Unknown: Received message ${JSON.stringify(text.slice(0, 80))} on connection ${conn.id}`);
      return;
    }
    // The ack is queued before the list changes, in one synchronous step: any event published
    // after this line sees the new registrations, so "after the ack, nothing matching is missed".
    conn.send(this.ackText(command.verb, command.spec));
    if (command.verb === 'register') conn.registrations.register(command.spec);
    else conn.registrations.deregister(command.spec);
  }

  private ackText(verb: CommandVerb, spec: string): string {
    const ack: DrpEvent = {
      Time: this.options.clock.timestamp(),
      Type: ACK_TYPE,
      Action: verb,
      Key: spec,
      Principal: '',
      Object: null,
      Original: null,
    };
    return goJsonEvent(ack);
  }
}
