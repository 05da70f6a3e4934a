import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DrpSocket } from '../../../src/connection/drp-socket';
import type { InspectorState } from '../../../src/store/inspector-state';
import { SubscriptionCommands, applyAcks } from '../../../src/store/subscription-commands';
import type { Subscription, SubscriptionStatus } from '../../../src/store/subscription-registry';

const item = (spec: string, status: SubscriptionStatus, count = 0): Subscription => ({ spec, status, count, sentAt: 1 });

describe('applyAcks', () => {
  it('activates pending and late (failed) registers, and removes only entries being deregistered', () => {
    const list = [item('a.*.*', 'pending', 3), item('b.*.*', 'failed'), item('c.*.*', 'deregistering'), item('d.*.*', 'active')];
    const next = applyAcks(list, [
      { verb: 'register', spec: 'a.*.*' },
      { verb: 'register', spec: 'b.*.*' },
      { verb: 'deregister', spec: 'c.*.*' },
      { verb: 'deregister', spec: 'd.*.*' },
    ]);
    expect(next).toEqual([item('a.*.*', 'active', 3), item('b.*.*', 'active'), item('d.*.*', 'active')]);
  });

  it('applies acks in arrival order and returns the list itself when none changes it', () => {
    const list = [item('a.*.*', 'deregistering')];
    expect(applyAcks(list, [{ verb: 'register', spec: 'a.*.*' }])).toBe(list);
    expect(applyAcks(list, [{ verb: 'register', spec: 'unknown' }])).toBe(list);
    expect(applyAcks(list, [])).toBe(list);
    expect(applyAcks(list, [{ verb: 'deregister', spec: 'a.*.*' }])).toEqual([]);
  });
});

describe('SubscriptionCommands', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup() {
    // The commands read and write only `subscriptions`.
    const store = createStore<InspectorState>()(() => ({ subscriptions: [] }) as unknown as InspectorState);
    const sent: string[] = [];
    const socket: DrpSocket = {
      send: (text) => {
        sent.push(text);
        return true;
      },
      close: () => undefined,
      isOpen: true,
    };
    const timedOut = vi.fn();
    const commands = new SubscriptionCommands(store, {
      now: () => 42,
      ackTimeoutMs: 5000,
      onRegisterTimedOut: timedOut,
    });
    const statuses = () => store.getState().subscriptions.map((s) => `${s.spec}:${s.status}`);
    return { store, sent, socket, timedOut, commands, statuses };
  }

  it('keeps a register pending without a socket and sends it when the socket opens', () => {
    const t = setup();
    expect(t.commands.register('machines.*.*', null).ok).toBe(true);
    expect(t.store.getState().subscriptions).toEqual([{ spec: 'machines.*.*', status: 'pending', count: 0, sentAt: 0 }]);
    expect(t.sent).toEqual([]);
    t.commands.resendAll(t.socket);
    expect(t.sent).toEqual(['register machines.*.*']);
    expect(t.store.getState().subscriptions[0]?.sentAt).toBe(42);
  });

  it('marks a register failed when no ack came within the timeout, and says so', () => {
    const t = setup();
    t.commands.register('machines.*.*', t.socket);
    vi.advanceTimersByTime(4999);
    expect(t.statuses()).toEqual(['machines.*.*:pending']);
    vi.advanceTimersByTime(1);
    expect(t.statuses()).toEqual(['machines.*.*:failed']);
    expect(t.timedOut).toHaveBeenCalledTimes(1);
  });

  it('drops a deregistered spec after the timeout (old servers never ack), and at once without a socket', () => {
    const t = setup();
    t.commands.register('a.*.*', t.socket);
    t.commands.register('b.*.*', t.socket);
    t.commands.deregister('a.*.*', t.socket);
    expect(t.sent).toEqual(['register a.*.*', 'register b.*.*', 'deregister a.*.*']);
    expect(t.statuses()).toEqual(['a.*.*:deregistering', 'b.*.*:pending']);
    t.commands.deregister('b.*.*', null);
    expect(t.statuses()).toEqual(['a.*.*:deregistering']);
    vi.advanceTimersByTime(5000);
    expect(t.statuses()).toEqual([]);
    expect(t.timedOut).not.toHaveBeenCalled();
  });

  it('refuses an invalid spec without sending, and forgets every timer with the connection', () => {
    const t = setup();
    expect(t.commands.register('machines', t.socket).ok).toBe(false);
    expect(t.sent).toEqual([]);
    t.commands.register('machines.*.*', t.socket);
    t.commands.forgetConnection();
    vi.advanceTimersByTime(10_000);
    expect(t.store.getState().subscriptions).toEqual([{ spec: 'machines.*.*', status: 'pending', count: 0, sentAt: 0 }]);
    expect(t.timedOut).not.toHaveBeenCalled();
  });
});
