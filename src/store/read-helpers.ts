import type { PreviousVersion } from './event-buffer';
import type { EventRecord } from './event-record';
import type { InspectorStore } from './inspector-state';
import { internalsOf } from './store-internals';

/**
 * Getters over the ring for views. They take the store, not React state: components subscribe to
 * `revision` and read rows through these (CONTRIBUTING.md, house rule 3).
 */
export type { PreviousVersion } from './event-buffer';

export function getRecord(store: InspectorStore, seq: number): EventRecord | undefined {
  return internalsOf(store).buffer.get(seq);
}

/** The event's `Object`, parsed on first use (small LRU); undefined if the record is gone. */
export function getEventObject(store: InspectorStore, seq: number): unknown {
  return internalsOf(store).buffer.payloadOf(seq)?.object;
}

/** The event's `Original` (null when the server sent none); undefined if the record is gone. */
export function getEventOriginal(store: InspectorStore, seq: number): unknown {
  return internalsOf(store).buffer.payloadOf(seq)?.original;
}

/**
 * The previous event of the same Type+Key: `first` (none in this buffer's history), `evicted` (there
 * was one, `seq`, but the ring dropped it) or `found`. Undefined when `seq` itself is not buffered.
 */
export function previousVersion(store: InspectorStore, seq: number): PreviousVersion | undefined {
  return internalsOf(store).buffer.previousVersion(seq);
}

/**
 * The seqs a timeline shows, inclusive. While paused it stops at `pausedAtSeq`. Empty when
 * `last < first` (then `last - first + 1 === 0`, so the count formula needs no special case).
 */
export function seqRange(store: InspectorStore): { first: number; last: number } {
  const { buffer } = internalsOf(store);
  const { paused, pausedAtSeq } = store.getState();
  const first = buffer.firstSeq;
  const last = paused ? Math.min(pausedAtSeq, buffer.lastSeq) : buffer.lastSeq;
  return { first, last: Math.max(last, first - 1) };
}

/** Visits buffered records with `from <= seq <= to`, oldest first. */
export function forEachRecord(store: InspectorStore, from: number, to: number, visit: (record: EventRecord) => void): void {
  internalsOf(store).buffer.forEachInRange(from, to, visit);
}
