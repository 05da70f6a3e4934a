import type { DiffUnavailableReason, EventDiff } from '../../store/event-diffs';

const UNAVAILABLE_TEXT: Record<DiffUnavailableReason, string> = {
  'too-deep': 'nested too deeply to compare',
};

/** The status word(s) shown in `data-testid="diff-status"`: exactly "no changes", "first version seen", ... */
export function diffStatusText(diff: EventDiff): string {
  switch (diff.status) {
    case 'compared':
      if (diff.entries.length === 0) return 'no changes';
      return `${diff.entries.length} ${diff.entries.length === 1 ? 'change' : 'changes'}`;
    case 'first':
      return 'first version seen';
    case 'evicted':
      return 'previous version evicted';
    case 'no-original':
      return 'no Original in this event';
    case 'missing':
      return 'event no longer buffered';
    case 'deleted':
      return 'deleted';
    case 'unavailable':
      return `cannot compare: ${UNAVAILABLE_TEXT[diff.reason]}`;
  }
}

/** What the diff was taken against, shown next to the status. */
export function diffContextText(diff: EventDiff): string {
  if (diff.status === 'compared') return diff.base === 'original' ? 'vs Original' : `vs previous event #${diff.baseSeq}`;
  if (diff.status === 'evicted') return `(event #${diff.baseSeq} left the buffer)`;
  if (diff.status === 'deleted') return 'the object as it was when deleted:';
  return '';
}
