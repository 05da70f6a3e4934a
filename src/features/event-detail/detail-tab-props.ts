import type { EventRecord } from '../../store/event-record';

/** What every detail tab is rendered from: the selected event's header record (payloads are read lazily by seq). */
export interface DetailTabProps {
  seq: number;
  record: EventRecord;
  /** Secrets shown as `••••••••` (the detail header's one "Mask secrets" toggle, on by default). */
  masked: boolean;
}

export type DetailTabId = 'object' | 'diff' | 'raw';
