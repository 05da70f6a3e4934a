import type { DrpSocket } from '../connection/drp-socket';
import type { CloseInfo } from '../connection/drp-socket';
import { normalizeEndpoint, withTokenParam } from '../connection/endpoint-url';
import { describeRestFailure } from '../connection/rest-client';
import type { RestAuth, RestFailure } from '../connection/rest-client';
import type { CommandVerb } from '../protocol/event';
import { validateCommand } from '../protocol/filter';
import type { CommandCheck } from '../protocol/filter';
import type { AuthMode, ConnectRequest, ConnectionState, InspectorStore } from './inspector-state';
import type { NetworkDeps } from './network-deps';
import {
  findSubscription,
  needsRegister,
  removeSubscription,
  resetForNewConnection,
  setStatus,
  upsertPending,
} from './subscription-list';

/** Token lifetime asked for when granting one from username/password (drp-protocol.md §1.4). */
const TOKEN_TTL_SECONDS = 3600;

export interface SessionTimers {
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SessionOptions {
  network: NetworkDeps;
  now: () => number;
  ackTimeoutMs: number;
  timers: SessionTimers;
  /** Called when a Connect starts a new session (resets the per-session counters). */
  onSessionStart(): void;
}

/**
 * Connection lifecycle and the command side of subscriptions: preflight over REST, open the socket,
 * (re)send registers, time out missing acks. Acks themselves arrive through the ingest path and are
 * applied there (`applyAck`), because they share the frame stream with events.
 */
export class SessionController {
  private socket: DrpSocket | null = null;
  /** Incremented by every connect/disconnect so stale async results are ignored. */
  private attempt = 0;
  private readonly ackTimers = new Map<string, unknown>();
  private readonly store: InspectorStore;
  private readonly options: SessionOptions;

  constructor(store: InspectorStore, options: SessionOptions) {
    this.store = store;
    this.options = options;
  }

  async connect(request: ConnectRequest): Promise<void> {
    const attempt = this.beginAttempt();
    const endpoint = normalizeEndpoint(request.endpoint);
    const base: ConnectionState = {
      ...this.idleConnection(request.endpoint),
      user: request.auth === 'password' ? request.username : '',
    };
    if (!endpoint.ok) {
      this.setConnection({ ...base, status: 'error', message: endpoint.reason });
      return;
    }
    const credentialError = checkCredentials(request);
    if (credentialError) {
      this.setConnection({ ...base, status: 'error', message: credentialError });
      return;
    }
    this.options.onSessionStart();
    const { httpBase, wsUrl } = endpoint;
    this.setConnection({ ...base, status: 'checking', httpBase, wsUrl, endpoint: request.endpoint });
    const fail = (failure: RestFailure): void =>
      this.patchConnection({
        status: 'error',
        message: describeRestFailure(failure),
        certificateUrl: failure.kind === 'certificate' ? failure.acceptUrl : undefined,
      });

    let restAuth: RestAuth;
    let socketCredential: string;
    let authMode: AuthMode;
    if (request.auth === 'password') {
      const grant = await this.options.network.fetchUserToken(httpBase, request.username, request.password, TOKEN_TTL_SECONDS);
      if (attempt !== this.attempt) return;
      if (grant.ok) {
        restAuth = { kind: 'bearer', token: grant.value.token };
        socketCredential = grant.value.token;
        authMode = 'granted-token';
      } else if (grant.failure.kind === 'http' || grant.failure.kind === 'bad-response') {
        // The grant itself was refused (e.g. a server without the endpoint, or a role without the
        // `users token` claim); `?token=user:password` still works (§1.2). Not done on 401/403:
        // a wrong password would fail the same way on the socket, only less visibly.
        restAuth = { kind: 'basic', username: request.username, password: request.password };
        socketCredential = `${request.username}:${request.password}`;
        authMode = 'password-in-url';
      } else {
        fail(grant.failure);
        return;
      }
    } else {
      restAuth = { kind: 'bearer', token: request.token };
      socketCredential = request.token;
      authMode = 'token';
    }

    const info = await this.options.network.fetchInfo(httpBase, restAuth);
    if (attempt !== this.attempt) return;
    if (!info.ok) {
      fail(info.failure);
      return;
    }
    this.patchConnection({
      status: 'connecting',
      serverVersion: info.value.version,
      authMode,
      // With the password in the URL there is no token; never show any part of a password.
      tokenMask: authMode === 'password-in-url' ? '' : maskCredential(socketCredential),
    });
    this.openSocket(attempt, withTokenParam(wsUrl, socketCredential), endpoint.secure);
  }

  disconnect(): void {
    this.attempt += 1;
    const socket = this.socket;
    if (socket) {
      // onClose reports the browser's close code; the socket stays current until then.
      socket.close();
      return;
    }
    const { status } = this.store.getState().connection;
    if (status === 'checking' || status === 'connecting') {
      this.patchConnection({ status: 'closed', message: 'cancelled' });
    }
  }

  register(spec: string): CommandCheck {
    const check = validateCommand('register', spec);
    if (!check.ok) return check;
    const { subscriptions } = this.store.getState();
    if (!needsRegister(subscriptions, spec)) return check;
    const open = this.socket?.isOpen === true;
    this.store.setState({ subscriptions: upsertPending(subscriptions, spec, open ? this.options.now() : 0) });
    if (open) this.sendCommand('register', spec);
    return check;
  }

  deregister(spec: string): void {
    const { subscriptions } = this.store.getState();
    if (!findSubscription(subscriptions, spec)) return;
    this.clearAckTimer(spec);
    if (this.socket?.isOpen !== true) {
      this.store.setState({ subscriptions: removeSubscription(subscriptions, spec) });
      return;
    }
    this.store.setState({ subscriptions: setStatus(subscriptions, spec, 'deregistering') });
    this.sendCommand('deregister', spec);
  }

  dispose(): void {
    this.attempt += 1;
    this.socket?.close();
    this.socket = null;
    for (const handle of this.ackTimers.values()) this.options.timers.clearTimeout(handle);
    this.ackTimers.clear();
  }

  private beginAttempt(): number {
    this.attempt += 1;
    if (this.socket) {
      this.socket.close();
      this.socket = null;
      this.store.setState({ subscriptions: resetForNewConnection(this.store.getState().subscriptions) });
    }
    this.clearAllAckTimers();
    return this.attempt;
  }

  private openSocket(attempt: number, url: string, secure: boolean): void {
    let opened = false;
    const socket = this.options.network.openSocket(url, {
      onOpen: () => {
        if (this.socket !== socket) return;
        opened = true;
        this.patchConnection({ status: 'open' });
        this.resendRegisters();
      },
      onFrame: (text) => this.store.getState().actions.ingestFrame(text),
      onBinaryFrame: (bytes) => this.store.getState().actions.ingestBinaryFrame(bytes),
      onClose: (info) => {
        if (this.socket !== socket) return;
        this.socket = null;
        this.clearAllAckTimers();
        this.store.setState({ subscriptions: resetForNewConnection(this.store.getState().subscriptions) });
        this.patchConnection({
          status: 'closed',
          closeCode: info.code,
          closeReason: info.reason,
          wasClean: info.wasClean,
          ...closeExplanation(info, opened, secure, this.store.getState().connection.httpBase),
        });
      },
    });
    if (attempt === this.attempt) this.socket = socket;
    else socket.close();
  }

  /** On every open the server starts with no specs (§2.3, §7.3): send each one again. */
  private resendRegisters(): void {
    const now = this.options.now();
    const list = resetForNewConnection(this.store.getState().subscriptions);
    this.store.setState({ subscriptions: list.map((item) => ({ ...item, sentAt: now })) });
    for (const item of list) this.sendCommand('register', item.spec);
  }

  private sendCommand(verb: CommandVerb, spec: string): void {
    const check = validateCommand(verb, spec);
    if (!check.ok || !this.socket?.send(check.text)) return;
    this.clearAckTimer(spec);
    const handle = this.options.timers.setTimeout(() => this.onAckTimeout(verb, spec), this.options.ackTimeoutMs);
    this.ackTimers.set(spec, handle);
  }

  private onAckTimeout(verb: CommandVerb, spec: string): void {
    this.ackTimers.delete(spec);
    const { subscriptions } = this.store.getState();
    const item = findSubscription(subscriptions, spec);
    if (!item) return;
    if (verb === 'register' && item.status === 'pending') {
      this.store.setState({ subscriptions: setStatus(subscriptions, spec, 'failed') });
    } else if (verb === 'deregister' && item.status === 'deregistering') {
      // Old servers never ack (< v3.7, §2.3); the spec is gone from our side either way.
      this.store.setState({ subscriptions: removeSubscription(subscriptions, spec) });
    }
  }

  private clearAckTimer(spec: string): void {
    const handle = this.ackTimers.get(spec);
    if (handle !== undefined) this.options.timers.clearTimeout(handle);
    this.ackTimers.delete(spec);
  }

  private clearAllAckTimers(): void {
    for (const handle of this.ackTimers.values()) this.options.timers.clearTimeout(handle);
    this.ackTimers.clear();
  }

  private idleConnection(endpoint: string): ConnectionState {
    return { status: 'idle', endpoint, httpBase: '', wsUrl: '', serverVersion: '', user: '', authMode: 'none', tokenMask: '' };
  }

  private setConnection(connection: ConnectionState): void {
    this.store.setState({ connection });
  }

  private patchConnection(patch: Partial<ConnectionState>): void {
    this.store.setState({ connection: { ...this.store.getState().connection, ...patch } });
  }
}

function checkCredentials(request: ConnectRequest): string | null {
  if (request.auth === 'token') return request.token.trim() === '' ? 'enter a token, or a username and password' : null;
  if (request.username === '') return 'enter a username';
  // Basic auth and the `user:password` socket form both split at the first colon (§1.2).
  if (request.username.includes(':')) return 'a username cannot contain ":"';
  return null;
}

/** First 4 characters and an ellipsis: enough to tell tokens apart, never the whole secret. */
export function maskCredential(credential: string): string {
  return credential === '' ? '' : `${credential.slice(0, 4)}…`;
}

/**
 * A browser only learns 1006 from a failed handshake (§1.3), and an untrusted certificate looks the
 * same (§1.5). The REST preflight already passed, so spell out the likely causes.
 */
function closeExplanation(
  info: CloseInfo,
  opened: boolean,
  secure: boolean,
  httpBase: string,
): Pick<ConnectionState, 'message' | 'certificateUrl'> {
  if (opened) {
    if (info.code === 1009) return { message: 'the server closed the socket: a command was longer than 512 bytes', certificateUrl: undefined };
    return { message: undefined, certificateUrl: undefined };
  }
  if (info.code !== 1006) return { message: 'the socket handshake failed', certificateUrl: undefined };
  if (!secure) return { message: 'the socket handshake failed (credentials refused or endpoint unreachable)', certificateUrl: undefined };
  const acceptUrl = `${new URL(httpBase).origin}/`;
  return {
    message: `the socket handshake failed — certificate not trusted or credentials refused; open ${acceptUrl} to accept the certificate`,
    certificateUrl: acceptUrl,
  };
}
