import { useLayoutEffect } from 'react';
import { useEventReader, useInspectorStoreApi } from '../store/store-context';
import { startViewStateSync } from './start-view-state-sync';

/**
 * Keeps the view state in the page URL and the reading preferences in localStorage
 * (start-view-state-sync.ts). A layout effect, so a link's filters are in the store before the first
 * paint and the timeline never shows the unfiltered buffer first.
 */
export function ViewStateSync() {
  const store = useInspectorStoreApi();
  const events = useEventReader();
  useLayoutEffect(() => startViewStateSync(store, events, window), [store, events]);
  return null;
}
