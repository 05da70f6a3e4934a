import type { MouseEvent } from 'react';
import { changeSummaryText } from '../../lib/change-summary-words';
import type { HeaderRecord } from '../../store/disk-tier';
import type { DisplayNames } from '../../store/display-names';
import type { ChangeSummary } from '../../store/change-summaries';
import { versionPrincipal, versionTime } from './version-text';

interface HistoryVersionRowProps {
  record: HeaderRecord;
  summary: ChangeSummary;
  names: DisplayNames;
  selected: boolean;
  /** This version is the Diff tab's Compare base. */
  isBase: boolean;
  onSelect: (seq: number) => void;
  onCompare: (seq: number) => void;
}

/** One version of the object: when, what, who, what changed; a click selects it, `Compare` makes it the diff base. */
export function HistoryVersionRow({ record, summary, names, selected, isBase, onSelect, onCompare }: HistoryVersionRowProps) {
  const { seq } = record;
  const compare = (event: MouseEvent): void => {
    event.stopPropagation();
    onCompare(seq);
  };
  return (
    <li
      className={`history-version${selected ? ' history-version--selected' : ''}`}
      data-testid="history-version"
      data-seq={seq}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(seq)}
    >
      <button type="button" className="history-version__select" aria-label={`Select version #${seq}`}>
        #{seq}
      </button>
      <span className="history-version__time">{versionTime(record)}</span>
      <span className="history-version__action">{record.action}</span>
      <span className="history-version__principal" data-testid="history-principal" title={record.principal}>
        {versionPrincipal(record, names)}
      </span>
      <span className="history-version__summary">{changeSummaryText(summary)}</span>
      {isBase && <span className="history-version__base">compare base</span>}
      <button type="button" className="history-version__compare" onClick={compare} disabled={selected}>
        Compare
      </button>
    </li>
  );
}
