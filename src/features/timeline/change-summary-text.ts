import { formatBytes } from '../../lib/format-bytes';
import { DIFF_WORDS, UNAVAILABLE_REASON_WORDS, changeCount } from '../../lib/diff-words';
import type { ChangeValue } from '../../lib/change-facts';
import type { ChangeSummary } from '../../store/change-summaries';

/** One change, with its values: `CurrentTask 5 → 6`, `Params.x added: 5`, `Params.y removed (was "a")`. */
function singleChangeText(path: string, values: ChangeValue): string {
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
      if (summary.changes === 0) return DIFF_WORDS.noChanges;
      if (summary.values !== undefined) return singleChangeText(summary.values.path, summary.values);
      if (summary.paths.length === 1 && summary.changes > 1)
        return `${summary.paths[0] === '' ? '(whole object)' : summary.paths[0]} changed (${changeCount(summary.changes)} in all)`;
      const paths = summary.paths.map((path) => (path === '' ? '(whole object)' : path)).join(', ');
      const more = summary.changes > summary.paths.length ? ', …' : '';
      return `${changeCount(summary.changes)}: ${paths}${more}`;
    }
    case 'first':
      return DIFF_WORDS.first;
    case 'evicted':
      return DIFF_WORDS.evicted;
    case 'deleted':
      return DIFF_WORDS.deleted;
    case 'large-event':
      return `large event (${formatBytes(summary.bytes)}): see the Diff tab`;
    case 'event-text':
      return summary.text;
    case 'unavailable':
      return UNAVAILABLE_REASON_WORDS[summary.reason];
    case 'none':
      return '';
  }
}
