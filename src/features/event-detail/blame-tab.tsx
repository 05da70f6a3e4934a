import { useMemo } from 'react';
import { formatJsonValue } from '../../lib/format-json-value';
import { MASK } from '../../lib/mask-secrets';
import { isSecretPath } from '../../lib/secret-path';
import { useEventReader, useInspectorStore } from '../../store/store-context';
import { blameRows } from './blame-rows';
import { useDisplayNamesVersion } from './use-object-versions';
import { versionLabel } from './version-text';

/** Leaves rendered: a machine has ~200, a 1 MB inventory tens of thousands (nobody reads those all). */
const MAX_LEAVES_SHOWN = 2000;

interface BlameTabProps {
  seq: number;
  masked: boolean;
}

const hidden = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * The selected version as a tree of leaves, each with the buffered version that last changed it
 * (`git blame` for one object); "before capture" when no buffered version did. Computed from the
 * changed paths every header carries (store/object-history.ts), so it parses only this version.
 */
export function BlameTab({ seq, masked }: BlameTabProps) {
  const events = useEventReader();
  const select = useInspectorStore((state) => state.actions.select);
  useDisplayNamesVersion();
  const blame = useMemo(() => events.blame(seq), [events, seq]);
  const shownLeaves = useMemo(() => blame?.leaves.slice(0, MAX_LEAVES_SHOWN) ?? [], [blame]);
  const rows = useMemo(() => blameRows(shownLeaves), [shownLeaves]);
  if (!blame) return <p className="detail-notice">This event is no longer buffered.</p>;
  const object = events.object(seq);
  const notShown = blame.leaves.length - shownLeaves.length;

  return (
    <div className="detail-blame">
      <ul className="detail-blame__leaves" aria-label="Leaves and the version that last changed each">
        {rows.map((row) => {
          const indent = { paddingLeft: `${row.depth * 14}px` };
          if (row.kind === 'branch') {
            return (
              <li key={row.id} className="blame-branch" style={indent}>
                {row.label}
              </li>
            );
          }
          const { leaf } = row;
          const value = masked && !hidden(leaf.value) && isSecretPath(object, leaf.segments) ? MASK : formatJsonValue(leaf.value, 120);
          const changed = leaf.changedSeq > 0 ? events.record(leaf.changedSeq) : undefined;
          return (
            <li
              key={row.id}
              className="blame-leaf"
              style={indent}
              data-testid="blame-leaf"
              data-path={leaf.path}
              data-changed-seq={leaf.changedSeq}
            >
              <span className="blame-leaf__key" title={leaf.path}>
                {row.label}
              </span>
              <span className="blame-leaf__value">{value}</span>
              {changed ? (
                <button type="button" className="blame-leaf__version" data-testid="blame-version" onClick={() => select(changed.seq)}>
                  {versionLabel(changed, events.displayNames)}
                  {changed.seq === seq ? ' (this version)' : ''}
                </button>
              ) : (
                <span className="blame-leaf__version blame-leaf__version--before" data-testid="blame-version">
                  {leaf.changedSeq > 0 ? `#${leaf.changedSeq} (evicted)` : 'before capture'}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {notShown > 0 && <p className="detail-blame__more">{notShown} more leaves not shown.</p>}
      {blame.truncated && <p className="detail-blame__more">The object has more leaves than Blame follows; those are left out.</p>}
    </div>
  );
}
