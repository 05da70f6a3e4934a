import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EventReader } from './event-reader';
import type { InspectorState, InspectorStore } from './inspector-state';
import type { Inspector } from './inspector-store';

/**
 * The React binding of the inspector store. The provider component lives in app/store-provider.tsx;
 * features use only these hooks, so each test can hand in a fresh store.
 */
export const InspectorContext = createContext<Inspector | null>(null);

function useInspector(): Inspector {
  const inspector = useContext(InspectorContext);
  if (!inspector) throw new Error('inspector hooks must be used inside <StoreProvider>');
  return inspector;
}

/** The store object itself, for actions and `subscribe` outside renders. */
export function useInspectorStoreApi(): InspectorStore {
  return useInspector().store;
}

/**
 * The buffered events (records, parsed objects, diffs, row summaries). Reading does not subscribe:
 * pair it with `useInspectorStore` on the value that should re-render the caller.
 */
export function useEventReader(): EventReader {
  return useInspector().events;
}

/**
 * Subscribes to one slice of state. zustand 5 needs the selector to return a stable reference:
 * select one value (or an existing object such as `state.connection`), not a fresh object literal.
 */
export function useInspectorStore<T>(selector: (state: InspectorState) => T): T {
  return useStore(useInspectorStoreApi(), selector);
}
