import { useEffect, useRef } from 'react';
import type { InspectorActions } from '../../store/inspector-state';
import { useInspectorStoreApi } from '../../store/store-context';

// Named from the store action that yields it: features do not import connection/, where it is declared.
type DemoConfig = NonNullable<Awaited<ReturnType<InspectorActions['loadDemoConfig']>>>;

/**
 * `npm start` serves `./demo.json` next to the app; when it is there, fill the form with it and
 * connect. Anywhere else it is a 404 and nothing happens. Runs once per mount (the ref survives
 * StrictMode's effect re-run, so the demo does not connect twice).
 */
export function useDemoAutoConnect(apply: (config: DemoConfig) => void): void {
  const store = useInspectorStoreApi();
  const started = useRef(false);
  const applyRef = useRef(apply);
  useEffect(() => {
    applyRef.current = apply;
  });
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void store
      .getState()
      .actions.loadDemoConfig()
      .then((config) => {
        if (!config) return;
        applyRef.current(config);
        void store.getState().actions.connect({
          endpoint: config.endpoint,
          auth: 'password',
          username: config.username,
          password: config.password,
        });
        // Registered while connecting: they wait as unsent and go out when the socket opens.
        for (const spec of config.subscriptions) store.getState().actions.register(spec);
      });
  }, [store]);
}
