import type { TimelineFilter } from '../../store/timeline-view';
import { facetMatches, parseFacet } from '../../store/timeline-filter';
import type { ObjectRow } from './object-rows';

/** The Objects view's columns, in display order. */
export const OBJECT_COLUMNS = [
  { id: 'type', title: 'Type' },
  { id: 'name', title: 'Name' },
  { id: 'key', title: 'Key' },
  { id: 'versions', title: 'Versions' },
  { id: 'action', title: 'Last action' },
  { id: 'time', title: 'Last time' },
  { id: 'principal', title: 'Last principal' },
  { id: 'workflow', title: 'Workflow' },
] as const;

export type ObjectColumn = (typeof OBJECT_COLUMNS)[number]['id'];
export type SortDirection = 'ascending' | 'descending';

export interface ObjectSort {
  column: ObjectColumn;
  direction: SortDirection;
}

/** Type, then name: stable while events arrive (a time order would reorder the list under the reader). */
export const DEFAULT_OBJECT_SORT: ObjectSort = { column: 'type', direction: 'ascending' };

/** The facets the Objects view shares with the timeline (view.filter); text and paths are about events. */
export type ObjectFacetFilter = Pick<TimelineFilter, 'type' | 'action' | 'key' | 'principal'>;

/**
 * The timeline's facet grammar (comma-separated alternatives, each a case-insensitive substring)
 * over the rows: type, the newest action, key or display name, the newest principal.
 */
export function filterObjectRows(rows: readonly ObjectRow[], filter: ObjectFacetFilter): readonly ObjectRow[] {
  const type = parseFacet(filter.type);
  const action = parseFacet(filter.action);
  const key = parseFacet(filter.key);
  const principal = parseFacet(filter.principal);
  if (type === null && action === null && key === null && principal === null) return rows;
  return rows.filter(
    (row) =>
      facetMatches(type, row.type) &&
      facetMatches(action, row.action) &&
      // The key facet matches the display name too, the principal facet the principal's name.
      (facetMatches(key, row.key) || facetMatches(key, row.nameLower)) &&
      (facetMatches(principal, row.principal) || facetMatches(principal, row.principalName ?? '')),
  );
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Machines by where they stand; objects without a workflow after every machine. */
function compareWorkflow(a: ObjectRow, b: ObjectRow): number {
  const aw = a.type === 'machines' ? 0 : 1;
  const bw = b.type === 'machines' ? 0 : 1;
  if (aw !== bw) return aw - bw;
  return (
    compareText(a.facts?.stage ?? '', b.facts?.stage ?? '') ||
    compareText(a.facts?.currentTask ?? '', b.facts?.currentTask ?? '') ||
    compareText(a.facts?.bootEnv ?? '', b.facts?.bootEnv ?? '')
  );
}

const COMPARATORS: Record<ObjectColumn, (a: ObjectRow, b: ObjectRow) => number> = {
  type: (a, b) => compareText(a.type, b.type) || compareText(a.nameLower, b.nameLower),
  name: (a, b) => compareText(a.nameLower, b.nameLower),
  key: (a, b) => compareText(a.key, b.key),
  versions: (a, b) => a.versions - b.versions,
  action: (a, b) => compareText(a.action, b.action),
  // Arrival order: seqs are monotonic, and a server's clock may step back.
  time: (a, b) => a.newestSeq - b.newestSeq,
  principal: (a, b) => compareText(a.principalName ?? a.principal, b.principalName ?? b.principal),
  workflow: compareWorkflow,
};

/** A sorted copy; ties fall back to Type+Key so the order never depends on arrival. */
export function sortObjectRows(rows: readonly ObjectRow[], sort: ObjectSort): ObjectRow[] {
  const compare = COMPARATORS[sort.column];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => sign * (compare(a, b) || compareText(a.id, b.id)));
}

/** A click on a column header: that column ascending, or the other direction when it is already sorted by it. */
export function nextSort(current: ObjectSort, column: ObjectColumn): ObjectSort {
  if (current.column !== column) return { column, direction: column === 'time' || column === 'versions' ? 'descending' : 'ascending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
