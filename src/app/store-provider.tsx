import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { createInspectorStore } from '../store/inspector-store';
import type { Inspector } from '../store/inspector-store';
import { InspectorContext } from '../store/store-context';

const RATE_TICK_MS = 1000;

interface StoreProviderProps {
  children: ReactNode;
  /** A prepared store and its event reader (tests); by default one is created for the provider's lifetime. */
  inspector?: Inspector;
}

/**
 * Owns the app's inspector store: creates it once and drives the events/s tick. It does not dispose
 * the store on unmount: StrictMode re-runs effects on a live component, and the app store lives as
 * long as the page (tests dispose their own stores).
 */
export function StoreProvider({ children, inspector: givenInspector }: StoreProviderProps) {
  const [inspector] = useState<Inspector>(() => givenInspector ?? createInspectorStore());
  const { store } = inspector;

  useEffect(() => {
    const timer = setInterval(() => store.getState().actions.tickRate(), RATE_TICK_MS);
    return () => clearInterval(timer);
  }, [store]);

  return <InspectorContext.Provider value={inspector}>{children}</InspectorContext.Provider>;
}
