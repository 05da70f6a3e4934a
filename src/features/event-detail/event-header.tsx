import { formatBytes } from '../../lib/format-bytes';
import { clipText } from '../../lib/clip-text';
import { formatDrpTime } from '../../lib/format-time-of-day';
import type { EventRecord } from '../../store/event-record';

interface EventHeaderProps {
  record: EventRecord;
}

/** Type / Action / Key / Principal / time / size of the selected event, as plain text (clipped: values are untrusted). */
export function EventHeader({ record }: EventHeaderProps) {
  const fields: [string, string][] = [
    ['Type', record.type],
    ['Action', record.action],
    ['Key', record.key],
    ['Principal', record.principal === '' ? '—' : record.principal],
    ['Time', record.time ? `${formatDrpTime(record.time)} (${record.timeText})` : record.timeText],
    ['Size', formatBytes(record.bytes)],
  ];
  return (
    <dl className="detail-header" data-testid="detail-header">
      {fields.map(([label, value]) => (
        <div key={label} className="detail-header__field">
          <dt>{label}</dt>
          <dd title={clipText(value)}>{clipText(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
