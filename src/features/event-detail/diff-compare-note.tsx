import { useEventReader } from '../../store/store-context';
import { useDisplayNamesVersion } from './use-object-versions';
import { versionLabel } from './version-text';

interface DiffCompareNoteProps {
  baseSeq: number;
  seq: number;
  onClear: () => void;
}

/** Which two versions a History `Compare` diff is between, and that it reads backwards when the base is newer. */
export function DiffCompareNote({ baseSeq, seq, onClear }: DiffCompareNoteProps) {
  const events = useEventReader();
  useDisplayNamesVersion();
  const base = events.record(baseSeq);
  const selected = events.record(seq);
  const reversed = baseSeq > seq;
  return (
    <p className="detail-diff__compare" data-testid="diff-compare" data-base-seq={baseSeq} data-reversed={reversed}>
      Comparing{' '}
      <span data-testid="diff-compare-base">{base ? versionLabel(base, events.displayNames) : `#${baseSeq} (no longer buffered)`}</span>
      {' → '}
      <span data-testid="diff-compare-selected">{selected ? versionLabel(selected, events.displayNames) : `#${seq}`}</span>
      {reversed && (
        <strong className="detail-diff__reversed"> reversed: the base is newer, so this undoes the changes in between</strong>
      )}{' '}
      <button type="button" onClick={onClear}>
        Clear compare
      </button>
    </p>
  );
}
