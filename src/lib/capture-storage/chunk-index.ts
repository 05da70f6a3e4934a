import type { ChangeFacts } from '../change-facts';
import type { ObjectFacts } from '../object-facts';

/**
 * What the deep window (store/disk-index.ts) needs of a stored chunk without reading its events:
 * each event's object, action and principal, as small per-chunk string tables plus one index per
 * event, and the newest facts of each object in the chunk (names and workflow position for the
 * Objects view). Kept in its own table, so reopening a capture reads these, never the event bytes.
 */
export interface ChunkIndexRow {
  /** The chunk's id (chunks table). */
  id: number;
  captureId: number;
  firstEvent: number;
  count: number;
  /** `Type + NUL + Key` of the chunk's objects (store/event-record.ts objectKeyOf). */
  objects: string[];
  actions: string[];
  principals: string[];
  /** Per event: index into objects / actions / principals. */
  objectRefs: Uint32Array;
  actionRefs: Uint8Array;
  principalRefs: Uint16Array;
  /** [index into objects, facts]: the newest facts each object's events in this chunk carried. */
  facts: [number, ObjectFacts][];
}

/** The fields of one event the index and the stored header are built from. */
export interface IndexedEvent {
  objectKey: string;
  action: string;
  principal: string;
  timeText: string;
  bytes: number;
  hasOriginal: boolean;
  changes: ChangeFacts;
  facts: ObjectFacts | null;
}

/**
 * One event's header as stored beside its line: what the socket worker computed when it arrived
 * (changed paths, facts), so a record read back from disk is the record that was live, without
 * parsing or diffing again. Positional, to keep the stored bytes small.
 */
export type StoredHeader = [timeText: string, bytes: number, hasOriginal: 0 | 1, changes: ChangeFacts, facts: ObjectFacts | null];

function tableRef(table: string[], refs: Map<string, number>, value: string): number {
  let ref = refs.get(value);
  if (ref === undefined) {
    ref = table.length;
    table.push(value);
    refs.set(value, ref);
  }
  return ref;
}

/** The index row of a chunk's events (its id is known once the chunk is added). */
export function buildChunkIndex(
  captureId: number,
  firstEvent: number,
  events: readonly IndexedEvent[],
): Omit<ChunkIndexRow, 'id'> & { headers: StoredHeader[] } {
  const objects: string[] = [];
  const actions: string[] = [];
  const principals: string[] = [];
  const refs = { objects: new Map<string, number>(), actions: new Map<string, number>(), principals: new Map<string, number>() };
  const objectRefs = new Uint32Array(events.length);
  const actionRefs = new Uint8Array(events.length);
  const principalRefs = new Uint16Array(events.length);
  const facts = new Map<number, ObjectFacts>();
  const headers: StoredHeader[] = [];
  events.forEach((event, index) => {
    const objectRef = tableRef(objects, refs.objects, event.objectKey);
    objectRefs[index] = objectRef;
    // More than 255 actions or 65,535 principals in one chunk of ~500 events cannot happen from a
    // DRP server (a handful of actions); a hostile stream folds the excess into the last entry.
    actionRefs[index] = Math.min(255, tableRef(actions, refs.actions, event.action));
    principalRefs[index] = Math.min(65_535, tableRef(principals, refs.principals, event.principal));
    if (event.facts) facts.set(objectRef, event.facts);
    headers.push([event.timeText, event.bytes, event.hasOriginal ? 1 : 0, event.changes, event.facts]);
  });
  return {
    captureId,
    firstEvent,
    count: events.length,
    objects,
    actions,
    principals,
    objectRefs,
    actionRefs,
    principalRefs,
    facts: [...facts],
    headers,
  };
}
