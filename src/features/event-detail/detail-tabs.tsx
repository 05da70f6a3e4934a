import type { ReactNode } from 'react';
import type { DetailTabContext, DetailTabId } from './detail-tab-context';
import { DiffTab } from './diff-tab';
import { ObjectTab } from './object-tab';
import { RawTab } from './raw-tab';

export interface DetailTab {
  id: DetailTabId;
  label: string;
  render: (context: DetailTabContext) => ReactNode;
}

/** The detail pane's tabs, as data (as in the Redux DevTools inspector monitor): add a tab here. */
export const DETAIL_TABS: readonly DetailTab[] = [
  { id: 'object', label: 'Object', render: ({ seq, record }) => <ObjectTab key={seq} seq={seq} bytes={record.bytes} /> },
  { id: 'diff', label: 'Diff', render: ({ seq, record }) => <DiffTab key={seq} seq={seq} hasOriginal={record.hasOriginal} /> },
  { id: 'raw', label: 'Raw', render: ({ seq, record }) => <RawTab key={seq} raw={record.raw} /> },
];
