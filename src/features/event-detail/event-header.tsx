import { formatBytes } from '../../lib/format-bytes';
import { clipText } from '../../lib/clip-text';
import { formatDrpTime } from '../../lib/format-time-of-day';
import type { EventRecord } from '../../store/event-record';

interface EventHeaderProps {
  record: EventRecord;
}

/** Type / Action / Key / Principal / time / size of the selected event, as plain text (clipped: values are untrusted). */
export function EventHeader({ record }: EventHeaderProps) {
  // [label, value, wide]: wide fields take a whole line of the header grid.
  const fields: [string, string, boolean][] = [
    ['Type', record.type, false],
    ['Action', record.action, false],
    ['Size', formatBytes(record.bytes), false],
    ['Key', record.key, true],
    ['Principal', record.principal === '' ? '—' : record.principal, true],
    ['Time', record.time ? `${formatDrpTime(record.time)} (${record.timeText})` : record.timeText, true],
  ];
  return (
    <dl className="detail-header" data-testid="detail-header">
      {fields.map(([label, value, wide]) => (
        <div key={label} className={`detail-header__field${wide ? ' detail-header__field--wide' : ''}`}>
          <dt>{label}</dt>
          <dd title={clipText(value)}>{clipText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
