import type { ChangeFacts } from '../change-facts';
import type { ObjectFacts } from '../object-facts';

/**
 * What the deep window (store/disk-index.ts) needs of a stored chunk without reading its events:
 * each event's object, action and principal as numbers into the capture's string tables. Kept
 * in its own table, so reopening a capture reads these (a few bytes per event), never the events.
 */
export interface ChunkIndexRow {
  /** The chunk's id (chunks table). */
  id: number;
  captureId: number;
  firstEvent: number;
  count: number;
  /** Per event: index into the capture's objects / actions / principals (CaptureKeysRow). */
  objectRefs: Uint32Array;
  actionRefs: Uint32Array;
  principalRefs: Uint32Array;
}

export type CaptureTableKind = 'objects' | 'actions' | 'principals';

/**
 * Strings a capture's chunks refer to, appended as they first appear (`from` is the index of the
 * first value): `Type + NUL + Key` of objects (store/event-record.ts objectKeyOf), actions and
 * principals. One row per chunk that brought new ones; kept when the size cap deletes chunks,
 * deleted with the capture.
 */
export interface CaptureKeysRow {
  id?: number;
  captureId: number;
  kind: CaptureTableKind;
  from: number;
  values: string[];
}

/** A capture's string tables: the recorder's while it writes, rebuilt from CaptureKeysRow to reopen. */
export class CaptureTables {
  readonly objects: string[] = [];
  readonly actions: string[] = [];
  readonly principals: string[] = [];
  private readonly ids: Record<CaptureTableKind, Map<string, number>> = { objects: new Map(), actions: new Map(), principals: new Map() };
  /** Where each table stood at the last `takeNew`. */
  private readonly taken: Record<CaptureTableKind, number> = { objects: 0, actions: 0, principals: 0 };

  ref(kind: CaptureTableKind, value: string): number {
    let id = this.ids[kind].get(value);
    if (id === undefined) {
      id = this[kind].length;
      this[kind].push(value);
      this.ids[kind].set(value, id);
    }
    return id;
  }

  /** Appends a stored row's values (rows are read in id order, so `from` is where the table ends). */
  restore(row: Pick<CaptureKeysRow, 'kind' | 'from' | 'values'>): void {
    const table = this[row.kind];
    if (row.from !== table.length) return;
    for (const value of row.values) this.ref(row.kind, value);
    this.taken[row.kind] = table.length;
  }

  /** The values added since the last call, as rows to store with the chunk that brought them. */
  takeNew(captureId: number): CaptureKeysRow[] {
    const rows: CaptureKeysRow[] = [];
    for (const kind of ['objects', 'actions', 'principals'] as const) {
      const from = this.taken[kind];
      if (this[kind].length > from) rows.push({ captureId, kind, from, values: this[kind].slice(from) });
      this.taken[kind] = this[kind].length;
    }
    return rows;
  }
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

/** The index row of a chunk's events (its id is known once the chunk is added) and their stored headers. */
export function buildChunkIndex(
  captureId: number,
  firstEvent: number,
  events: readonly IndexedEvent[],
  tables: CaptureTables,
): Omit<ChunkIndexRow, 'id'> & { headers: StoredHeader[] } {
  const objectRefs = new Uint32Array(events.length);
  const actionRefs = new Uint32Array(events.length);
  const principalRefs = new Uint32Array(events.length);
  const headers: StoredHeader[] = [];
  events.forEach((event, index) => {
    objectRefs[index] = tables.ref('objects', event.objectKey);
    actionRefs[index] = tables.ref('actions', event.action);
    principalRefs[index] = tables.ref('principals', event.principal);
    headers.push([event.timeText, event.bytes, event.hasOriginal ? 1 : 0, event.changes, event.facts]);
  });
  return { captureId, firstEvent, count: events.length, objectRefs, actionRefs, principalRefs, headers };
}
