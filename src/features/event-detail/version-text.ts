import { clipText } from '../../lib/clip-text';
import { formatDrpTime } from '../../lib/format-time-of-day';
import type { DisplayNames } from '../../store/display-names';
import type { HeaderRecord } from '../../store/disk-tier';

/** A version's time as the timeline prints it (the raw text when the server's time did not parse). */
export function versionTime(record: HeaderRecord): string {
  return record.time ? formatDrpTime(record.time) : clipText(record.timeText, 40);
}

/** Who made a version: `runner:<machine name>` where the machine is known, `—` for no principal. */
export function versionPrincipal(record: HeaderRecord, names: DisplayNames): string {
  if (record.principal === '') return '—';
  return clipText(names.principalLabel(record.principal) ?? record.principal, 80);
}

/** `#7 14:02:11.538 user:viewer`: how History, Compare and Blame name one version. */
export function versionLabel(record: HeaderRecord, names: DisplayNames): string {
  return `#${record.seq} ${versionTime(record)} ${versionPrincipal(record, names)}`;
}
