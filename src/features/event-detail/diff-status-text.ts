import { DIFF_WORDS, UNAVAILABLE_REASON_WORDS, changeCount } from '../../lib/diff-words';
import type { EventDiff } from '../../store/event-diffs';

/** The status word(s) shown in `data-testid="diff-status"`: exactly "no changes", "first version seen", ... */
export function diffStatusText(diff: EventDiff): string {
  switch (diff.status) {
    case 'compared':
      return diff.entries.length === 0 ? DIFF_WORDS.noChanges : changeCount(diff.entries.length);
    case 'first':
      return DIFF_WORDS.first;
    case 'evicted':
      return DIFF_WORDS.evicted;
    case 'reading':
      return 'reading the previous version from disk…';
    case 'no-original':
      return 'no Original in this event';
    case 'missing':
      return 'event no longer buffered';
    case 'deleted':
      return DIFF_WORDS.deleted;
    case 'unavailable':
      return `cannot compare: ${UNAVAILABLE_REASON_WORDS[diff.reason]}`;
  }
}

/** What the diff was taken against, shown next to the status. */
export function diffContextText(diff: EventDiff): string {
  if (diff.status === 'compared') {
    if (diff.base === 'original') return 'vs Original';
    return diff.base === 'version' ? `vs version #${diff.baseSeq}` : `vs previous event #${diff.baseSeq}`;
  }
  if (diff.status === 'evicted') return `(event #${diff.baseSeq} left the buffer)`;
  if (diff.status === 'reading') return `(event #${diff.baseSeq}, recorded to disk)`;
  if (diff.status === 'deleted') return 'the object as it was when deleted:';
  return '';
}
