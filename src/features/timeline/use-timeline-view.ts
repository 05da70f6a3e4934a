import { useEffect, useState, useSyncExternalStore } from 'react';
import { useInspectorStoreApi } from '../../store/store-context';
import { TimelineView, storeTimelineSource } from '../../store/timeline-view';
import type { TimelineFilter } from '../../store/timeline-view';

/**
 * Binds a TimelineView to the store: it catches up on every store update (new batch, eviction,
 * pause/resume, clear) outside React, and the component re-renders only when the filtered list or
 * its counts change. `version` is returned so that callers can key memos on it.
 */
export function useTimelineView(filter: TimelineFilter): { view: TimelineView; version: number } {
  const store = useInspectorStoreApi();
  const [view] = useState(() => new TimelineView(storeTimelineSource(store), filter));

  useEffect(() => {
    view.setFilter(filter);
  }, [view, filter]);

  useEffect(() => {
    view.sync();
    return store.subscribe(() => view.sync());
  }, [store, view]);

  const version = useSyncExternalStore(view.subscribe, view.getVersion);
  return { view, version };
}
