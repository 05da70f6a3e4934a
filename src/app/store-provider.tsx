import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { createInspectorStore } from '../store/inspector-store';
import type { InspectorStore } from '../store/inspector-state';
import { InspectorStoreContext } from '../store/store-context';

const RATE_TICK_MS = 1000;

interface StoreProviderProps {
  children: ReactNode;
  /** A prepared store (tests); by default one store is created for the provider's lifetime. */
  store?: InspectorStore;
}

/**
 * Owns the app's inspector store: creates it once and drives the events/s tick. It does not dispose
 * the store on unmount: StrictMode re-runs effects on a live component, and the app store lives as
 * long as the page (tests dispose their own stores).
 */
export function StoreProvider({ children, store: givenStore }: StoreProviderProps) {
  const [store] = useState<InspectorStore>(() => givenStore ?? createInspectorStore());

  useEffect(() => {
    const timer = setInterval(() => store.getState().actions.tickRate(), RATE_TICK_MS);
    return () => clearInterval(timer);
  }, [store]);

  return <InspectorStoreContext.Provider value={store}>{children}</InspectorStoreContext.Provider>;
}
