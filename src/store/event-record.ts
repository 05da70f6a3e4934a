import { decodeFrameText } from '../connection/frame-text';
import type { FrameText } from '../connection/frame-text';
import type { ChangeFacts } from '../lib/change-facts';
import type { ObjectFacts } from '../lib/object-facts';
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
  /** The frame text as received (decoded from its bytes on each read: views cache what they parse). */
  readonly raw: string;
  /** The frame text's UTF-8 bytes, a view (no copy): Record to disk writes these without decoding. */
  textBytes(): Uint8Array;
  /** Frame size as `text.length` (UTF-16 code units), as `parseFrame` reports it. */
  bytes: number;
  hasOriginal: boolean;
  /** Seq of the previous event with the same Type+Key in this buffer's history, 0 if none. */
  prevSeq: number;
  /** What this event changed, computed where the frame was parsed (connection/version-tracker.ts). */
  changes: ChangeFacts;
  /** Name, state and workflow position (lib/object-facts.ts); null for types that have none. */
  facts: ObjectFacts | null;
}

/**
 * The records the ring holds. The text stays as UTF-8 bytes in the batch buffer it arrived in
 * (connection/frame-text.ts: off the JS heap, never copied by the garbage collector); `raw`
 * decodes it when a view, the free-text filter or an export asks.
 */
export class BufferedEventRecord implements EventRecord {
  readonly seq: number;
  readonly receivedAt: number;
  readonly time: DrpTimestamp | null;
  readonly timeText: string;
  readonly type: string;
  readonly action: string;
  readonly key: string;
  readonly principal: string;
  readonly bytes: number;
  readonly hasOriginal: boolean;
  readonly prevSeq: number;
  readonly changes: ChangeFacts;
  readonly facts: ObjectFacts | null;
  private readonly text: FrameText;

  constructor(fields: Omit<EventRecord, 'raw' | 'textBytes'>, text: FrameText) {
    this.seq = fields.seq;
    this.receivedAt = fields.receivedAt;
    this.time = fields.time;
    this.timeText = fields.timeText;
    this.type = fields.type;
    this.action = fields.action;
    this.key = fields.key;
    this.principal = fields.principal;
    this.bytes = fields.bytes;
    this.hasOriginal = fields.hasOriginal;
    this.prevSeq = fields.prevSeq;
    this.changes = fields.changes;
    this.facts = fields.facts;
    this.text = text;
  }

  get raw(): string {
    return decodeFrameText(this.text);
  }

  textBytes(): Uint8Array {
    return new Uint8Array(this.text.buffer, this.text.offset, this.text.length);
  }
}

/** Per-key index key. NUL cannot appear in a DRP type name, so the pair never collides. */
export function objectKeyOf(type: string, key: string): string {
  return `${type}\u0000${key}`;
}
