import { useEffect, useReducer } from 'react';
import { useEventReader } from '../../store/store-context';
import { changeSummaryText } from './change-summary-text';

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
 * How long a row must stay on screen before its summary is computed. During a flood that follows the
 * tail, rows pass through the viewport in one list update (~100 ms) and nobody can read them; without
 * this wait every row paid two JSON parses and a diff at idle time anyway (with ~30 KB machines
 * that was most of the main thread, competing for the CPU with the socket worker; see docs/architecture.md, "The ingest path").
 */
export const SUMMARY_DELAY_MS = 300;

function afterDelayWhenIdle(task: () => void): CancelIdle {
  let cancelIdle: CancelIdle | undefined;
  const timer = setTimeout(() => {
    cancelIdle = whenIdle(task);
  }, SUMMARY_DELAY_MS);
  return () => {
    clearTimeout(timer);
    cancelIdle?.();
  };
}

/**
 * The row's change summary. Computing it parses the event and its previous version (1 MB machines
 * exist, docs/reference/drp-protocol.md §6), so a row that is not cached yet renders first and computes once it has
 * stayed on screen for SUMMARY_DELAY_MS and the browser is idle; rows that scroll away before then
 * never pay. The result is cached by seq.
 */
export function useChangeSummary(seq: number): string | undefined {
  const events = useEventReader();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const summary = events.peekChangeSummary(seq);

  useEffect(() => {
    if (summary !== undefined) return undefined;
    return afterDelayWhenIdle(() => {
      events.changeSummary(seq);
      rerender();
    });
  }, [events, seq, summary]);

  return summary === undefined ? undefined : changeSummaryText(summary);
}
