import { useEventReader } from '../../store/store-context';
import { changeSummaryText } from '../../lib/change-summary-words';

/**
 * The row's change summary in words. It is read from the changes the event's header carries
 * (computed in the socket worker where the frame was parsed, connection/version-tracker.ts), so it
 * costs a few property reads and is there the moment the row is: no parse, no queue, no `…`. With
 * a `Changed path` pattern the summary is that path's change.
 */
export function useChangeSummary(seq: number, pathPattern = ''): string {
  return changeSummaryText(useEventReader().changeSummary(seq, pathPattern));
}
