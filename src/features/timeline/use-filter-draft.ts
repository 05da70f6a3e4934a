import { useEffect, useRef, useState } from 'react';
import { useInspectorStore, useInspectorStoreApi } from '../../store/store-context';
import { sameFilter } from '../../store/timeline-filter';
import type { TimelineFilter } from '../../store/timeline-view';

export interface FilterDraft {
  /** What the filter bar shows: the typed filter, ahead of the store's while typing. */
  draft: TimelineFilter;
  /** A typed change: reaches the store once typing pauses for the debounce delay. */
  edit(filter: TimelineFilter): void;
  /** A click (a checkbox, the followed object's ×): reaches the store at once. */
  commit(filter: TimelineFilter): void;
}

/**
 * The filter bar's draft over the store's `view.filter`. A filter change rescans the buffer (up to
 * 50,000 raw frames), so typing is debounced into `setView`; the store's filter can also change from
 * elsewhere (the detail pane's `Follow this object`, a pasted link), and then the draft takes it.
 */
export function useFilterDraft(debounceMs: number): FilterDraft {
  const store = useInspectorStoreApi();
  const stored = useInspectorStore((state) => state.view.filter);
  const [draft, setDraft] = useState(stored);
  /** The store's filter the draft last agreed with: a different one came from elsewhere. */
  const [adopted, setAdopted] = useState(stored);
  if (stored !== adopted) {
    // State adjusted while rendering (React's pattern for state derived from a changing input).
    setAdopted(stored);
    if (!sameFilter(stored, draft)) setDraft(stored);
  }

  /** What the user typed and the store has not taken yet (null once written or superseded). */
  const typed = useRef<TimelineFilter | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      typed.current = null;
      write(store, draft);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [store, draft, debounceMs]);

  // Leaving the timeline (Events → Objects) inside the typing pause must not drop what was typed;
  // only typing is written then, never a draft the store has moved past (a link being applied).
  useEffect(
    () => () => {
      if (typed.current !== null) write(store, typed.current);
    },
    [store],
  );

  return {
    draft,
    edit: (filter) => {
      typed.current = filter;
      setDraft(filter);
    },
    commit: (filter) => {
      typed.current = null;
      setDraft(filter);
      write(store, filter);
    },
  };
}

function write(store: ReturnType<typeof useInspectorStoreApi>, filter: TimelineFilter): void {
  const state = store.getState();
  if (!sameFilter(state.view.filter, filter)) state.actions.setView({ filter });
}
