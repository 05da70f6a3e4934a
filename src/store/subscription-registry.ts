import type { CommandCheck } from '../protocol/filter';

/**
 * Pure transitions of the subscription list (docs/reference/drp-protocol.md §2.3). The server keeps an exact-string
 * set per connection, acks every well-formed command, and forgets everything on disconnect; this
 * list is the client's view of that set. Sending commands and applying their acks is
 * subscription-commands.ts.
 *
 * pending       sent (or waiting for the socket to open), no ack yet
 * active        acked: from here on nothing matching it is missed (§2.3 ordering guarantee)
 * failed        no ack within the timeout (old servers < v3.7 never ack; §2.3 "Old servers")
 * deregistering deregister sent, waiting for its ack
 */
export type SubscriptionStatus = 'pending' | 'active' | 'failed' | 'deregistering';

/** A register's result: refused, sent (or queued for the open), or `already` registered and not sent again. */
export type RegisterOutcome = CommandCheck | { ok: true; text: string; already: SubscriptionStatus };

export interface Subscription {
  /** The spec exactly as sent; also the ack's `Key` (§2.3) and the list identity. */
  spec: string;
  status: SubscriptionStatus;
  /** Events attributed to this spec by local matching (§3.4); one event may count for several specs. */
  count: number;
  /** `Date.now()` when the last command for it was sent; 0 while waiting for the socket. */
  sentAt: number;
}

export function findSubscription(list: readonly Subscription[], spec: string): Subscription | undefined {
  return list.find((item) => item.spec === spec);
}

/** Pending only locally: no socket was open yet, so nothing went to the server (it goes on the next open). */
export function isUnsent(item: Subscription): boolean {
  return item.status === 'pending' && item.sentAt === 0;
}

/**
 * An active or pending spec that already delivers every event `spec` would: each of its three
 * fields is `*` or the same text (docs/reference/drp-protocol.md §3.4). Undefined when none does.
 * Comma lists and escapes are compared as text, so this may miss a cover, never invent one.
 */
export function coveringSubscription(list: readonly Subscription[], spec: string): Subscription | undefined {
  const fields = spec.split('.');
  if (fields.length < 3) return undefined;
  const wanted = [fields[0], fields[1], fields.slice(2).join('.')];
  return list.find((item) => {
    if (item.spec === spec || (item.status !== 'active' && item.status !== 'pending')) return false;
    const parts = item.spec.split('.');
    const have = [parts[0], parts[1], parts.slice(2).join('.')];
    return have.every((field, index) => field === '*' || field === wanted[index]);
  });
}

/** Whether `register spec` has to go on the wire: not for a spec already pending or active (§2.3). */
export function needsRegister(list: readonly Subscription[], spec: string): boolean {
  const existing = findSubscription(list, spec);
  return existing === undefined || existing.status === 'failed' || existing.status === 'deregistering';
}

/** Adds `spec` as pending, or turns a failed/deregistering entry back to pending; keeps its count. */
export function upsertPending(list: readonly Subscription[], spec: string, sentAt: number): Subscription[] {
  if (!findSubscription(list, spec)) return [...list, { spec, status: 'pending', count: 0, sentAt }];
  return list.map((item) => (item.spec === spec ? { ...item, status: 'pending', sentAt } : item));
}

export function setStatus(list: readonly Subscription[], spec: string, status: SubscriptionStatus): Subscription[] {
  return list.map((item) => (item.spec === spec && item.status !== status ? { ...item, status } : item));
}

export function removeSubscription(list: readonly Subscription[], spec: string): Subscription[] {
  return list.filter((item) => item.spec !== spec);
}

/** The socket closed: the server forgot every spec, so all wait for re-registration (§2.3). */
export function resetForNewConnection(list: readonly Subscription[]): Subscription[] {
  return list
    .filter((item) => item.status !== 'deregistering')
    .map((item) => (item.status === 'pending' && item.sentAt === 0 ? item : { ...item, status: 'pending', sentAt: 0 }));
}

/** Adds per-spec counts (same order as `list`); returns `list` itself when nothing changed. */
export function addCounts(list: readonly Subscription[], counts: readonly number[]): readonly Subscription[] {
  if (!counts.some((n) => n > 0)) return list;
  return list.map((item, index) => {
    const extra = counts[index] ?? 0;
    return extra > 0 ? { ...item, count: item.count + extra } : item;
  });
}
