import type { ReactNode } from 'react';
import type { EventReader } from '../../store/event-reader';
import type { DetailTabId, DetailTabProps } from './detail-tab-props';
import { BlameTab } from './blame-tab';
import { DiffTab } from './diff-tab';
import { HistoryTab } from './history-tab';
import { ObjectTab } from './object-tab';
import { RawTab } from './raw-tab';

/** How a tab waits on a giant event (large-payload-gate.tsx). */
export interface LargePayloadRule {
  /** What is held back, e.g. "The JSON tree". */
  subject: string;
  /** The button that shows it anyway. */
  action: string;
  /** How much frame text the view would parse or lay out. */
  payloadChars: (props: DetailTabProps, events: EventReader) => number;
}

export interface DetailTab {
  id: DetailTabId;
  label: string;
  largePayload: LargePayloadRule;
  render: (props: DetailTabProps) => ReactNode;
}

const eventChars = ({ record }: DetailTabProps): number => record.bytes;

/** History reads headers only: nothing to hold back. */
const noPayload = (): number => 0;

/** A diff parses the event and the version it is compared with (the Compare base, else the previous one). */
const eventAndBaseChars = ({ record, compareBaseSeq }: DetailTabProps, events: EventReader): number => {
  const baseSeq = compareBaseSeq > 0 ? compareBaseSeq : record.prevSeq;
  return record.bytes + (baseSeq > 0 ? (events.record(baseSeq)?.bytes ?? 0) : 0);
};

/** The detail pane's tabs, as data (as in the Redux DevTools inspector monitor): add a tab here. */
export const DETAIL_TABS: readonly DetailTab[] = [
  {
    id: 'object',
    label: 'Object',
    largePayload: { subject: 'The JSON tree', action: 'Show anyway', payloadChars: eventChars },
    render: ({ seq, record, masked }) => <ObjectTab seq={seq} bytes={record.bytes} masked={masked} />,
  },
  {
    id: 'diff',
    label: 'Diff',
    largePayload: { subject: 'The diff', action: 'Compare anyway', payloadChars: eventAndBaseChars },
    render: ({ seq, record, masked }) => <DiffTab seq={seq} hasOriginal={record.hasOriginal} bytes={record.bytes} masked={masked} />,
  },
  {
    id: 'history',
    label: 'History',
    largePayload: { subject: 'The history', action: 'Show anyway', payloadChars: noPayload },
    render: ({ seq, record }) => <HistoryTab seq={seq} record={record} />,
  },
  {
    id: 'blame',
    label: 'Blame',
    largePayload: { subject: 'The blame tree', action: 'Show anyway', payloadChars: eventChars },
    render: ({ seq, masked }) => <BlameTab seq={seq} masked={masked} />,
  },
  {
    id: 'raw',
    label: 'Raw',
    largePayload: { subject: 'The formatted JSON', action: 'Show anyway', payloadChars: eventChars },
    render: ({ record, masked }) => <RawTab record={record} masked={masked} />,
  },
];
