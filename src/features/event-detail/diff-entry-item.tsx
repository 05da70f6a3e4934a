import { formatJsonValue } from '../../lib/format-json-value';
import type { DiffEntry } from '../../lib/json-diff';

interface DiffEntryItemProps {
  entry: DiffEntry;
  /** Covered by `Ignore paths` and shown on request: dimmed. */
  ignored?: boolean;
}

/** One change as text: `Params.bar: "blatz"` (added / removed) or `Stage: "a" → "b"` (changed). */
export function DiffEntryItem({ entry, ignored = false }: DiffEntryItemProps) {
  const path = entry.path === '' ? '(whole object)' : entry.path;
  return (
    <li
      className={`diff-entry diff-entry--${entry.kind}${ignored ? ' diff-entry--ignored' : ''}`}
      data-testid="diff-entry"
      data-kind={entry.kind}
      data-path={entry.path}
      data-ignored={ignored || undefined}
    >
      <span className="diff-entry__kind">{entry.kind}</span> <span className="diff-entry__path">{path}</span>
      {': '}
      {entry.kind === 'changed' ? (
        <>
          <span className="diff-entry__before">{formatJsonValue(entry.before)}</span>
          {' → '}
          <span className="diff-entry__after">{formatJsonValue(entry.after)}</span>
        </>
      ) : (
        <span className={entry.kind === 'added' ? 'diff-entry__after' : 'diff-entry__before'}>
          {formatJsonValue(entry.kind === 'added' ? entry.after : entry.before)}
        </span>
      )}
    </li>
  );
}
