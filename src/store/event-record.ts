import type { DrpTimestamp } from '../protocol/time';

/**
 * One buffered event. It holds the frame text plus the small header fields the timeline needs;
 * `Object`/`Original` are parsed lazily from `raw` (see `event-object-cache.ts`) because keeping the
 * parsed trees of 50,000 events would cost several times the raw JSON size (memory target: about
 * 2.5x the raw bytes per event).
 */
export interface EventRecord {
  /** Monotonic from 1, never reused; the row identity (`getItemKey`). */
  seq: number;
  /** `Date.now()` when the event was ingested. */
  receivedAt: number;
  /** The event's `Time` parsed with nanosecond precision, or null when it could not be parsed. */
  time: DrpTimestamp | null;
  /** The event's `Time` string exactly as the server sent it. */
  timeText: string;
  type: string;
  action: string;
  key: string;
  principal: string;
  /** The frame text as received. */
  raw: string;
  /** Frame size as `text.length` (UTF-16 code units), as `parseFrame` reports it. */
  bytes: number;
  hasOriginal: boolean;
  /** Seq of the previous event with the same Type+Key in this buffer's history, 0 if none. */
  prevSeq: number;
}

/** Per-key index key. NUL cannot appear in a DRP type name, so the pair never collides. */
export function objectKeyOf(type: string, key: string): string {
  return `${type}\u0000${key}`;
}
