import { useEffect, useMemo, useState } from 'react';
import { useInspectorStore } from '../../store/store-context';
import { readRememberedSubscriptions, writeRememberedSubscriptions } from './remembered-subscriptions';

export interface RememberedOffer {
  /** Remembered specs of this endpoint that are not registered now; empty once answered. */
  missing: readonly string[];
  accept(): void;
  dismiss(): void;
}

/**
 * Keeps the endpoint's subscription list in localStorage and offers the remembered specs back when
 * a session starts on an endpoint that had some. Until the user answers the offer, the remembered
 * specs stay stored beside the current ones, so connecting does not wipe them.
 */
export function useRememberedSubscriptions(register: (spec: string) => void): RememberedOffer {
  const httpBase = useInspectorStore((state) => state.connection.httpBase);
  // The specs as one string: the list changes identity with every count update, the specs rarely,
  // and storage is written only when they change.
  const specsJson = useInspectorStore((state) =>
    JSON.stringify(state.subscriptions.filter((item) => item.status !== 'deregistering').map((item) => item.spec)),
  );
  const [answeredFor, setAnsweredFor] = useState('');
  // What was remembered when this endpoint was reached; later writes do not change the offer.
  const offered = useMemo(() => readRememberedSubscriptions(httpBase), [httpBase]);
  const current = useMemo(() => JSON.parse(specsJson) as string[], [specsJson]);
  const open = httpBase !== '' && answeredFor !== httpBase;
  const missing = useMemo(() => (open ? offered.filter((spec) => !current.includes(spec)) : []), [open, offered, current]);

  useEffect(() => {
    if (httpBase === '') return;
    writeRememberedSubscriptions(httpBase, missing.length > 0 ? [...current, ...missing] : current);
  }, [httpBase, current, missing]);

  return {
    missing,
    accept: () => {
      for (const spec of missing) register(spec);
      setAnsweredFor(httpBase);
    },
    dismiss: () => setAnsweredFor(httpBase),
  };
}
