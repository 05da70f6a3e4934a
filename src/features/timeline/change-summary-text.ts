import { formatBytes } from '../../lib/format-bytes';
import type { ChangeSummary, ChangeValues, DiffUnavailableReason } from '../../store/event-diffs';

const UNAVAILABLE_TEXT: Record<DiffUnavailableReason, string> = {
  'too-deep': 'nested too deeply to compare',
};

/** One change, with its values: `CurrentTask 5 → 6`, `Params.x added: 5`, `Params.y removed (was "a")`. */
function singleChangeText(path: string, values: ChangeValues): string {
  const field = path === '' ? '(whole object)' : path;
  switch (values.change) {
    case 'changed':
      return `${field} ${values.before ?? ''} → ${values.after ?? ''}`;
    case 'added':
      return `${field} added: ${values.after ?? ''}`;
    case 'removed':
      return `${field} removed (was ${values.before ?? ''})`;
  }
}

/** The words of a timeline row's summary cell: "2 changes: Stage, Params.x", "first version seen", ... */
export function changeSummaryText(summary: ChangeSummary): string {
  switch (summary.kind) {
    case 'compared': {
      if (summary.changes === 0) return 'no changes';
      if (summary.values !== undefined && summary.paths.length === 1) return singleChangeText(summary.paths[0], summary.values);
      const paths = summary.paths.map((path) => (path === '' ? '(whole object)' : path)).join(', ');
      const more = summary.changes > summary.paths.length ? ', …' : '';
      return `${summary.changes} ${summary.changes === 1 ? 'change' : 'changes'}: ${paths}${more}`;
    }
    case 'first':
      return 'first version seen';
    case 'evicted':
      return 'previous version evicted';
    case 'deleted':
      return 'deleted';
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
