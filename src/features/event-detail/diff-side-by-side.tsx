import { clipText } from '../../lib/clip-text';
import type { DiffEntry } from '../../lib/json-diff';

interface DiffSideBySideProps {
  entries: readonly DiffEntry[];
  ignored: ReadonlySet<DiffEntry>;
}

/** A value in full, indented (text, never HTML), clipped so one replaced inventory cannot lay out megabytes. */
function valueText(entry: DiffEntry, side: 'before' | 'after'): string {
  const absent = side === 'before' ? entry.kind === 'added' : entry.kind === 'removed';
  if (absent) return '';
  const value = side === 'before' ? entry.before : entry.after;
  return clipText(value === undefined ? 'undefined' : JSON.stringify(value, null, 2), 4000);
}

/** Before | after, one pair of columns per changed path (the diff's `Side by side` layout). */
export function DiffSideBySide({ entries, ignored }: DiffSideBySideProps) {
  return (
    <table className="diff-side" data-testid="diff-side-by-side">
      <thead>
        <tr>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      {entries.map((entry, index) => (
        // Paths are unique within one diff except for the root entry; index breaks the tie.
        <tbody
          key={`${entry.kind}:${entry.path}:${index}`}
          className={`diff-side__entry diff-entry--${entry.kind}${ignored.has(entry) ? ' diff-entry--ignored' : ''}`}
          data-testid="diff-entry"
          data-kind={entry.kind}
          data-path={entry.path}
          data-ignored={ignored.has(entry) || undefined}
        >
          <tr>
            <th scope="rowgroup" colSpan={2} className="diff-side__path">
              {entry.kind} {entry.path === '' ? '(whole object)' : entry.path}
            </th>
          </tr>
          <tr>
            <td className="diff-side__before">
              <pre>{valueText(entry, 'before')}</pre>
            </td>
            <td className="diff-side__after">
              <pre>{valueText(entry, 'after')}</pre>
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}
