import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { DrpEvent } from '../src/protocol/event';
import { createSystemClock, type Clock, type TimeZoneSpec } from './clock';
import type { ControlCommand } from './control';
import { EventHub } from './event-hub';
import type { ConnectionStats, TransportTimings } from './hub-connection';
import { FrontendAudit } from './auth-audit';
import { createRequestHandler } from './http-routes';
import { ObjectStore } from './object-store';
import type { Pacer } from './pacer';
import { runControl } from './run-control';
import { seedStore } from './seed-store';
import { createSelfSignedCert } from './tls';
import { TokenStore } from './tokens';
import { handleUpgrade, WS_PATH } from './upgrade';
import { Workload } from './workload';

export type { ControlCommand } from './control';
export type { ConnectionStats, TransportTimings } from './hub-connection';

export interface SimulatorOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 = an ephemeral port. */
  port?: number;
  /** HTTPS + WSS with a self-signed certificate generated at start, like DRP's default (§1.5). */
  tls?: boolean;
  /** Seed of the machines and the background workload. Default 1. */
  seed?: number;
  /** Background workload events/s; 0 = off (the default here; the CLI defaults to 20). */
  rate?: number;
  /** Simulated machines. Default 50. */
  machines?: number;
  /**
   * The zone event times are written in (DRP uses the server's local zone, §4.1): `Z` (default),
   * an offset like `+02:00`, `local`, or an IANA name like `Europe/Berlin`.
   */
  tz?: TimeZoneSpec;
  /** Where "now" comes from; default the system clock in `tz`. Tests pass one they can move forward (token expiry). */
  clock?: Clock;
  /**
   * Drop a client that stops reading, like melody's 10 s write deadline (§7.4). Default false: the
   * simulator buffers (up to 256 messages) and resumes, which the demo and e2e tests rely on.
   */
  dropStalledReaders?: boolean;
  /** melody's ping period, pong wait and write deadline; shortened in tests, DRP's by default. */
  timings?: Partial<Omit<TransportTimings, 'dropStalledReaders'>>;
  log?: (line: string) => void;
}

export interface SimStats {
  connections: ConnectionStats[];
  /** Events handed to the hub (each is then delivered to 0..n sockets). */
  published: number;
  uptimeMs: number;
}

export interface Simulator {
  port: number;
  /** e.g. `http://127.0.0.1:8092` (`https` with tls). */
  httpUrl: string;
  /** e.g. `ws://127.0.0.1:8092/api/v3/ws`, without a token. */
  wsUrl: string;
  close(): Promise<void>;
  /** Publishes an event as the server would; missing fields get their zero values and Time = now. */
  publish(e: Partial<DrpEvent> & { Type: string }): void;
  /** The same commands as `POST /sim/control` (control.ts, docs/simulator.md). */
  control(cmd: ControlCommand): Promise<unknown>;
  stats(): SimStats;
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * A DRP v4 endpoint stand-in (docs/reference/drp-protocol.md §1-§5): the authenticated event websocket, the REST
 * routes the inspector needs, a seeded background workload and run-time fault injection.
 */
export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  const clock = opts.clock ?? createSystemClock(opts.tz);
  const startedAt = Date.now();

  const hub = new EventHub({ clock, log, timings: { ...opts.timings, dropStalledReaders: opts.dropStalledReaders ?? false } });
  const publish = (event: DrpEvent): void => hub.publish(event);
  const store = new ObjectStore(publish, clock);
  seedStore(store, seed, opts.machines ?? 50);
  const tokens = new TokenStore(clock);
  const workload = new Workload({ store, publish, clock, seed });
  const bursts = new Set<Pacer>();
  const control = (command: ControlCommand): Promise<unknown> => runControl(command, { hub, store, clock, workload, seed, bursts });
  const stats = (): SimStats => ({ connections: hub.stats(), published: hub.published, uptimeMs: Date.now() - startedAt });

  let port = 0;
  const audit = new FrontendAudit(publish, clock);
  const handler = createRequestHandler({ store, tokens, clock, port: () => port, publish, control, stats, log, audit });
  const server: Server = opts.tls ? createHttpsServer(await createSelfSignedCert(), handler) : createHttpServer(handler);
  server.on('upgrade', (req, socket, head) => handleUpgrade(req, socket, head, { hub, tokens, audit }));
  try {
    port = await listen(server, opts.port ?? 0, host);
  } catch (error) {
    hub.close();
    throw error;
  }
  workload.setRate(opts.rate ?? 0);

  const base = `${urlHost(host)}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    port,
    httpUrl: `${opts.tls ? 'https' : 'http'}://${base}`,
    wsUrl: `${opts.tls ? 'wss' : 'ws'}://${base}${WS_PATH}`,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        workload.stop();
        for (const burst of bursts) burst.stop();
        hub.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
    publish: (e) =>
      publish({
        Time: e.Time ?? clock.timestamp(),
        Type: e.Type,
        Action: e.Action ?? '',
        Key: e.Key ?? '',
        Principal: e.Principal ?? '',
        Object: e.Object ?? null,
        Original: e.Original ?? null,
      }),
    control,
    stats,
  };
}
