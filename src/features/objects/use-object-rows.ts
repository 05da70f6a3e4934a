import { useEffect, useMemo, useState } from 'react';
import { createRenderThrottle } from '../../lib/render-throttle';
import { useEventReader, useInspectorStoreApi } from '../../store/store-context';
import { filterObjectRows, sortObjectRows } from './object-order';
import type { ObjectFacetFilter, ObjectSort } from './object-order';
import { collectObjectRows } from './object-rows';
import type { ObjectRow } from './object-rows';

/**
 * How often the list follows the store. A refresh copies and sorts every object (10,000 in a few
 * milliseconds), and a list that reorders more often than this cannot be read anyway.
 */
export const OBJECTS_UPDATE_MS = 250;

export interface ObjectRows {
  /** Filtered and sorted, what the list shows. */
  rows: readonly ObjectRow[];
  /** Objects with a buffered version, before filtering. */
  total: number;
}

/**
 * The Objects view's rows: a snapshot of the store's object index taken at most every
 * OBJECTS_UPDATE_MS while revisions arrive (on the leading edge, so a quiet store shows a change at
 * once), then filtered by the shared facets and sorted.
 */
export function useObjectRows(filter: ObjectFacetFilter, sort: ObjectSort): ObjectRows {
  const store = useInspectorStoreApi();
  const events = useEventReader();
  const [initial] = useState(() => ({ rows: collectObjectRows(events), revision: store.getState().revision }));
  const [snapshot, setSnapshot] = useState<ObjectRow[]>(initial.rows);

  useEffect(() => {
    const throttle = createRenderThrottle(() => setSnapshot(collectObjectRows(events)), OBJECTS_UPDATE_MS);
    // Whatever arrived between the first render and this subscription.
    if (store.getState().revision !== initial.revision) throttle.request();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.revision !== previous.revision) throttle.request();
    });
    return () => {
      unsubscribe();
      throttle.cancel();
    };
  }, [store, events, initial]);

  const { type, action, key, principal } = filter;
  const filtered = useMemo(() => filterObjectRows(snapshot, { type, action, key, principal }), [snapshot, type, action, key, principal]);
  const rows = useMemo(() => sortObjectRows(filtered, sort), [filtered, sort]);
  return { rows, total: snapshot.length };
}
