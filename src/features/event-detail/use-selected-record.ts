import type { EventRecord } from '../../store/event-record';
import { useEventReader, useInspectorStore } from '../../store/store-context';

/**
 * The selected seq and its record, undefined once the record left the buffer (evicted or cleared
 * while the user reads it). Subscribes to the selection and to whether its record is still buffered,
 * not to the revision: a flood publishes a batch every frame, and re-rendering the open tab each time
 * cost frames.
 */
export function useSelectedRecord(): { selectedSeq: number; record: EventRecord | undefined } {
  const events = useEventReader();
  const selectedSeq = useInspectorStore((state) => state.selectedSeq);
  const buffered = useInspectorStore((state) => state.selectedSeq > 0 && events.record(state.selectedSeq) !== undefined);
  return { selectedSeq, record: buffered ? events.record(selectedSeq) : undefined };
}
