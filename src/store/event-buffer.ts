import type { FrameText } from '../connection/frame-text';
import type { EventHeader } from '../connection/received-frame';
import { parseDrpTime } from '../protocol/time';
import { EventObjectCache } from './event-object-cache';
import type { ParsedPayload } from './event-object-cache';
import { BufferedEventRecord, objectKeyOf } from './event-record';
import type { EventRecord } from './event-record';
import { RingBuffer } from './ring-buffer';
import { StringPool } from './string-pool';

export type PreviousVersion = { status: 'first' } | { status: 'evicted'; seq: number } | { status: 'found'; record: EventRecord };

/**
 * The event history outside React: the ring, the per-key index and the lazy payload cache.
 * Only the store's ingest path appends (CONTRIBUTING.md, house rule 2).
 */
export class EventBuffer {
  private readonly ring: RingBuffer<EventRecord>;
  /**
   * Type+NUL+Key -> seq of the newest event for that object; makes `prevSeq` O(1). Entries outlive
   * eviction so the next event of an evicted object says "previous version evicted", not "first";
   * `pruneIndex` bounds the map.
   */
  private readonly lastSeqByKey = new Map<string, number>();
  private readonly payloads = new EventObjectCache(64);
  private readonly strings = new StringPool();

  constructor(capacity: number) {
    this.ring = new RingBuffer<EventRecord>(capacity);
  }

  get capacity(): number {
    return this.ring.capacity;
  }
  get size(): number {
    return this.ring.size;
  }
  get firstSeq(): number {
    return this.ring.firstSeq;
  }
  get lastSeq(): number {
    return this.ring.lastSeq;
  }
  /** Number of object keys the index tracks (bounded by the ring size). */
  get indexedKeys(): number {
    return this.lastSeqByKey.size;
  }

  /**
   * Appends one event from its header (classified where the frame was received, received-frame.ts)
   * and its frame text (bytes in the batch buffer, frame-text.ts); returns the new record and
   * whether the oldest one was evicted.
   */
  append(event: EventHeader, text: FrameText, bytes: number, receivedAt: number): { record: EventRecord; evicted: boolean } {
    const seq = this.ring.nextSeq;
    const objectKey = objectKeyOf(event.Type, event.Key);
    const record = new BufferedEventRecord(
      {
        seq,
        receivedAt,
        time: parseDrpTime(event.Time),
        timeText: event.Time,
        type: this.strings.intern(event.Type),
        action: this.strings.intern(event.Action),
        key: event.Key,
        principal: this.strings.intern(event.Principal),
        bytes,
        hasOriginal: event.hasOriginal,
        prevSeq: this.lastSeqByKey.get(objectKey) ?? 0,
      },
      text,
    );
    this.lastSeqByKey.set(objectKey, seq);
    const evicted = this.ring.push(record);
    if (evicted) this.payloads.delete(evicted.seq);
    if (this.lastSeqByKey.size > this.indexLimit()) this.pruneIndex();
    return { record, evicted: evicted !== undefined };
  }

  get(seq: number): EventRecord | undefined {
    return this.ring.getBySeq(seq);
  }

  forEachInRange(fromSeq: number, toSeq: number, visit: (record: EventRecord) => void): void {
    this.ring.forEachInRange(fromSeq, toSeq, visit);
  }

  payloadOf(seq: number): ParsedPayload | undefined {
    const record = this.ring.getBySeq(seq);
    return record ? this.payloads.get(seq, record.raw) : undefined;
  }

  /**
   * The previous event of the same Type+Key. `evicted` means there was one (its seq is known from
   * `prevSeq`) but the ring has dropped it, which the diff view must say rather than show "first".
   */
  previousVersion(seq: number): PreviousVersion | undefined {
    const record = this.ring.getBySeq(seq);
    if (!record) return undefined;
    if (record.prevSeq === 0) return { status: 'first' };
    const previous = this.ring.getBySeq(record.prevSeq);
    return previous ? { status: 'found', record: previous } : { status: 'evicted', seq: record.prevSeq };
  }

  /** Returns how many records were dropped to fit. */
  setCapacity(capacity: number): number {
    const dropped = this.ring.setCapacity(capacity);
    for (const record of dropped) this.payloads.delete(record.seq);
    if (this.lastSeqByKey.size > this.indexLimit()) this.pruneIndex();
    return dropped.length;
  }

  /** Empties the buffer. Seqs keep counting; the key index restarts, so new events start as "first". */
  clear(): void {
    this.ring.clear();
    this.lastSeqByKey.clear();
    this.payloads.clear();
  }

  private indexLimit(): number {
    return Math.max(2 * this.ring.capacity, 1024);
  }

  /**
   * Drops index entries of objects with nothing left in the ring. After a prune at most `capacity`
   * entries remain, so the full scan runs at most once per `capacity` new keys (amortised O(1)).
   * The cost: an object whose events were all evicted long ago may later show up as "first".
   */
  private pruneIndex(): void {
    const firstSeq = this.ring.firstSeq;
    for (const [objectKey, seq] of this.lastSeqByKey) {
      if (seq < firstSeq) this.lastSeqByKey.delete(objectKey);
    }
  }
}
