import type { DrpSocket } from '../connection/drp-socket';
import { normalizeEndpoint, withTokenParam } from '../connection/endpoint-url';
import type { Endpoint } from '../connection/endpoint-url';
import { ReconnectPolicy } from '../connection/reconnect-policy';
import type { ReconnectPolicyOptions } from '../connection/reconnect-policy';
import { describeRestFailure } from '../connection/rest-client';
import type { RestAuth, RestFailure } from '../connection/rest-client';
import type { CloseInfo } from '../connection/socket-messages';
import type { CommandVerb } from '../protocol/event';
import { validateCommand } from '../protocol/filter';
import type { CommandCheck } from '../protocol/filter';
import { GAP_LIMIT } from './inspector-state';
import type { AuthMode, ConnectRequest, ConnectionGap, ConnectionState, InspectorStore } from './inspector-state';
import type { NetworkDeps } from './network-deps';
import { findSubscription, needsRegister, removeSubscription, resetForNewConnection, setStatus, upsertPending } from './subscription-list';

/** Token lifetime asked for when granting one from username/password (docs/reference/drp-protocol.md §1.4). */
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

/** What a reconnect needs to repeat the connect. Memory only; dropped on Disconnect. */
interface SessionTarget {
  /**
   * Kept whole, password included: a reconnect grants a fresh token with it (see `preflight`).
   * This object never enters store state, storage or logs.
   */
  request: ConnectRequest;
  endpoint: Endpoint;
}

type Preflight = { ok: true; socketCredential: string; authMode: AuthMode; serverVersion: string } | { ok: false; failure: RestFailure };

/**
 * Connection lifecycle and the command side of subscriptions: preflight over REST, open the socket,
 * (re)send registers, time out missing acks, and reconnect after an unexpected close. Acks arrive
 * through the ingest path and are applied there (`applyAck`), because they share the frame stream
 * with events; the store then calls `afterAcks`.
 *
 * Reconnect (docs/reference/drp-protocol.md §7.3): any close the user did not ask for (Disconnect, or a new
 * Connect) schedules an attempt after a backoff delay (reconnect-policy.ts). An attempt repeats the
 * preflight (granting a fresh token when the session started from a password), opens the socket and
 * re-sends every register; the interval counts as a gap until every subscription is acked again.
 */
export class SessionController {
  private socket: DrpSocket | null = null;
  /** Whether `socket` has opened (a socket that never opened leaves no gap). */
  private socketOpened = false;
  /** Incremented by every connect/disconnect/attempt so stale async results and closes are ignored. */
  private attempt = 0;
  private target: SessionTarget | null = null;
  private retryTimer: unknown = undefined;
  /** After an open that follows a gap: true until no subscription is pending any more. */
  private resuming = false;
  private resumingIsReconnect = false;
  private nextGapId = 1;
  private readonly policy: ReconnectPolicy;
  private readonly ackTimers = new Map<string, unknown>();
  private readonly store: InspectorStore;
  private readonly options: SessionOptions;

  constructor(store: InspectorStore, options: SessionOptions) {
    this.store = store;
    this.options = options;
    this.policy = new ReconnectPolicy(options.reconnectPolicy);
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
    const target: SessionTarget = { request, endpoint };
    this.setConnection({ ...base, status: 'checking', httpBase: endpoint.httpBase, wsUrl: endpoint.wsUrl, endpoint: request.endpoint });

    const result = await this.preflight(target);
    if (attempt !== this.attempt) return;
    if (!result.ok) {
      this.patchConnection({
        status: 'error',
        message: describeRestFailure(result.failure),
        certificateUrl: result.failure.kind === 'certificate' ? result.failure.acceptUrl : undefined,
      });
      return;
    }
    this.target = target;
    this.patchConnection({ status: 'connecting', ...credentialState(result) });
    this.openSocket(attempt, withTokenParam(endpoint.wsUrl, result.socketCredential), endpoint.secure, false);
  }

  disconnect(): void {
    this.attempt += 1;
    // The user is done with this endpoint: forget the credentials kept for reconnects.
    this.target = null;
    this.cancelRetry();
    const socket = this.socket;
    if (socket) {
      // onClose reports the browser's close code; the socket stays current until then, and the
      // attempt number no longer matches, so the close counts as the user's.
      socket.close();
      return;
    }
    const { status } = this.store.getState().connection;
    if (status === 'checking' || status === 'connecting') {
      this.patchConnection({ status: 'closed', message: 'cancelled' });
    } else if (status === 'reconnecting') {
      this.patchConnection({ status: 'closed', reconnect: undefined, message: 'reconnect cancelled' });
    }
  }

  /** Skips the rest of the backoff delay. Ignored unless waiting for the next attempt. */
  reconnectNow(): void {
    if (this.retryTimer === undefined || !this.target) return;
    this.cancelRetry();
    void this.reconnect();
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

  /** The ingest path applied acks: a reconnect may now be complete. */
  afterAcks(): void {
    this.checkResumed();
  }

  dispose(): void {
    this.attempt += 1;
    this.target = null;
    this.cancelRetry();
    this.socket?.close();
    this.socket = null;
    this.clearAllAckTimers();
  }

  /** A new Connect: drop the old socket (a gap the user caused) and any pending reconnect. */
  private beginAttempt(): number {
    this.attempt += 1;
    // The previous session's credentials go now, even if this attempt fails before it stores its own.
    this.target = null;
    this.cancelRetry();
    this.policy.reset();
    const socket = this.socket;
    if (socket) {
      // Detach first: the old socket's close event must not count as an unexpected close.
      this.socket = null;
      socket.close();
      this.socketGone('user');
    }
    this.clearAllAckTimers();
    return this.attempt;
  }

  /**
   * REST before the socket (§1.3, §1.4): a browser sees only 1006 for a failed upgrade, so
   * credentials and reachability are checked here. Runs again on every reconnect attempt.
   *
   * A session started from username/password grants a new token on every attempt, with the password
   * kept in memory (SessionTarget). Re-granting with the current token (§1.4 allows Bearer on the
   * token route) fails exactly when it matters: after the token expired (the browser cannot read the
   * expiry, tokens are opaque) or after a restart that changed the server's secrets. A token the user
   * typed is reused as it is; if the server refuses it, the reconnect stops and says so.
   */
  private async preflight(target: SessionTarget): Promise<Preflight> {
    const { request, endpoint } = target;
    const { network } = this.options;
    let restAuth: RestAuth;
    let socketCredential: string;
    let authMode: AuthMode;
    if (request.auth === 'password') {
      const grant = await network.fetchUserToken(endpoint.httpBase, request.username, request.password, TOKEN_TTL_SECONDS);
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
        return { ok: false, failure: grant.failure };
      }
    } else {
      restAuth = { kind: 'bearer', token: request.token };
      socketCredential = request.token;
      authMode = 'token';
    }
    const info = await network.fetchInfo(endpoint.httpBase, restAuth);
    if (!info.ok) return { ok: false, failure: info.failure };
    return { ok: true, socketCredential, authMode, serverVersion: info.value.version };
  }

  private async reconnect(): Promise<void> {
    const target = this.target;
    if (!target) return;
    this.attempt += 1;
    const attempt = this.attempt;
    const attemptNumber = this.policy.attempt;
    this.patchConnection({ reconnect: { attempt: attemptNumber, nextAttemptAt: 0 } });
    const result = await this.preflight(target);
    if (attempt !== this.attempt) return;
    if (!result.ok) {
      if (result.failure.kind === 'credentials') {
        // Retrying cannot fix refused credentials and could lock the account; the user decides.
        this.target = null;
        this.patchConnection({
          status: 'error',
          reconnect: undefined,
          message: `reconnect stopped: ${describeRestFailure(result.failure)} (the token may have expired or been revoked); connect again`,
        });
        return;
      }
      this.scheduleRetry({
        message: `reconnect attempt ${attemptNumber} failed: ${describeRestFailure(result.failure)}`,
        certificateUrl: result.failure.kind === 'certificate' ? result.failure.acceptUrl : undefined,
      });
      return;
    }
    this.patchConnection(credentialState(result));
    this.openSocket(attempt, withTokenParam(target.endpoint.wsUrl, result.socketCredential), target.endpoint.secure, true);
  }

  private scheduleRetry(patch: Partial<ConnectionState>): void {
    this.cancelRetry();
    const now = this.options.now();
    const delay = this.policy.nextDelay(now);
    this.retryTimer = this.options.timers.setTimeout(() => {
      this.retryTimer = undefined;
      void this.reconnect();
    }, delay);
    this.patchConnection({ ...patch, status: 'reconnecting', reconnect: { attempt: this.policy.attempt, nextAttemptAt: now + delay } });
  }

  private cancelRetry(): void {
    if (this.retryTimer !== undefined) this.options.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  private openSocket(attempt: number, url: string, secure: boolean, isReconnect: boolean): void {
    let opened = false;
    const socket = this.options.network.openSocket(url, {
      onOpen: () => {
        if (this.socket !== socket) return;
        opened = true;
        this.socketOpened = true;
        this.policy.markOpen(this.options.now());
        this.patchConnection({
          status: 'open',
          reconnect: undefined,
          message: undefined,
          certificateUrl: undefined,
          closeCode: undefined,
          closeReason: undefined,
          wasClean: undefined,
        });
        this.resendRegisters();
        // An open after a gap is complete only once every register is acked again (§7.3 step 3).
        this.resuming = this.openGap() !== undefined;
        this.resumingIsReconnect = isReconnect;
        this.checkResumed();
      },
      // A replaced socket may still deliver its last batch (the relay flushes on close, a worker may
      // have posted already): those events belong to the old session, not after the new gap.
      onFrames: (frames) => {
        if (this.socket === socket) this.store.getState().actions.ingestFrames(frames);
      },
      onClose: (info) => {
        if (this.socket !== socket) return;
        this.socket = null;
        const userAsked = attempt !== this.attempt;
        this.socketGone(userAsked ? 'user' : 'lost');
        const details = { closeCode: info.code, closeReason: info.reason, wasClean: info.wasClean };
        if (userAsked || (!opened && !isReconnect)) {
          // Disconnect, or the very first handshake failed: nothing to resume; the user decides.
          if (!userAsked) this.target = null;
          this.patchConnection({
            status: 'closed',
            reconnect: undefined,
            ...details,
            ...closeExplanation(info, opened, secure, this.store.getState().connection.httpBase),
          });
          return;
        }
        this.scheduleRetry({
          ...details,
          message: opened ? lostMessage(info) : `reconnect attempt ${this.policy.attempt} failed: the socket handshake failed`,
          certificateUrl: undefined,
        });
      },
    });
    this.socketOpened = false;
    if (attempt === this.attempt) this.socket = socket;
    else socket.close();
  }

  /**
   * The socket is gone (closed, or dropped for a new Connect): the server forgot every spec (§2.3),
   * so all wait for re-registration, and an opened socket leaves a gap after the newest event.
   */
  private socketGone(cause: ConnectionGap['cause']): void {
    this.clearAllAckTimers();
    this.resuming = false;
    this.options.flushIngest();
    this.store.setState({ subscriptions: resetForNewConnection(this.store.getState().subscriptions) });
    if (this.socketOpened) this.startGap(cause);
    this.socketOpened = false;
  }

  private startGap(cause: ConnectionGap['cause']): void {
    // A connection that drops again before it resumed continues the gap already open.
    if (this.openGap() !== undefined) return;
    const gap: ConnectionGap = { id: this.nextGapId, afterSeq: this.options.lastSeq(), from: this.options.now(), to: 0, cause };
    this.nextGapId += 1;
    this.store.setState((state) => ({ gaps: [...state.gaps, gap].slice(-GAP_LIMIT) }));
  }

  private openGap(): ConnectionGap | undefined {
    const { gaps } = this.store.getState();
    const last = gaps[gaps.length - 1];
    return last !== undefined && last.to === 0 ? last : undefined;
  }

  /** Ends the gap once no subscription waits for its ack (acked, or failed after the timeout). */
  private checkResumed(): void {
    if (!this.resuming || this.socket?.isOpen !== true) return;
    const { subscriptions } = this.store.getState();
    if (subscriptions.some((item) => item.status === 'pending')) return;
    this.resuming = false;
    const open = this.openGap();
    const to = this.options.now();
    this.store.setState((state) => ({
      gaps: open ? state.gaps.map((gap) => (gap.id === open.id ? { ...gap, to } : gap)) : state.gaps,
      counters: this.resumingIsReconnect ? { ...state.counters, reconnects: state.counters.reconnects + 1 } : state.counters,
    }));
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
      this.checkResumed();
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

function credentialState(result: Extract<Preflight, { ok: true }>): Partial<ConnectionState> {
  return {
    serverVersion: result.serverVersion,
    authMode: result.authMode,
    // With the password in the URL there is no token; never show any part of a password.
    tokenMask: result.authMode === 'password-in-url' ? '' : maskCredential(result.socketCredential),
  };
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

/** The only close frame DRP sends with a code of its own (§7.2, kb-00056). */
export const COMMAND_TOO_LONG_MESSAGE = 'a command exceeded 512 bytes; the server closed the socket (close code 1009)';

/**
 * Why an open socket closed without the user asking (§7.2). Melody drops the TCP connection without
 * a close frame on restarts, crashes, read errors and pong timeouts: the browser reports 1006.
 */
function lostMessage(info: CloseInfo): string {
  if (info.code === 1009) return COMMAND_TOO_LONG_MESSAGE;
  if (info.code === 1006) return 'connection lost (code 1006: server restart, network drop or missed pings)';
  return `the server closed the connection (code ${info.code}${info.reason ? `: ${info.reason}` : ''})`;
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
    if (info.code === 1009) return { message: COMMAND_TOO_LONG_MESSAGE, certificateUrl: undefined };
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
