import { useEffect, useReducer } from 'react';
import { changeSummaryOf, peekChangeSummary } from '../../store/diff-selectors';
import { useInspectorStoreApi } from '../../store/store-context';

type CancelIdle = () => void;

/** requestIdleCallback where the browser has it (not Safari, not jsdom), else a short timeout. */
function whenIdle(task: () => void): CancelIdle {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: 500 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(task, 16);
  return () => clearTimeout(timer);
}

/**
 * The row's change summary. Computing it parses the event and its previous version (1 MB machines
 * exist, drp-protocol.md §6), so a row that is not cached yet renders first and computes when the
 * browser is idle; rows that scroll away before then never pay. The result is cached by seq.
 */
export function useChangeSummary(seq: number): string | undefined {
  const store = useInspectorStoreApi();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const summary = peekChangeSummary(store, seq);

  useEffect(() => {
    if (summary !== undefined) return undefined;
    return whenIdle(() => {
      changeSummaryOf(store, seq);
      rerender();
    });
  }, [store, seq, summary]);

  return summary;
}
