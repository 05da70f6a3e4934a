import type { Ref } from 'react';
import { clipText } from '../../lib/payload-limits';
import { formatDrpTime } from '../../protocol/time';
import { getRecord } from '../../store/read-helpers';
import { useInspectorStoreApi } from '../../store/store-context';
import { actionToneOf } from './action-tone';
import { useChangeSummary } from './use-change-summary';

interface TimelineRowProps {
  seq: number;
  /** Position in the filtered list; the virtualizer reads it back from `data-index`. */
  index: number;
  selected: boolean;
  onSelect: (seq: number) => void;
  rowRef: Ref<HTMLDivElement>;
}

export const timelineRowId = (seq: number): string => `timeline-row-${seq}`;

/**
 * One event. Every value is rendered as a React text node, never as HTML (event content is
 * untrusted). The virtualizer positions the row (directDomUpdates), so the style sets no `top`.
 */
export function TimelineRow({ seq, index, selected, onSelect, rowRef }: TimelineRowProps) {
  const store = useInspectorStoreApi();
  const record = getRecord(store, seq);
  const summary = useChangeSummary(seq);
  if (!record) return null; // evicted between the list update and this render

  // Clipped: a hostile frame may carry a megabyte-long Key, which must not reach layout.
  const time = record.time ? formatDrpTime(record.time) : clipText(record.timeText);
  const type = clipText(record.type);
  const action = clipText(record.action);
  const key = clipText(record.key);
  const principal = clipText(record.principal);
  return (
    <div
      ref={rowRef}
      id={timelineRowId(seq)}
      role="option"
      aria-selected={selected}
      data-index={index}
      data-testid="timeline-row"
      data-seq={seq}
      data-type={type}
      data-action={action}
      data-key={key}
      className={`timeline-row timeline-row--${actionToneOf(record.action)}${selected ? ' timeline-row--selected' : ''}`}
      onClick={() => onSelect(seq)}
    >
      <span className="timeline-cell timeline-cell--time" title={clipText(record.timeText)}>
        {time}
      </span>
      <span className="timeline-cell timeline-cell--type">{type}</span>
      <span className="timeline-cell timeline-cell--action">{action}</span>
      <span className="timeline-cell timeline-cell--key" title={key}>
        {key}
      </span>
      <span className="timeline-cell timeline-cell--principal" title={principal}>
        {principal}
      </span>
      <span className="timeline-cell timeline-cell--summary" title={summary}>
        {summary ?? '…'}
      </span>
    </div>
  );
}
