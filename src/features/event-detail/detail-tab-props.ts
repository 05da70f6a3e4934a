import type { EventRecord } from '../../store/event-record';

/** What every detail tab is rendered from: the selected event's header record (payloads are read lazily by seq). */
export interface DetailTabProps {
  seq: number;
  record: EventRecord;
  /** Secrets shown as `••••••••` (the detail header's one "Mask secrets" toggle, on by default). */
  masked: boolean;
  /** History's Compare base (the store's `view.compareBaseSeq`), 0 when none. */
  compareBaseSeq: number;
}

export const DETAIL_TAB_IDS = ['object', 'diff', 'history', 'blame', 'raw'] as const;
export type DetailTabId = (typeof DETAIL_TAB_IDS)[number];

/** The store's `view.detailTab` is a string (it comes from the URL too); an unknown one shows Object. */
export function detailTabIdOf(text: string): DetailTabId {
  return (DETAIL_TAB_IDS as readonly string[]).includes(text) ? (text as DetailTabId) : 'object';
}
