import type { EventRecord } from '../../store/event-record';

/** What every detail tab gets: the selected event's header record (payloads are read lazily by seq). */
export interface DetailTabContext {
  seq: number;
  record: EventRecord;
}

export type DetailTabId = 'object' | 'diff' | 'raw';
