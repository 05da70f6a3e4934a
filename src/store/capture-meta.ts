import type { CaptureMeta, StoredGap, StoredSubscription } from '../lib/capture-storage/capture-records';
import type { ConnectionGap } from './connection-gaps';
import type { ConnectionState } from './inspector-state';
import type { Subscription } from './subscription-registry';

/** Scheme, host and port of an endpoint URL, nothing else (no userinfo, path or query); "" when unreadable. */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin === 'null' ? '' : parsed.origin;
  } catch {
    return '';
  }
}

function iso(at: number): string {
  return new Date(at).toISOString();
}

/** Subscriptions with an outcome (acked or failed): the history a new capture starts with. */
export function subscriptionOutcomes(list: readonly Subscription[], at: number): StoredSubscription[] {
  return list
    .filter((item) => item.status === 'active' || item.status === 'failed')
    .map((item) => ({ spec: item.spec, at: iso(item.sentAt || at), state: item.status }));
}

/** Outcomes reached between two versions of the list (a spec that turned active or failed). */
export function newOutcomes(before: readonly Subscription[], after: readonly Subscription[], at: number): StoredSubscription[] {
  const previous = new Map(before.map((item) => [item.spec, item.status]));
  return after
    .filter((item) => (item.status === 'active' || item.status === 'failed') && previous.get(item.spec) !== item.status)
    .map((item) => ({ spec: item.spec, at: iso(at), state: item.status }));
}

export interface CaptureOrigin {
  source: CaptureMeta['source'];
  from: string;
  endpoint: string;
  user: string;
}

/** A live capture's origin: the endpoint's origin (the token is never part of it) and the user. */
export function liveOriginOf(connection: ConnectionState): CaptureOrigin {
  const endpoint = originOf(connection.httpBase || connection.endpoint);
  return { source: 'live', from: endpoint, endpoint, user: connection.user };
}

/** A fresh capture's record, before its first chunk is written. */
export function newCaptureMeta(origin: CaptureOrigin, subscriptions: StoredSubscription[], at: number): CaptureMeta {
  const host = origin.endpoint ? new URL(origin.endpoint).host : 'no endpoint';
  const name = origin.source === 'live' ? `${host} ${iso(at).slice(0, 19).replace('T', ' ')}` : `${origin.from} (imported)`;
  return {
    name,
    source: origin.source,
    from: origin.from,
    endpoint: origin.endpoint,
    user: origin.user,
    startedAt: iso(at),
    endedAt: iso(at),
    firstTime: '',
    lastTime: '',
    events: 0,
    evicted: 0,
    rawBytes: 0,
    storedBytes: 0,
    subscriptions,
    gaps: [],
    ended: false,
  };
}

/** A timeline gap as the capture stores it, after event number `afterEvent` of the capture. */
export function storedGapOf(gap: ConnectionGap, afterEvent: number): StoredGap {
  return {
    afterEvent,
    from: iso(gap.from),
    to: gap.to > 0 ? iso(gap.to) : '',
    reason: gap.cause === 'lost' ? 'connection lost' : 'disconnected',
  };
}
