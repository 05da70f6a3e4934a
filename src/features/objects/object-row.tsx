import { memo } from 'react';
import { clipText } from '../../lib/clip-text';
import { formatDrpTime } from '../../lib/format-time-of-day';
import type { ObjectRow as ObjectRowData } from './object-rows';
import { WorkflowCell } from './workflow-cell';

interface ObjectRowProps {
  row: ObjectRowData;
  /** Position among the shown rows (the header is row 1 for `aria-rowindex`). */
  index: number;
  top: number;
  selected: boolean;
}

export const objectRowId = (id: string): string => `object-row-${encodeURIComponent(id)}`;

/**
 * One object: every value a React text node (event content is untrusted), clipped before layout.
 * Selection is handled by the list, so the row has no handlers.
 */
export const ObjectRow = memo(function ObjectRow({ row, index, top, selected }: ObjectRowProps) {
  const type = clipText(row.type);
  const key = clipText(row.key);
  const name = clipText(row.name);
  const deleted = row.action === 'delete';
  const notRunnable = row.type === 'machines' && row.facts?.runnable === false;
  const evicted = row.seen - row.versions;
  const classes = ['objects-row'];
  if (deleted) classes.push('objects-row--deleted');
  if (notRunnable) classes.push('objects-row--not-runnable');
  if (selected) classes.push('objects-row--selected');
  return (
    <div
      id={objectRowId(row.id)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ top }}
      data-testid="object-row"
      data-id={row.id}
      data-type={type}
      data-key={key}
      data-newest-seq={row.newestSeq}
      data-versions={row.versions}
      data-deleted={deleted || undefined}
      data-runnable={row.type === 'machines' && row.facts?.runnable !== undefined ? String(row.facts.runnable) : undefined}
    >
      <span role="gridcell" className="objects-cell objects-cell--type">
        {type}
      </span>
      {/* Machines by Name with the Uuid in the tooltip (as every display name: the Key in the tooltip). */}
      <span role="gridcell" className="objects-cell objects-cell--name" title={name === key ? key : `${name}\n${key}`}>
        {name}
      </span>
      <span role="gridcell" className="objects-cell objects-cell--key" title={key}>
        {key}
      </span>
      <span
        role="gridcell"
        className="objects-cell objects-cell--versions"
        title={evicted > 0 ? `${row.versions} buffered, ${evicted} older evicted` : `${row.versions} buffered`}
      >
        {row.versions}
      </span>
      <span role="gridcell" className="objects-cell objects-cell--action">
        {deleted ? 'deleted' : clipText(row.action)}
      </span>
      <span role="gridcell" className="objects-cell objects-cell--time" title={clipText(row.timeText)}>
        {row.time ? formatDrpTime(row.time) : clipText(row.timeText)}
      </span>
      <span role="gridcell" className="objects-cell objects-cell--principal" title={clipText(row.principal)}>
        {clipText(row.principalName ?? row.principal)}
      </span>
      <span role="gridcell" className="objects-cell objects-cell--workflow">
        {row.type === 'machines' && row.facts ? <WorkflowCell facts={row.facts} /> : null}
      </span>
    </div>
  );
});
