import type { DrpSocket } from '../connection/drp-socket';
import type { SessionTarget } from './session-preflight';

/**
 * Where the session is, as one value. Every phase carries what only it needs, so nothing can be
 * "open" without a socket or "waiting" without a timer. The controller changes phase only through
 * `nextPhase`; async results and socket callbacks check that the phase they started in is still
 * the current one (by identity), which is how a Disconnect or a new Connect makes them stale.
 *
 * idle                  nothing started yet
 * preflight             REST checks running (`reconnect`: an automatic attempt, status `reconnecting`)
 * connecting            socket created, handshake running
 * open                  socket open; `resuming` until every re-register after a gap is settled
 * waiting-to-reconnect  lost without the user asking; the next attempt is due at `dueAt`
 * closing               the user asked (Disconnect); the socket's close event is still to come
 * closed                the session ended: Disconnect done, a failure the user must act on, dispose
 */
export type SessionPhase =
  | { kind: 'idle' }
  | { kind: 'preflight'; target: SessionTarget; reconnect: boolean }
  | { kind: 'connecting'; target: SessionTarget; socket: DrpSocket; reconnect: boolean }
  | { kind: 'open'; target: SessionTarget; socket: DrpSocket; reconnect: boolean; resuming: boolean }
  | { kind: 'waiting-to-reconnect'; target: SessionTarget; attempt: number; dueAt: number; timer: unknown }
  | { kind: 'closing'; socket: DrpSocket; wasOpen: boolean; secure: boolean }
  | { kind: 'closed' };

export type SessionEvent =
  /** A Connect passed its local checks: start the preflight (from any phase; the old session was dropped). */
  | { type: 'connect'; target: SessionTarget }
  /** The preflight passed and the socket exists. */
  | { type: 'socket-created'; socket: DrpSocket }
  | { type: 'socket-opened'; resuming: boolean }
  /** Every re-register after the gap was acked or timed out. */
  | { type: 'resumed' }
  /** Lost (a close, or a failed reconnect preflight): wait for the next attempt. */
  | { type: 'retry-scheduled'; attempt: number; dueAt: number; timer: unknown }
  /** The backoff delay is over (or "Reconnect now"): repeat the preflight. */
  | { type: 'retry-started' }
  | { type: 'disconnect' }
  /** Nothing to resume: a failure the user must act on, a new Connect dropping the old session, dispose. */
  | { type: 'ended' };

/**
 * The one place phases change. An event that does not apply to `phase` (a late callback, a double
 * Disconnect) leaves it as it is.
 */
export function nextPhase(phase: SessionPhase, event: SessionEvent): SessionPhase {
  switch (event.type) {
    case 'connect':
      return { kind: 'preflight', target: event.target, reconnect: false };
    case 'socket-created':
      if (phase.kind !== 'preflight') return phase;
      return { kind: 'connecting', target: phase.target, socket: event.socket, reconnect: phase.reconnect };
    case 'socket-opened':
      if (phase.kind !== 'connecting') return phase;
      return { kind: 'open', target: phase.target, socket: phase.socket, reconnect: phase.reconnect, resuming: event.resuming };
    case 'resumed':
      return phase.kind === 'open' && phase.resuming ? { ...phase, resuming: false } : phase;
    case 'retry-scheduled':
      // Only a session that was connected, or is already reconnecting, retries.
      if (phase.kind !== 'connecting' && phase.kind !== 'open' && !(phase.kind === 'preflight' && phase.reconnect)) return phase;
      return { kind: 'waiting-to-reconnect', target: phase.target, attempt: event.attempt, dueAt: event.dueAt, timer: event.timer };
    case 'retry-started':
      if (phase.kind !== 'waiting-to-reconnect') return phase;
      return { kind: 'preflight', target: phase.target, reconnect: true };
    case 'disconnect':
      if (phase.kind === 'closing') return phase;
      if (phase.kind === 'connecting' || phase.kind === 'open') {
        return { kind: 'closing', socket: phase.socket, wasOpen: phase.kind === 'open', secure: phase.target.endpoint.secure };
      }
      return { kind: 'closed' };
    case 'ended':
      return { kind: 'closed' };
  }
}

/** The current socket: created, open, or closing at the user's request. */
export function socketOf(phase: SessionPhase): DrpSocket | null {
  return phase.kind === 'connecting' || phase.kind === 'open' || phase.kind === 'closing' ? phase.socket : null;
}

/** Whether the phase's socket ever opened (only an opened socket leaves a gap). */
export function socketWasOpen(phase: SessionPhase): boolean {
  return phase.kind === 'open' || (phase.kind === 'closing' && phase.wasOpen);
}

/** The connection message a Disconnect leaves when there is no socket to wait for, or null. */
export function cancelledMessage(phase: SessionPhase): string | null {
  if (phase.kind === 'preflight') return phase.reconnect ? 'reconnect cancelled' : 'cancelled';
  if (phase.kind === 'waiting-to-reconnect') return 'reconnect cancelled';
  return null;
}
