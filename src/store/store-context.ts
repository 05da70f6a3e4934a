import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { InspectorState, InspectorStore } from './inspector-state';

/**
 * The React binding of the inspector store. The provider component lives in app/store-provider.tsx;
 * features use only these hooks, so each test can hand in a fresh store.
 */
export const InspectorStoreContext = createContext<InspectorStore | null>(null);

/** The store object itself, for actions and the read helpers (getRecord, seqRange, ...). */
export function useInspectorStoreApi(): InspectorStore {
  const store = useContext(InspectorStoreContext);
  if (!store) throw new Error('useInspectorStoreApi must be used inside <StoreProvider>');
  return store;
}

/**
 * Subscribes to one slice of state. zustand 5 needs the selector to return a stable reference:
 * select one value (or an existing object such as `state.connection`), not a fresh object literal.
 */
export function useInspectorStore<T>(selector: (state: InspectorState) => T): T {
  return useStore(useInspectorStoreApi(), selector);
}
