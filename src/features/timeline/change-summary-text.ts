import { formatBytes } from '../../lib/format-bytes';
import type { ChangeSummary, DiffUnavailableReason } from '../../store/event-diffs';

const UNAVAILABLE_TEXT: Record<DiffUnavailableReason, string> = {
  'too-deep': 'nested too deeply to compare',
};

/** The words of a timeline row's summary cell: "2 changes: Stage, Params.x", "first version seen", ... */
export function changeSummaryText(summary: ChangeSummary): string {
  switch (summary.kind) {
    case 'compared': {
      if (summary.changes === 0) return 'no changes';
      const paths = summary.paths.map((path) => (path === '' ? '(whole object)' : path)).join(', ');
      const more = summary.changes > summary.paths.length ? ', …' : '';
      return `${summary.changes} ${summary.changes === 1 ? 'change' : 'changes'}: ${paths}${more}`;
    }
    case 'first':
      return 'first version seen';
    case 'evicted':
      return 'previous version evicted';
    case 'large-event':
      return `large event (${formatBytes(summary.bytes)}): see the Diff tab`;
    case 'large-previous':
      return `previous version is large (${formatBytes(summary.bytes)}): see the Diff tab`;
    case 'event-text':
      return summary.text;
    case 'unavailable':
      return UNAVAILABLE_TEXT[summary.reason];
    case 'none':
      return '';
  }
}
