import { formatBytes } from './format-bytes';
import { DIFF_WORDS, UNAVAILABLE_REASON_WORDS, changeCount } from './diff-words';
import type { ChangeValue } from './change-facts';

/**
 * The words of an event's change summary, shared by the timeline's Change column and the detail
 * pane's History so the two read the same. The summary's shape is declared here, where its
 * words are; the store's `ChangeSummary` (store/change-summaries.ts) is this type.
 */
export type SummaryToWord =
  | { kind: 'compared'; changes: number; paths: readonly string[]; values?: ChangeValue }
  | { kind: 'first' }
  | { kind: 'evicted' }
  | { kind: 'deleted' }
  | { kind: 'large-event'; bytes: number }
  | { kind: 'event-text'; text: string }
  | { kind: 'unavailable'; reason: keyof typeof UNAVAILABLE_REASON_WORDS }
  | { kind: 'none' };

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
export function changeSummaryText(summary: SummaryToWord): string {
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
