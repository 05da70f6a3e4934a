/**
 * One recording: connect, register every filter, write what arrives, and after any drop reconnect
 * with the app's backoff (src/connection/reconnect-policy.ts), re-register and write a gap marker
 * for the stretch between the drop and the last re-ack (docs/reference/capture-format.md). DRP keeps
 * no subscriptions and no backlog across connections (docs/reference/drp-protocol.md §7.3), so that
 * stretch is exactly what the file cannot hold.
 *
 * Events that arrive on a new socket before every filter is re-acked (one filter acked, the next not
 * yet) are held and written after the gap marker, so the gap sits where it happened in arrival order.
 */
import type WebSocket from 'ws';
import type { Endpoint } from '../../src/connection/endpoint-url';
import { ReconnectPolicy } from '../../src/connection/reconnect-policy';
import { validateCommand } from '../../src/protocol/filter';
import { parseFrame } from '../../src/protocol/parse-frame';
import type { PreflightPassed, SessionTarget } from '../../src/store/session-preflight';
import { maskCredential } from '../../src/store/session-preflight';
import { eventLineOf, gapLine, subscriptionLine } from './capture-lines';
import type { CaptureWriter } from './capture-writer';
import type { NodeFetch, TlsOptions } from './node-fetch';
import { preflight } from './recorder-preflight';
import { openRecorderSocket, socketAuthorization } from './recorder-socket';

/** What the app waits for an ack (architecture.md, "Subscribe"). */
const ACK_TIMEOUT_MS = 5000;
/** DRP pings every 54 s (§7.1): two periods and some slack without a frame or ping means a dead link. */
const SILENCE_LIMIT_MS = 130_000;

export type StopReason = 'stopped' | 'max-size' | 'failed';
export interface SessionEnd {
  reason: StopReason;
  message: string;
}

export interface RecorderSessionOptions {
  target: SessionTarget & { endpoint: Endpoint };
  transport: NodeFetch;
  tls: TlsOptions;
  filters: readonly string[];
  /** Called once, when the first socket is open: the file exists only once recording can start. */
  createWriter: () => CaptureWriter;
  log: (line: string) => void;
  now?: () => number;
}

type AckState = 'pending' | 'active' | 'failed';

export class RecorderSession {
  readonly done: Promise<SessionEnd>;
  writer: CaptureWriter | null = null;
  /** The credential as it may be shown: `abcd…`, or '' with the password in the URL form. */
  credentialMask = '';
  drops = 0;
  malformed = 0;
  private resolveDone!: (end: SessionEnd) => void;
  private readonly policy = new ReconnectPolicy();
  private readonly now: () => number;
  private socket: WebSocket | null = null;
  private acks = new Map<string, AckState>();
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private gap: { from: number; reason: string } | null = null;
  private held: string[] = [];
  private stopping = false;

  constructor(private readonly options: RecorderSessionOptions) {
    this.now = options.now ?? Date.now;
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  get connected(): boolean {
    return this.socket !== null;
  }

  /** The first connection. Failing here is bad input (endpoint, credentials, TLS): no retry, no file. */
  async start(): Promise<{ ok: true } | { ok: false; message: string }> {
    const opened = await this.connectOnce();
    if (!opened.ok) return opened;
    try {
      this.writer = this.options.createWriter();
    } catch (error) {
      opened.socket.terminate();
      return { ok: false, message: (error as Error).message };
    }
    this.attach(opened.socket);
    return { ok: true };
  }

  /** Ends the recording: a gap for a connection not yet restored, then the end marker. Idempotent. */
  finish(reason: StopReason, message: string): void {
    if (this.stopping) return;
    this.stopping = true;
    for (const timer of [this.ackTimer, this.silenceTimer, this.reconnectTimer]) if (timer !== null) clearTimeout(timer);
    this.socket?.terminate();
    this.socket = null;
    try {
      if (this.gap) this.writer?.writeMarker(gapLine(this.gap.from, this.now(), `${this.gap.reason}; not re-registered before the stop`));
      for (const line of this.held) this.writer?.writeEvent(line);
      this.writer?.close();
    } catch (error) {
      this.resolveDone({ reason: 'failed', message: `${message}; then writing the capture failed: ${(error as Error).message}` });
      return;
    }
    this.resolveDone({ reason, message });
  }

  private async connectOnce(): Promise<{ ok: true; socket: WebSocket } | { ok: false; message: string; credentials: boolean }> {
    const { target, transport, tls } = this.options;
    const checked = await preflight(target, transport);
    if (!checked.ok) return { ok: false, message: checked.message, credentials: checked.failure.kind === 'credentials' };
    this.credentialMask = credentialMaskOf(checked.passed);
    const authorization = socketAuthorization(checked.passed.authMode, checked.passed.socketCredential);
    const opened = await openRecorderSocket(target.endpoint.wsUrl, authorization, tls);
    return opened.ok ? opened : { ...opened, message: `${target.endpoint.wsUrl}: ${opened.message}` };
  }

  private attach(socket: WebSocket): void {
    this.socket = socket;
    this.policy.markOpen(this.now());
    this.acks = new Map(this.options.filters.map((spec) => [spec, 'pending']));
    socket.on('message', (data, isBinary) => {
      this.feedWatchdog();
      if (isBinary) this.malformed += 1;
      else this.guard(() => this.onText(rawText(data)));
    });
    socket.on('ping', () => this.feedWatchdog());
    socket.on('close', (code, reason) => this.guard(() => this.onClose(socket, code, reason.toString())));
    socket.on('error', () => {}); // 'close' follows and drives the reconnect
    this.feedWatchdog();
    for (const spec of this.options.filters) {
      const check = validateCommand('register', spec);
      if (check.ok) socket.send(check.text);
    }
    this.ackTimer = setTimeout(() => this.guard(() => this.onAckTimeout()), ACK_TIMEOUT_MS);
  }

  private onText(text: string): void {
    const frame = parseFrame(text);
    if (frame.kind === 'error') {
      this.malformed += 1;
      return;
    }
    if (frame.kind === 'ack') {
      const { verb, spec } = frame.ack;
      const state = this.acks.get(spec);
      if (verb !== 'register' || state === undefined || state === 'active') return;
      this.acks.set(spec, 'active');
      this.writer?.writeMarker(subscriptionLine(spec, 'active', this.now()));
      this.options.log(`registered ${spec}${state === 'failed' ? ' (late ack)' : ''}`);
      this.settleIfAcked();
      return;
    }
    const line = eventLineOf(text);
    if (this.gap) this.held.push(line);
    else this.writeEvent(line);
  }

  private writeEvent(line: string): void {
    if (this.writer?.writeEvent(line) === 'full') {
      this.finish(
        'max-size',
        `stopped: ${this.writer.currentPath} reached --max-size (${this.writer.totalEvents} events); use --rotate to keep going`,
      );
    }
  }

  private onAckTimeout(): void {
    this.ackTimer = null;
    for (const [spec, state] of this.acks) {
      if (state !== 'pending') continue;
      this.acks.set(spec, 'failed');
      this.writer?.writeMarker(subscriptionLine(spec, 'failed', this.now()));
      this.options.log(`warning: no ack for ${spec} within ${ACK_TIMEOUT_MS / 1000} s; recording the other filters`);
    }
    this.settleIfAcked();
  }

  /** Every filter answered on this socket: the gap (if any) ends now, and held events follow it. */
  private settleIfAcked(): void {
    if ([...this.acks.values()].includes('pending')) return;
    if (this.ackTimer !== null) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    if (!this.gap) return;
    const to = this.now();
    this.writer?.writeMarker(gapLine(this.gap.from, to, this.gap.reason));
    this.options.log(`re-registered after ${((to - this.gap.from) / 1000).toFixed(1)} s without a subscription (gap marker written)`);
    this.gap = null;
    const held = this.held;
    this.held = [];
    for (const line of held) if (!this.stopping) this.writeEvent(line);
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket !== this.socket || this.stopping) return;
    this.socket = null;
    for (const timer of [this.ackTimer, this.silenceTimer]) if (timer !== null) clearTimeout(timer);
    // Received before the drop, so written now; the gap stays open from the first drop.
    for (const line of this.held.splice(0)) this.writeEvent(line);
    this.drops += 1;
    this.gap ??= { from: this.now(), reason: `socket closed ${code}${reason ? ` (${reason})` : ''}` };
    this.scheduleReconnect(`connection lost (${this.gap.reason})`);
  }

  private scheduleReconnect(why: string): void {
    if (this.stopping) return;
    const delay = this.policy.nextDelay(this.now());
    this.options.log(`${why}; reconnect attempt ${this.policy.attempt} in ${(delay / 1000).toFixed(1)} s`);
    this.reconnectTimer = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    this.reconnectTimer = null;
    const opened = await this.connectOnce();
    if (this.stopping) {
      if (opened.ok) opened.socket.terminate();
      return;
    }
    if (opened.ok) {
      this.attach(opened.socket);
      return;
    }
    // The app stops too (session-preflight.ts): retrying refused credentials cannot succeed.
    if (opened.credentials) this.finish('failed', `reconnect stopped: ${opened.message} (the token may have expired or been revoked)`);
    else this.scheduleReconnect(`reconnect attempt ${this.policy.attempt} failed: ${opened.message}`);
  }

  private feedWatchdog(): void {
    if (this.silenceTimer !== null) clearTimeout(this.silenceTimer);
    const socket = this.socket;
    this.silenceTimer = setTimeout(() => socket?.terminate(), SILENCE_LIMIT_MS);
  }

  /** A failed write (disk full, file removed) ends the recording with a message rather than a stack trace. */
  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.finish('failed', `cannot write ${this.writer?.currentPath ?? 'the capture'}: ${(error as Error).message}`);
    }
  }
}

function credentialMaskOf(passed: PreflightPassed): string {
  return passed.authMode === 'password-in-url' ? '' : maskCredential(passed.socketCredential);
}

function rawText(data: WebSocket.RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
