import { useEffect, useReducer } from 'react';
import type { EventReader } from '../../store/event-reader';
import { useEventReader } from '../../store/store-context';
import { changeSummaryText } from './change-summary-text';
import { SummaryScheduler } from './summary-scheduler';

/** One queue per store: every row of its timeline shares the budget (summary-scheduler.ts). */
const schedulers = new WeakMap<EventReader, SummaryScheduler>();

function schedulerOf(events: EventReader): SummaryScheduler {
  let scheduler = schedulers.get(events);
  if (!scheduler) {
    scheduler = new SummaryScheduler((seq) => events.changeSummary(seq));
    schedulers.set(events, scheduler);
  }
  return scheduler;
}

/**
 * The row's change summary. Computing it parses the event and its previous version, so a row that
 * is not cached yet renders first (showing "…") and queues itself; the queue computes rendered rows
 * only, newest first, in budgeted idle slices (summary-scheduler.ts). A row that unmounts first
 * withdraws and never pays. The result is cached by seq in the store (event-diffs.ts).
 */
export function useChangeSummary(seq: number): string | undefined {
  const events = useEventReader();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const summary = events.peekChangeSummary(seq);

  useEffect(() => {
    if (summary !== undefined) return undefined;
    return schedulerOf(events).request(seq, rerender);
  }, [events, seq, summary]);

  return summary === undefined ? undefined : changeSummaryText(summary);
}
