import { useEffect } from 'react';
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
  // An event on disk (the deep window) is read back; `buffered` turns true when it is readable.
  useEffect(() => {
    if (!buffered && selectedSeq > 0) events.want(selectedSeq);
  }, [events, selectedSeq, buffered]);
  return { selectedSeq, record: buffered ? events.record(selectedSeq) : undefined };
}
