import { useEffect, useMemo, useState } from 'react';
import { NO_CHANGES } from '../../lib/change-facts';
import { formatJsonValue } from '../../lib/format-json-value';
import type { VersionChange } from '../../store/object-history';
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
  // Older versions on disk (the deep window) are read back a few dozen at a time, their changes
  // kept here (not their chunks), then blamed again.
  const [known, setKnown] = useState<{ seq: number; changes: ReadonlyMap<number, VersionChange> }>({ seq, changes: new Map() });
  const knownChanges = known.seq === seq ? known.changes : undefined;
  const blame = useMemo(() => events.blame(seq, knownChanges), [events, seq, knownChanges]);
  useEffect(() => {
    if (!blame || blame.reading.length === 0) return;
    let current = true;
    void events.readBack(blame.reading).then((read) => {
      if (!current) return;
      const changes = new Map(knownChanges);
      for (const versionSeq of blame.reading) {
        const record = read.get(versionSeq);
        // An unreadable chunk counts as a version with unknown changes, so the walk ends there.
        // Only the two fields: a record would keep its whole chunk's bytes alive.
        changes.set(
          versionSeq,
          record ? { action: record.action, changes: record.changes } : { action: '', changes: { ...NO_CHANGES, reason: 'large' } },
        );
      }
      setKnown({ seq, changes });
    });
    return () => {
      current = false;
    };
  }, [events, seq, blame, knownChanges]);
  const shownLeaves = useMemo(() => blame?.leaves.slice(0, MAX_LEAVES_SHOWN) ?? [], [blame]);
  const rows = useMemo(() => blameRows(shownLeaves), [shownLeaves]);
  if (!blame) return <p className="detail-notice">This event is no longer buffered.</p>;
  const object = events.object(seq);
  const notShown = blame.leaves.length - shownLeaves.length;

  return (
    <div className="detail-blame" aria-busy={blame.reading.length > 0}>
      {blame.reading.length > 0 && (
        <p className="detail-notice" data-testid="blame-reading">
          Reading older versions from disk…
        </p>
      )}
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
