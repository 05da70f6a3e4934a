import { memo, useEffect, useSyncExternalStore } from 'react';
import { clipText } from '../../lib/clip-text';
import { formatDrpTime } from '../../lib/format-time-of-day';
import { useEventReader, useInspectorStore } from '../../store/store-context';
import { actionToneOf } from './action-tone';
import { useChangeSummary } from './use-change-summary';

interface TimelineRowProps {
  seq: number;
  /** Row position in the list (`data-index`). */
  index: number;
  /** Offset in the list, px (rows have a fixed height). */
  top: number;
  selected: boolean;
  /** The `Changed path` pattern ('' = none): the summary is then that path's `old → new`. */
  changedPath?: string;
}

export const timelineRowId = (seq: number): string => `timeline-row-${seq}`;

/**
 * One event. Every value is rendered as a React text node, never as HTML (event content is
 * untrusted). Selection is handled by the list (timeline-list.tsx), so a row has no handlers, and
 * memo keeps the rows already on screen from re-rendering when the list appends below them.
 */
export const TimelineRow = memo(function TimelineRow({ seq, index, top, selected, changedPath = '' }: TimelineRowProps) {
  const events = useEventReader();
  // A row of an event on disk renders once its chunk is read back (which moves the store): re-render then.
  const readable = useInspectorStore(() => events.record(seq) !== undefined);
  const record = readable ? events.record(seq) : undefined;
  useEffect(() => {
    if (!readable) events.want(seq);
  }, [events, seq, readable]);
  const summary = useChangeSummary(seq, changedPath);
  // Names are learned from headers at ingest (display-names.ts); a row re-renders only when its own names change.
  const names = events.displayNames;
  const keyName = useSyncExternalStore(names.subscribe, () => (record ? names.keyLabel(record.type, record.key) : undefined));
  const principalName = useSyncExternalStore(names.subscribe, () => (record ? names.principalLabel(record.principal) : undefined));
  if (!record) {
    if (!events.reading(seq)) return null; // evicted between the list update and this render
    return (
      <div
        id={timelineRowId(seq)}
        role="option"
        aria-selected={selected}
        aria-busy="true"
        data-index={index}
        data-testid="timeline-row"
        data-seq={seq}
        data-reading=""
        className={`timeline-row timeline-row--reading${selected ? ' timeline-row--selected' : ''}`}
        style={{ top }}
      >
        <span className="timeline-cell timeline-cell--summary">reading from disk…</span>
      </div>
    );
  }

  // Clipped: a hostile frame may carry a megabyte-long Key, which must not reach layout.
  const time = record.time ? formatDrpTime(record.time) : clipText(record.timeText);
  const type = clipText(record.type);
  const action = clipText(record.action);
  const key = clipText(record.key);
  const principal = clipText(record.principal);
  // From the header's facts and changes (store/change-summaries.ts).
  const highlight = events.highlight(seq);
  return (
    <div
      id={timelineRowId(seq)}
      role="option"
      aria-selected={selected}
      data-index={index}
      data-testid="timeline-row"
      data-seq={seq}
      data-type={type}
      data-action={action}
      data-key={key}
      data-highlight={highlight}
      className={`timeline-row timeline-row--${actionToneOf(record.action)}${highlight ? ` timeline-row--${highlight}` : ''}${
        selected ? ' timeline-row--selected' : ''
      }`}
      style={{ top }}
    >
      <span className="timeline-cell timeline-cell--time" title={clipText(record.timeText)}>
        {time}
      </span>
      <span className="timeline-cell timeline-cell--type">{type}</span>
      <span className="timeline-cell timeline-cell--action">{action}</span>
      {/* The name where one is known, the full Key (and Principal) in the tooltip. */}
      <span className="timeline-cell timeline-cell--key" title={keyName === undefined ? key : `${keyName}\n${key}`}>
        {keyName ?? key}
      </span>
      <span className="timeline-cell timeline-cell--principal" title={principal}>
        {principalName ?? principal}
      </span>
      <span className="timeline-cell timeline-cell--summary" title={summary}>
        {summary}
      </span>
    </div>
  );
});
