import type { IncomingHttpHeaders } from 'node:http';
import WebSocket, { type ClientOptions } from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/simulator';

export const ADMIN = { user: 'rocketskates', password: 'r0cketsk8ts' };
export const VIEWER = { user: 'viewer', password: 'v1ewer' };

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

export function credentialsUrl(wsUrl: string, who = ADMIN): string {
  return `${wsUrl}?token=${encodeURIComponent(`${who.user}:${who.password}`)}`;
}

export interface Frame {
  text: string;
  binary: boolean;
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/** A test websocket client that records every frame and lets a test wait for one by predicate. */
export class SimClient {
  readonly frames: Frame[] = [];
  readonly closed: Promise<CloseInfo>;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : (data as Buffer);
      this.frames.push({ text: buffer.toString('utf8'), binary: isBinary });
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('error', () => {});
  }

  /** Parsed JSON text frames (skips frames that are not JSON objects). */
  events(): DrpEvent[] {
    const out: DrpEvent[] = [];
    for (const f of this.frames) {
      if (f.binary) continue;
      try {
        out.push(JSON.parse(f.text) as DrpEvent);
      } catch {
        // malformed frames are checked through `frames`
      }
    }
    return out;
  }

  nonAcks(): DrpEvent[] {
    return this.events().filter((e) => e.Type !== 'websocket');
  }

  send(text: string): void {
    this.ws.send(text);
  }

  /** Resolves once `check` returns a value other than undefined/false; rejects after `timeoutMs`. */
  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; got ${this.frames.length} frames`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  waitForEvent(predicate: (e: DrpEvent) => boolean, what: string): Promise<DrpEvent> {
    return this.waitFor(() => this.events().find(predicate), what);
  }

  /** Sends a command and waits for its ack (the n-th ack with that verb and spec). */
  async command(text: string, verb: 'register' | 'deregister', spec: string): Promise<DrpEvent> {
    const before = this.acksFor(verb, spec).length;
    this.send(text);
    return this.waitFor(() => this.acksFor(verb, spec)[before], `ack ${verb} ${spec}`);
  }

  register(spec: string): Promise<DrpEvent> {
    return this.command(`register ${spec}`, 'register', spec);
  }

  deregister(spec: string): Promise<DrpEvent> {
    return this.command(`deregister ${spec}`, 'deregister', spec);
  }

  acksFor(verb: string, spec: string): DrpEvent[] {
    return this.events().filter((e) => e.Type === 'websocket' && e.Action === verb && e.Key === spec);
  }

  close(): Promise<CloseInfo> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
    return this.closed;
  }
}

export function connect(url: string, options: ClientOptions = {}): Promise<SimClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    const client = new SimClient(ws);
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`unexpected response ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export interface Rejection {
  status: number;
  headers: IncomingHttpHeaders;
}

/** Opens a socket that must be refused before the upgrade; resolves with the HTTP status. */
export function expectRejected(url: string, options: ClientOptions = {}): Promise<Rejection> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('the upgrade succeeded'));
    });
    ws.once('unexpected-response', (req, res) => {
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
      req.destroy();
    });
    ws.on('error', (error) => reject(error));
  });
}

/** Fetch JSON with Basic auth by default. */
export async function api(
  httpUrl: string,
  path: string,
  init: RequestInit & { auth?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const headers = new Headers(init.headers);
  const auth = init.auth === undefined ? basicHeader(ADMIN.user, ADMIN.password) : init.auth;
  if (auth !== null) headers.set('Authorization', auth);
  if (init.body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const res = await fetch(`${httpUrl}${path}`, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, headers: res.headers, body };
}

export interface WatchedSimulator {
  sim: Simulator;
  client: SimClient;
}

/**
 * A simulator and an admin client registered for `spec`, started before the file's tests (`'file'`)
 * or before each test (`'test'`) and closed after them. Read `sim` and `client` inside tests: the
 * object is filled in by the hook.
 */
export function watchSimulator(options: SimulatorOptions, spec: string, scope: 'file' | 'test' = 'file'): WatchedSimulator {
  const watched = {} as WatchedSimulator;
  const [before, after] = scope === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    watched.sim = await startSimulator(options);
    watched.client = await connect(credentialsUrl(watched.sim.wsUrl));
    await watched.client.register(spec);
  });
  after(async () => {
    await watched.client?.close();
    await watched.sim?.close();
  });
  return watched;
}

/** A browser's CORS preflight for a GET with an Authorization header, as the inspector sends it. */
export function preflight(url: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://inspector.example',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
}
