import { useEffect, useState, useSyncExternalStore } from 'react';
import { useEventReader, useInspectorStoreApi } from '../../store/store-context';
import { TimelineView, storeTimelineSource } from '../../store/timeline-view';
import type { TimelineFilter } from '../../store/timeline-view';
import { createRenderThrottle } from '../../lib/render-throttle';

/**
 * How often the list may follow the store. The store publishes a batch per animation frame (up to
 * 60 a second); the list catches up at most 10 times a second, so a flood costs ~10 list renders a
 * second instead of 60 while the counters in the status bar still move every frame. At low rates
 * nothing waits: the first change after a quiet spell shows at once.
 */
export const TIMELINE_UPDATE_MS = 100;
/**
 * When one update brought more rows than a screen holds, every update replaces the whole screen and
 * no row can be read at any update rate; then the list updates 4 times a second. Each screen stays
 * longer, and the CPU goes to the socket worker: on two cores, rendering competed with reading the
 * socket (measured with ~30 KB machines at 1,000/s; docs/architecture.md).
 */
export const TIMELINE_FLOOD_UPDATE_MS = 250;
/** More new rows than this per update counts as a flood (a tall timeline shows ~35). */
export const FLOOD_ROWS_PER_UPDATE = 40;

/**
 * Binds a TimelineView to the store: it catches up (new batch, eviction, pause/resume, clear)
 * outside React, throttled to TIMELINE_UPDATE_MS, and the component re-renders only when the
 * filtered list or its counts change. The view and what the list renders move together (the view is
 * the throttled copy), so rows, counts and keyboard navigation always agree. `version` is returned
 * so that callers can key memos on it.
 */
export function useTimelineView(filter: TimelineFilter): { view: TimelineView; version: number } {
  const store = useInspectorStoreApi();
  const events = useEventReader();
  const [view] = useState(() => new TimelineView(storeTimelineSource(events), filter));

  useEffect(() => {
    view.setFilter(filter);
  }, [view, filter]);

  useEffect(() => {
    let flooding = false;
    const throttle = createRenderThrottle(
      () => {
        const before = view.range.last;
        view.sync();
        flooding = view.range.last - before > FLOOD_ROWS_PER_UPDATE;
      },
      () => (flooding ? TIMELINE_FLOOD_UPDATE_MS : TIMELINE_UPDATE_MS),
    );
    throttle.request();
    const unsubscribe = store.subscribe((state, previous) => {
      // Selection, connection and counter changes leave the list alone; only a revision moves it.
      if (state.revision !== previous.revision || state.paused !== previous.paused) throttle.request();
    });
    return () => {
      unsubscribe();
      throttle.cancel();
    };
  }, [store, view]);

  const version = useSyncExternalStore(view.subscribe, view.getVersion);
  return { view, version };
}
