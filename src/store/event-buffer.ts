import type { FrameText } from '../connection/frame-text';
import type { EventHeader } from '../connection/received-frame';
import { parseDrpTime } from '../protocol/time';
import { EventObjectCache } from './event-object-cache';
import type { ParsedPayload } from './event-object-cache';
import { BufferedEventRecord, objectKeyOf } from './event-record';
import type { EventRecord } from './event-record';
import { ObjectIndex } from './object-index';
import type { ObjectEntry } from './object-index';
import { RingBuffer } from './ring-buffer';
import { StringPool } from './string-pool';

export type PreviousVersion = { status: 'first' } | { status: 'evicted'; seq: number } | { status: 'found'; record: EventRecord };

/**
 * The event history outside React: the ring, the per-key index and the lazy payload cache.
 * Only the store's ingest path appends (CONTRIBUTING.md, house rule 2).
 */
export class EventBuffer {
  private readonly ring: RingBuffer<EventRecord>;
  /** Type+NUL+Key -> the object's newest seq and version counts (object-index.ts); makes `prevSeq` O(1). */
  private readonly objects = new ObjectIndex();
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
  /** Number of object keys the index tracks (bounded by twice the ring size). */
  get indexedKeys(): number {
    return this.objects.size;
  }

  /** The object index (read-only use: History, the Objects view). */
  get objectIndex(): Pick<ObjectIndex, 'get' | 'forEachLive' | 'liveCount'> {
    return this.objects;
  }

  /** The object `seq` is a version of; undefined once the record left the ring. */
  objectOf(seq: number): ObjectEntry | undefined {
    const record = this.ring.getBySeq(seq);
    return record ? this.objects.get(objectKeyOf(record.type, record.key)) : undefined;
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
        prevSeq: this.objects.get(objectKey)?.newestSeq ?? 0,
        changes: event.changes,
        facts: event.facts,
      },
      text,
    );
    this.objects.added(objectKey, record);
    const evicted = this.ring.push(record);
    if (evicted) this.dropped(evicted);
    this.objects.prune(this.indexLimit());
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
    for (const record of dropped) this.dropped(record);
    this.objects.prune(this.indexLimit());
    return dropped.length;
  }

  /** Empties the buffer. Seqs keep counting; the key index restarts, so new events start as "first". */
  clear(): void {
    this.ring.clear();
    this.objects.clear();
    this.payloads.clear();
  }

  private dropped(record: EventRecord): void {
    this.payloads.delete(record.seq);
    this.objects.evicted(objectKeyOf(record.type, record.key));
  }

  private indexLimit(): number {
    return Math.max(2 * this.ring.capacity, 1024);
  }
}
