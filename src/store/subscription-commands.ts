import type { DrpSocket } from '../connection/drp-socket';
import type { CommandVerb, DrpAck } from '../protocol/event';
import { validateCommand } from '../protocol/filter';
import type { InspectorStore } from './inspector-state';
import {
  findSubscription,
  needsRegister,
  removeSubscription,
  resetForNewConnection,
  setStatus,
  upsertPending,
} from './subscription-registry';
import type { RegisterOutcome, Subscription } from './subscription-registry';

export interface SubscriptionCommandsOptions {
  now: () => number;
  ackTimeoutMs: number;
  /** A pending register was settled by its timeout (marked failed): a reconnect may now be complete. */
  onRegisterTimedOut(): void;
}

/**
 * The command side of subscriptions (docs/reference/drp-protocol.md §2.3): sends register and
 * deregister, re-sends every register when a socket opens, and times out missing acks. Acks
 * themselves arrive in the frame stream and are applied by the ingest path with `applyAcks`, in
 * the same state update as the batch they came in. `socket` is the open socket, or null.
 */
export class SubscriptionCommands {
  private readonly ackTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly store: InspectorStore;
  private readonly options: SubscriptionCommandsOptions;

  constructor(store: InspectorStore, options: SubscriptionCommandsOptions) {
    this.store = store;
    this.options = options;
  }

  /** Validates, then sends `register spec` unless it is already pending or active (then says which). */
  register(spec: string, socket: DrpSocket | null): RegisterOutcome {
    const check = validateCommand('register', spec);
    if (!check.ok) return check;
    const { subscriptions } = this.store.getState();
    if (!needsRegister(subscriptions, spec)) return { ...check, already: findSubscription(subscriptions, spec)?.status ?? 'pending' };
    this.store.setState({ subscriptions: upsertPending(subscriptions, spec, socket ? this.options.now() : 0) });
    if (socket) this.send(socket, 'register', spec);
    return check;
  }

  deregister(spec: string, socket: DrpSocket | null): void {
    const { subscriptions } = this.store.getState();
    if (!findSubscription(subscriptions, spec)) return;
    this.clearAckTimer(spec);
    if (!socket) {
      this.store.setState({ subscriptions: removeSubscription(subscriptions, spec) });
      return;
    }
    this.store.setState({ subscriptions: setStatus(subscriptions, spec, 'deregistering') });
    this.send(socket, 'deregister', spec);
  }

  /** On every open the server starts with no specs (§2.3, §7.3): send each one again. */
  resendAll(socket: DrpSocket): void {
    const now = this.options.now();
    const list = resetForNewConnection(this.store.getState().subscriptions);
    this.store.setState({ subscriptions: list.map((item) => ({ ...item, sentAt: now })) });
    for (const item of list) this.send(socket, 'register', item.spec);
  }

  /** The socket is gone: the server forgot every spec (§2.3), so all wait for re-registration. */
  forgetConnection(): void {
    this.clearAllAckTimers();
    this.store.setState({ subscriptions: resetForNewConnection(this.store.getState().subscriptions) });
  }

  clearAllAckTimers(): void {
    for (const handle of this.ackTimers.values()) clearTimeout(handle);
    this.ackTimers.clear();
  }

  private send(socket: DrpSocket, verb: CommandVerb, spec: string): void {
    const check = validateCommand(verb, spec);
    if (!check.ok || !socket.send(check.text)) return;
    this.clearAckTimer(spec);
    const handle = setTimeout(() => this.onAckTimeout(verb, spec), this.options.ackTimeoutMs);
    this.ackTimers.set(spec, handle);
  }

  private onAckTimeout(verb: CommandVerb, spec: string): void {
    this.ackTimers.delete(spec);
    const { subscriptions } = this.store.getState();
    const item = findSubscription(subscriptions, spec);
    if (!item) return;
    if (verb === 'register' && item.status === 'pending') {
      this.store.setState({ subscriptions: setStatus(subscriptions, spec, 'failed') });
      this.options.onRegisterTimedOut();
    } else if (verb === 'deregister' && item.status === 'deregistering') {
      // Old servers never ack (< v3.7, §2.3); the spec is gone from our side either way.
      this.store.setState({ subscriptions: removeSubscription(subscriptions, spec) });
    }
  }

  private clearAckTimer(spec: string): void {
    const handle = this.ackTimers.get(spec);
    if (handle !== undefined) clearTimeout(handle);
    this.ackTimers.delete(spec);
  }
}

/**
 * Applies a batch's acks in arrival order; returns `list` itself when none changes it. A register
 * ack activates the spec even after it was marked failed: the server did register it, just late.
 * A deregister ack removes the entry only if it is still being deregistered (the user may have
 * re-registered meanwhile; the server then holds it again).
 */
export function applyAcks(list: readonly Subscription[], acks: readonly Pick<DrpAck, 'verb' | 'spec'>[]): readonly Subscription[] {
  let next = list;
  for (const { verb, spec } of acks) {
    const existing = findSubscription(next, spec);
    if (!existing) continue;
    if (verb === 'register') {
      if (existing.status === 'pending' || existing.status === 'failed') next = setStatus(next, spec, 'active');
    } else if (existing.status === 'deregistering') {
      next = removeSubscription(next, spec);
    }
  }
  return next;
}
