import { useCallback, useState } from 'react';
import { useEventReader, useInspectorStore, useInspectorStoreApi } from '../../store/store-context';
import { ObjectFilterRow } from './object-filter-row';
import { ObjectList } from './object-list';
import { DEFAULT_OBJECT_SORT, nextSort } from './object-order';
import type { ObjectColumn, ObjectFacetFilter } from './object-order';
import type { ObjectRow } from './object-rows';
import { useObjectRows } from './use-object-rows';
import './objects.css';

/**
 * The Objects view: each distinct object with a buffered version (one row per Type+Key), its
 * display name, how many versions are buffered, what happened last and by whom, and for machines
 * where the workflow stands. Selecting a row opens its newest version with History shown.
 */
export function Objects() {
  const store = useInspectorStoreApi();
  const events = useEventReader();
  const filter = useInspectorStore((state) => state.view.filter);
  const [sort, setSort] = useState(DEFAULT_OBJECT_SORT);
  const { rows, total } = useObjectRows(filter, sort);
  const selectedSeq = useInspectorStore((state) => state.selectedSeq);
  // The object of the selection, whatever selected it (this list, the timeline, History).
  const selectedId = selectedSeq > 0 ? events.objectOf(selectedSeq)?.id : undefined;

  const onFilter = useCallback(
    (patch: Partial<ObjectFacetFilter>) => {
      const state = store.getState();
      state.actions.setView({ filter: { ...state.view.filter, ...patch } });
    },
    [store],
  );

  const onSelect = useCallback(
    (row: ObjectRow) => {
      const { actions } = store.getState();
      // The row is a snapshot (up to OBJECTS_UPDATE_MS old): select what is newest now.
      actions.select(events.objectByKey(row.type, row.key)?.newestSeq ?? row.newestSeq);
      actions.setView({ detailTab: 'history' });
    },
    [store, events],
  );

  const onSort = useCallback((column: ObjectColumn) => setSort((current) => nextSort(current, column)), []);

  return (
    <section className="pane-column objects" aria-label="Objects view">
      <ObjectFilterRow filter={filter} onChange={onFilter} />
      <div className="objects-status">
        <span data-testid="objects-count">
          {rows.length} of {total} objects
        </span>
      </div>
      <ObjectList rows={rows} selectedId={selectedId} onSelect={onSelect} sort={sort} onSort={onSort} />
    </section>
  );
}
