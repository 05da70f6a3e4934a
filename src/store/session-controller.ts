import type { DrpSocket } from '../connection/drp-socket';
import { normalizeEndpoint, withTokenParam } from '../connection/endpoint-url';
import { ReconnectPolicy } from '../connection/reconnect-policy';
import type { CloseInfo } from '../connection/socket-messages';
import { describeFailedReconnectHandshake, describeLostConnection, describeSessionClose } from './close-reason';
import { openGapOf, withGapStarted, withOpenGapEnded } from './connection-gaps';
import type { ConnectionGap } from './connection-gaps';
import type { ConnectRequest, ConnectionState, InspectorStore, ReconnectInfo } from './inspector-state';
import { cancelledMessage, nextPhase, socketOf, socketWasOpen } from './session-phase';
import type { SessionEvent, SessionPhase } from './session-phase';
import {
  checkCredentials,
  connectionFor,
  credentialState,
  preflightFailureState,
  reconnectStoppedMessage,
  runPreflight,
} from './session-preflight';
import type { SessionTarget } from './session-preflight';
import type { SessionOptions } from './session-options';
import { SubscriptionCommands } from './subscription-commands';
import type { RegisterOutcome } from './subscription-registry';

/**
 * Drives the session through its phases (session-phase.ts): preflight over REST
 * (session-preflight.ts), open the socket, and reconnect after an unexpected close; it writes the
 * connection state and opens and ends gaps. Commands and ack timeouts are subscription-commands.ts.
 *
 * Reconnect (docs/reference/drp-protocol.md §7.3): any close the user did not ask for (Disconnect,
 * or a new Connect) schedules an attempt after a backoff delay (reconnect-policy.ts). An attempt
 * repeats the preflight (granting a fresh token when the session started from a password), opens
 * the socket and re-sends every register; the interval counts as a gap until every subscription is
 * acked again.
 */
export class SessionController {
  private phase: SessionPhase = { kind: 'idle' };
  /** Ids are unique per store (they are row keys), so they are counted, not taken from the pruned list. */
  private nextGapId = 1;
  private readonly policy: ReconnectPolicy;
  private readonly commands: SubscriptionCommands;
  private readonly store: InspectorStore;
  private readonly options: SessionOptions;

  constructor(store: InspectorStore, options: SessionOptions) {
    this.store = store;
    this.options = options;
    this.policy = new ReconnectPolicy(options.reconnectPolicy);
    this.commands = new SubscriptionCommands(store, { ...options, onRegisterTimedOut: () => this.checkResumed() });
  }

  async connect(request: ConnectRequest): Promise<void> {
    this.dropSession();
    const endpoint = normalizeEndpoint(request.endpoint);
    const base = connectionFor(request);
    if (!endpoint.ok) {
      this.store.setState({ connection: { ...base, status: 'error', message: endpoint.reason } });
      return;
    }
    const credentialError = checkCredentials(request);
    if (credentialError) {
      this.store.setState({ connection: { ...base, status: 'error', message: credentialError } });
      return;
    }
    this.options.onSessionStart();
    const target: SessionTarget = { request, endpoint };
    const preflight = this.enter({ type: 'connect', target });
    this.store.setState({
      connection: { ...base, status: 'checking', httpBase: endpoint.httpBase, wsUrl: endpoint.wsUrl, endpoint: request.endpoint },
    });

    const result = await runPreflight(this.options.network, target);
    if (this.phase !== preflight) return;
    if (!result.ok) {
      this.enter({ type: 'ended' });
      this.patchConnection({ status: 'error', ...preflightFailureState(result.failure) });
      return;
    }
    this.patchConnection({ status: 'connecting', ...credentialState(result) });
    this.openSocket(target, result.socketCredential);
  }

  disconnect(): void {
    const phase = this.phase;
    this.cancelRetry(phase);
    // The user is done with this endpoint: the credentials kept for reconnects go with the phase.
    this.enter({ type: 'disconnect' });
    const socket = socketOf(phase);
    if (socket) {
      // onClose reports the browser's close code; the socket stays current (phase `closing`) until
      // then, so its close counts as the user's.
      socket.close();
      return;
    }
    const message = cancelledMessage(phase);
    if (message !== null) this.patchConnection({ status: 'closed', reconnect: undefined, message });
  }

  /** Skips the rest of the backoff delay. Ignored unless waiting for the next attempt. */
  reconnectNow(): void {
    if (this.phase.kind !== 'waiting-to-reconnect') return;
    this.cancelRetry(this.phase);
    void this.reconnect();
  }

  register(spec: string): RegisterOutcome {
    return this.commands.register(spec, this.commandSocket());
  }

  deregister(spec: string): void {
    this.commands.deregister(spec, this.commandSocket());
  }

  /** The ingest path applied acks: a reconnect may now be complete. */
  afterAcks(): void {
    this.checkResumed();
  }

  dispose(): void {
    const phase = this.phase;
    this.cancelRetry(phase);
    // Ended first: the socket's close event finds another phase and is ignored.
    this.enter({ type: 'ended' });
    socketOf(phase)?.close();
    this.commands.clearAllAckTimers();
  }

  /** Every phase change goes through here. */
  private enter(event: SessionEvent): SessionPhase {
    this.phase = nextPhase(this.phase, event);
    return this.phase;
  }

  /** A new Connect: drop the old socket (a gap the user caused), any pending reconnect and its credentials. */
  private dropSession(): void {
    const phase = this.phase;
    this.cancelRetry(phase);
    this.enter({ type: 'ended' });
    this.policy.reset();
    const socket = socketOf(phase);
    if (socket) {
      // The phase changed first: the old socket's close event must not count as an unexpected close.
      socket.close();
      this.socketGone('user', socketWasOpen(phase));
    }
    this.commands.clearAllAckTimers();
  }

  private async reconnect(): Promise<void> {
    const waiting = this.phase;
    if (waiting.kind !== 'waiting-to-reconnect') return;
    const preflight = this.enter({ type: 'retry-started' });
    this.patchConnection({ reconnect: { attempt: waiting.attempt, nextAttemptAt: 0 } });
    const result = await runPreflight(this.options.network, waiting.target);
    if (this.phase !== preflight) return;
    if (!result.ok) {
      if (result.failure.kind === 'credentials') {
        // Retrying cannot fix refused credentials and could lock the account; the user decides.
        this.enter({ type: 'ended' });
        this.patchConnection({ status: 'error', reconnect: undefined, message: reconnectStoppedMessage(result.failure) });
        return;
      }
      const failure = preflightFailureState(result.failure, { reconnectAttempt: waiting.attempt });
      this.patchConnection({ ...failure, status: 'reconnecting', reconnect: this.scheduleRetry() });
      return;
    }
    this.patchConnection(credentialState(result));
    this.openSocket(waiting.target, result.socketCredential);
  }

  /** Enters `waiting-to-reconnect` with the next backoff delay; returns what the status bar shows. */
  private scheduleRetry(): ReconnectInfo {
    const now = this.options.now();
    const delay = this.policy.nextDelay(now);
    const timer = setTimeout(() => void this.reconnect(), delay);
    this.enter({ type: 'retry-scheduled', attempt: this.policy.attempt, dueAt: now + delay, timer });
    return { attempt: this.policy.attempt, nextAttemptAt: now + delay };
  }

  private cancelRetry(phase: SessionPhase): void {
    if (phase.kind === 'waiting-to-reconnect') clearTimeout(phase.timer as ReturnType<typeof setTimeout>);
  }

  private openSocket(target: SessionTarget, credential: string): void {
    const socket = this.options.network.openSocket(withTokenParam(target.endpoint.wsUrl, credential), {
      onOpen: () => this.onOpen(socket),
      // A replaced socket may still deliver its last batch (the relay flushes on close, a worker may
      // have posted already): those events belong to the old session, not after the new gap.
      onFrames: (frames) => {
        if (socketOf(this.phase) === socket) this.store.getState().actions.ingestFrames(frames);
      },
      onClose: (info) => this.onClose(socket, info),
    });
    this.enter({ type: 'socket-created', socket });
  }

  private onOpen(socket: DrpSocket): void {
    if (this.phase.kind !== 'connecting' || this.phase.socket !== socket) return;
    // An open after a gap is complete only once every register is acked again (§7.3 step 3).
    this.enter({ type: 'socket-opened', resuming: openGapOf(this.store.getState().gaps) !== undefined });
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
    this.commands.resendAll(socket);
    this.checkResumed();
  }

  private onClose(socket: DrpSocket, info: CloseInfo): void {
    const phase = this.phase;
    if (socketOf(phase) !== socket) return;
    // Disconnect, or the very first handshake failed: nothing to resume; the user decides.
    if (phase.kind === 'closing') return this.endOnClose(info, 'user', phase.wasOpen, phase.secure);
    if (phase.kind === 'connecting' && !phase.reconnect) return this.endOnClose(info, 'lost', false, phase.target.endpoint.secure);
    const opened = phase.kind === 'open';
    const message = opened ? describeLostConnection(info) : describeFailedReconnectHandshake(this.policy.attempt);
    const reconnect = this.scheduleRetry();
    this.socketGone('lost', opened);
    this.patchConnection({ ...closeDetails(info), message, certificateUrl: undefined, status: 'reconnecting', reconnect });
  }

  private endOnClose(info: CloseInfo, cause: ConnectionGap['cause'], opened: boolean, secure: boolean): void {
    this.enter({ type: 'ended' });
    this.socketGone(cause, opened);
    const { httpBase } = this.store.getState().connection;
    this.patchConnection({
      status: 'closed',
      reconnect: undefined,
      ...closeDetails(info),
      ...describeSessionClose(info, opened, secure, httpBase),
    });
  }

  /**
   * The socket is gone (closed, or dropped for a new Connect): the server forgot every spec (§2.3),
   * and an opened socket leaves a gap after the newest event. Runs after the phase changed, so acks
   * in the flushed batch cannot end a gap.
   */
  private socketGone(cause: ConnectionGap['cause'], opened: boolean): void {
    this.options.flushIngest();
    this.commands.forgetConnection();
    if (opened) this.startGap(cause);
  }

  private startGap(cause: ConnectionGap['cause']): void {
    // A connection that drops again before it resumed continues the gap already open.
    if (openGapOf(this.store.getState().gaps) !== undefined) return;
    const gap: ConnectionGap = { id: this.nextGapId, afterSeq: this.options.lastSeq(), from: this.options.now(), to: 0, cause };
    this.nextGapId += 1;
    this.store.setState((state) => ({ gaps: withGapStarted(state.gaps, gap) }));
  }

  /** Ends the gap once no subscription waits for its ack (acked, or failed after the timeout). */
  private checkResumed(): void {
    const phase = this.phase;
    if (phase.kind !== 'open' || !phase.resuming || !phase.socket.isOpen) return;
    if (this.store.getState().subscriptions.some((item) => item.status === 'pending')) return;
    this.enter({ type: 'resumed' });
    const to = this.options.now();
    this.store.setState((state) => ({
      gaps: withOpenGapEnded(state.gaps, to),
      counters: phase.reconnect ? { ...state.counters, reconnects: state.counters.reconnects + 1 } : state.counters,
    }));
  }

  /** The current socket if it is open (commands go out at once), else null (they wait for the open). */
  private commandSocket(): DrpSocket | null {
    const socket = socketOf(this.phase);
    return socket?.isOpen === true ? socket : null;
  }

  private patchConnection(patch: Partial<ConnectionState>): void {
    this.store.setState({ connection: { ...this.store.getState().connection, ...patch } });
  }
}

function closeDetails(info: CloseInfo): Pick<ConnectionState, 'closeCode' | 'closeReason' | 'wasClean'> {
  return { closeCode: info.code, closeReason: info.reason, wasClean: info.wasClean };
}
