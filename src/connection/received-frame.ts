import type { ChangeFacts } from '../lib/change-facts';
import { objectFactsOf } from '../lib/object-facts';
import type { ObjectFacts } from '../lib/object-facts';
import type { DrpAck } from '../protocol/event';
import { DeferredOriginalParser } from './deferred-original';
import { VersionTracker } from './version-tracker';

/**
 * What subscription matching reads from an event's `Object`: `compileFilter` (protocol/filter.ts)
 * looks at `Object.Machine` / `Object.WorkOrder` of `jobs` events for `machine_jobs` /
 * `work_order_jobs` specs (docs/reference/drp-protocol.md §3.2), and nothing else. Only string values are kept: a
 * non-string can match only a `*` key, which matches whatever the field holds.
 */
export interface JobLinks {
  Machine?: string;
  WorkOrder?: string;
}

/**
 * The header of one event: the fields the store indexes and the timeline shows, plus what local
 * matching needs. It is shaped like the protocol's `FilterableEvent` (`Object` holds only the job
 * links, null for every other type), so a compiled filter tests it directly.
 */
export interface EventHeader {
  Time: string;
  Type: string;
  Action: string;
  Key: string;
  /** "" when the server sent none (< v3.11). */
  Principal: string;
  Object: JobLinks | null;
  /** `Original` was present and not null (v3.13+ sends it on saves and updates, §4.2). */
  hasOriginal: boolean;
  /** What this event changed (version-tracker.ts), computed here where the frame is parsed. */
  changes: ChangeFacts;
  /** Name, state and workflow position for labels, highlights and the Objects view. */
  facts: ObjectFacts | null;
}

/**
 * One websocket frame, classified where it was received (the socket worker, or the main-thread
 * fallback) so the store never parses a frame again. Events keep their text: `Object`/`Original` are
 * parsed lazily from it when a view needs them, and the timeline's free-text filter searches it.
 * `bytes` is the text length (UTF-16 code units), as `parseFrame` reports it.
 */
export type ReceivedFrame =
  | { kind: 'event'; raw: string; bytes: number; header: EventHeader }
  | { kind: 'ack'; ack: DrpAck; bytes: number }
  | { kind: 'error'; reason: string; bytes: number; preview: string };

function stringField(object: Record<string, unknown>, field: string): string | undefined {
  const value = object[field];
  return typeof value === 'string' ? value : undefined;
}

function jobLinksOf(type: string, object: unknown): JobLinks | null {
  if (type !== 'jobs' || object === null || typeof object !== 'object' || Array.isArray(object)) return null;
  const record = object as Record<string, unknown>;
  const links: JobLinks = {};
  const machine = stringField(record, 'Machine');
  const workOrder = stringField(record, 'WorkOrder');
  if (machine !== undefined) links.Machine = machine;
  if (workOrder !== undefined) links.WorkOrder = workOrder;
  return links;
}

/**
 * Classifies one text frame (docs/reference/drp-protocol.md §4.1) into the shape the store ingests.
 * Never throws; the parsed `Object`/`Original` trees are dropped here (the tracker keeps the latest
 * `Object` of each key to diff the next one against), so a worker that calls this posts only the
 * text, a few short strings and the changed paths. Without a tracker an event is compared with its
 * `Original` only.
 */
export function receiveTextFrame(
  text: string,
  tracker: VersionTracker = new VersionTracker(0),
  parser: DeferredOriginalParser = new DeferredOriginalParser(),
): ReceivedFrame {
  const { frame, hasOriginal, original } = parser.parse(text);
  if (frame.kind !== 'event') return frame;
  const { event } = frame;
  return {
    kind: 'event',
    raw: text,
    bytes: frame.bytes,
    header: {
      Time: event.Time,
      Type: event.Type,
      Action: event.Action,
      Key: event.Key,
      Principal: event.Principal,
      Object: jobLinksOf(event.Type, event.Object),
      hasOriginal,
      changes: tracker.observe({ ...event, Original: original }, frame.bytes),
      facts: objectFactsOf(event.Type, event.Object),
    },
  };
}

/** Binary frames are not part of the protocol (the server ignores them, §2.1): counted as malformed. */
export function receiveBinaryFrame(bytes: number): ReceivedFrame {
  return { kind: 'error', reason: 'binary frame', bytes, preview: '' };
}
