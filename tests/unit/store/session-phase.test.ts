import { describe, expect, it } from 'vitest';
import type { DrpSocket } from '../../../src/connection/drp-socket';
import { normalizeEndpoint } from '../../../src/connection/endpoint-url';
import { cancelledMessage, nextPhase, socketOf, socketWasOpen } from '../../../src/store/session-phase';
import type { SessionEvent, SessionPhase } from '../../../src/store/session-phase';
import type { SessionTarget } from '../../../src/store/session-preflight';

function targetFor(endpoint: string): SessionTarget {
  const normalized = normalizeEndpoint(endpoint);
  if (!normalized.ok) throw new Error(normalized.reason);
  return { request: { endpoint, auth: 'token', token: 'tok' }, endpoint: normalized };
}

const target = targetFor('drp.example:8092');
const socket: DrpSocket = { send: () => true, close: () => undefined, isOpen: true };

/** Runs `events` from `start`, returning every phase's kind on the way. */
function walk(start: SessionPhase, events: SessionEvent[]): string[] {
  const kinds: string[] = [];
  let phase = start;
  for (const event of events) {
    phase = nextPhase(phase, event);
    kinds.push(phase.kind);
  }
  return kinds;
}

describe('nextPhase', () => {
  it('runs a connect through preflight and handshake to open, then resumes', () => {
    let phase = nextPhase({ kind: 'idle' }, { type: 'connect', target });
    expect(phase).toEqual({ kind: 'preflight', target, reconnect: false });
    phase = nextPhase(phase, { type: 'socket-created', socket });
    expect(phase).toEqual({ kind: 'connecting', target, socket, reconnect: false });
    phase = nextPhase(phase, { type: 'socket-opened', resuming: true });
    expect(phase).toEqual({ kind: 'open', target, socket, reconnect: false, resuming: true });
    expect(nextPhase(phase, { type: 'resumed' })).toEqual({ kind: 'open', target, socket, reconnect: false, resuming: false });
  });

  it('loses an open socket, waits, and retries as a reconnect that keeps the target', () => {
    const open: SessionPhase = { kind: 'open', target, socket, reconnect: false, resuming: false };
    const waiting = nextPhase(open, { type: 'retry-scheduled', attempt: 1, dueAt: 5000, timer: 7 });
    expect(waiting).toEqual({ kind: 'waiting-to-reconnect', target, attempt: 1, dueAt: 5000, timer: 7 });
    const retry = nextPhase(waiting, { type: 'retry-started' });
    expect(retry).toEqual({ kind: 'preflight', target, reconnect: true });
    expect(nextPhase(retry, { type: 'socket-created', socket })).toMatchObject({ kind: 'connecting', reconnect: true });
    // A reconnect preflight that fails waits again.
    expect(nextPhase(retry, { type: 'retry-scheduled', attempt: 2, dueAt: 9000, timer: 8 })).toMatchObject({
      kind: 'waiting-to-reconnect',
      attempt: 2,
    });
  });

  it('never retries a first preflight: only ending it applies', () => {
    const first: SessionPhase = { kind: 'preflight', target, reconnect: false };
    expect(nextPhase(first, { type: 'retry-scheduled', attempt: 1, dueAt: 1, timer: 1 })).toBe(first);
    expect(nextPhase(first, { type: 'ended' })).toEqual({ kind: 'closed' });
  });

  it('turns a Disconnect with a socket into closing (remembering whether it opened), and without one into closed', () => {
    const connecting: SessionPhase = { kind: 'connecting', target, socket, reconnect: false };
    const open: SessionPhase = { kind: 'open', target, socket, reconnect: true, resuming: true };
    expect(nextPhase(connecting, { type: 'disconnect' })).toEqual({ kind: 'closing', socket, wasOpen: false, secure: true });
    const closing = nextPhase(open, { type: 'disconnect' });
    expect(closing).toEqual({ kind: 'closing', socket, wasOpen: true, secure: true });
    expect(nextPhase(closing, { type: 'disconnect' })).toBe(closing);
    expect(walk({ kind: 'preflight', target, reconnect: true }, [{ type: 'disconnect' }])).toEqual(['closed']);
    expect(walk({ kind: 'waiting-to-reconnect', target, attempt: 1, dueAt: 1, timer: 1 }, [{ type: 'disconnect' }])).toEqual(['closed']);
  });

  it('leaves the phase as it is for events that do not apply to it', () => {
    const phases: SessionPhase[] = [
      { kind: 'idle' },
      { kind: 'closed' },
      { kind: 'closing', socket, wasOpen: true, secure: false },
      { kind: 'waiting-to-reconnect', target, attempt: 1, dueAt: 1, timer: 1 },
    ];
    const late: SessionEvent[] = [{ type: 'socket-created', socket }, { type: 'socket-opened', resuming: false }, { type: 'resumed' }];
    for (const phase of phases) for (const event of late) expect(nextPhase(phase, event)).toBe(phase);
    const open: SessionPhase = { kind: 'open', target, socket, reconnect: false, resuming: false };
    expect(nextPhase(open, { type: 'resumed' })).toBe(open);
    expect(nextPhase(open, { type: 'retry-started' })).toBe(open);
  });

  it('starts a new preflight on Connect from any phase', () => {
    const other = targetFor('http://127.0.0.1:9000');
    const closing: SessionPhase = { kind: 'closing', socket, wasOpen: true, secure: true };
    expect(nextPhase(closing, { type: 'connect', target: other })).toEqual({ kind: 'preflight', target: other, reconnect: false });
  });
});

describe('what a phase holds', () => {
  it('has a socket only while connecting, open or closing; only an opened one counts as opened', () => {
    expect(socketOf({ kind: 'connecting', target, socket, reconnect: false })).toBe(socket);
    expect(socketOf({ kind: 'closing', socket, wasOpen: false, secure: true })).toBe(socket);
    expect(socketOf({ kind: 'waiting-to-reconnect', target, attempt: 1, dueAt: 1, timer: 1 })).toBeNull();
    expect(socketWasOpen({ kind: 'connecting', target, socket, reconnect: true })).toBe(false);
    expect(socketWasOpen({ kind: 'open', target, socket, reconnect: true, resuming: false })).toBe(true);
    expect(socketWasOpen({ kind: 'closing', socket, wasOpen: true, secure: true })).toBe(true);
  });

  it('names what a Disconnect without a socket cancels', () => {
    expect(cancelledMessage({ kind: 'preflight', target, reconnect: false })).toBe('cancelled');
    expect(cancelledMessage({ kind: 'preflight', target, reconnect: true })).toBe('reconnect cancelled');
    expect(cancelledMessage({ kind: 'waiting-to-reconnect', target, attempt: 2, dueAt: 1, timer: 1 })).toBe('reconnect cancelled');
    expect(cancelledMessage({ kind: 'closed' })).toBeNull();
  });
});
