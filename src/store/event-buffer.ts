import type { FrameText } from '../connection/frame-text';
import type { EventHeader } from '../connection/received-frame';
import { parseDrpTime } from '../protocol/time';
import { EventObjectCache } from './event-object-cache';
import type { ParsedPayload } from './event-object-cache';
import { deepEntryOf, versionsBelow } from './deep-objects';
import type { DiskChunkEntry } from './disk-index';
import { DiskTier } from './disk-tier';
import type { HeaderRecord } from './disk-tier';
import { BufferedEventRecord, objectKeyOf } from './event-record';
import type { EventRecord } from './event-record';
import { ObjectIndex } from './object-index';
import type { ObjectEntry } from './object-index';
import { RingBuffer } from './ring-buffer';
import { StringPool } from './string-pool';

export type PreviousVersion =
  | { status: 'first' }
  | { status: 'evicted'; seq: number }
  /** Recorded to disk and being read back (the deep window); ask again once the store's revision moves. */
  | { status: 'reading'; seq: number }
  | { status: 'found'; record: EventRecord };

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
  /** Events recorded to disk: the deep window behind the ring (disk-tier.ts). */
  readonly disk: DiskTier;
  /** Seqs below this were cleared: a chunk of them written late stays out of the deep window. */
  private keepFrom = 1;

  constructor(capacity: number, diskLoaded: () => void = () => {}) {
    this.ring = new RingBuffer<EventRecord>(capacity);
    this.disk = new DiskTier(diskLoaded);
  }

  /**
   * The oldest seq a timeline reaches: the oldest recorded event when the disk holds events older
   * than the ring (the deep window), else the ring's first.
   */
  get deepFirstSeq(): number {
    const diskFirst = this.disk.index.firstSeq;
    return diskFirst > 0 && diskFirst < this.ring.firstSeq ? diskFirst : this.ring.firstSeq;
  }

  /** Whether `seq` left the ring but is recorded to disk and not read back yet. */
  reading(seq: number): boolean {
    return seq < this.ring.firstSeq && this.disk.pending(seq);
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

  /**
   * The object `seq` is a version of, counting its versions on disk (deep-objects.ts); undefined
   * once `seq` is neither in the ring nor recorded.
   */
  objectOf(seq: number): ObjectEntry | undefined {
    const id = this.objectKeyAt(seq);
    return id === '' ? undefined : this.objectById(id);
  }

  /** An object by `Type + NUL + Key`, ring and disk together. */
  objectById(id: string): ObjectEntry | undefined {
    return deepEntryOf(this.objects.get(id), this.disk.index.object(id), this.ring.firstSeq);
  }

  /** Objects with a version in the ring or on disk: the ring's in first-seen order, then those only on disk. */
  forEachObject(visit: (entry: ObjectEntry) => void): void {
    const ringFirst = this.ring.firstSeq;
    this.objects.forEachLive((entry) => visit(deepEntryOf(entry, this.disk.index.object(entry.id), ringFirst)!));
    this.disk.index.forEachObject((object) => {
      if ((this.objects.get(object.id)?.buffered ?? 0) > 0 || versionsBelow(object, ringFirst) === 0) return;
      visit(deepEntryOf(this.objects.get(object.id), object, ringFirst)!);
    });
  }

  /** The `Type + NUL + Key` of event `seq`, from the ring or the disk index; '' if unknown. */
  objectKeyAt(seq: number): string {
    const record = this.ring.getBySeq(seq);
    if (record) return objectKeyOf(record.type, record.key);
    return seq < this.ring.firstSeq ? (this.disk.index.objectAt(seq)?.id ?? '') : '';
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
        // An object last seen before the ring started (a reopened capture) continues its recorded history.
        prevSeq: this.objects.get(objectKey)?.newestSeq ?? this.disk.index.object(objectKey)?.seqs.at(-1) ?? 0,
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

  /**
   * The record of `seq`: from the ring, else from the disk when it was recorded there and its chunk
   * is read back (`disk.request` asks for that; the store's revision moves when it is readable).
   */
  get(seq: number): EventRecord | undefined {
    const record = this.ring.getBySeq(seq);
    if (record || seq >= this.ring.firstSeq) return record;
    return this.disk.get(seq);
  }

  /**
   * The header fields of `seq` (no frame text): from the ring, a decoded chunk, or the headers read
   * for History (disk-tier.ts). Starts no read: History asks for the headers it shows.
   */
  header(seq: number): HeaderRecord | undefined {
    const record = this.ring.getBySeq(seq);
    if (record || seq >= this.ring.firstSeq) return record;
    return this.disk.header(seq);
  }

  forEachInRange(fromSeq: number, toSeq: number, visit: (record: EventRecord) => void): void {
    this.ring.forEachInRange(fromSeq, toSeq, visit);
  }

  payloadOf(seq: number): ParsedPayload | undefined {
    const record = this.get(seq);
    return record ? this.payloads.get(seq, record.raw) : undefined;
  }

  /**
   * The previous event of the same Type+Key. `evicted` means there was one (its seq is known from
   * `prevSeq`) but the ring has dropped it, which the diff view must say rather than show "first".
   */
  previousVersion(seq: number): PreviousVersion | undefined {
    const record = this.get(seq);
    if (!record) return undefined;
    if (record.prevSeq === 0) return { status: 'first' };
    const previous = this.get(record.prevSeq);
    if (previous) return { status: 'found', record: previous };
    if (!this.reading(record.prevSeq)) return { status: 'evicted', seq: record.prevSeq };
    this.disk.request(record.prevSeq);
    return { status: 'reading', seq: record.prevSeq };
  }

  /** Returns how many records were dropped to fit. */
  setCapacity(capacity: number): number {
    const dropped = this.ring.setCapacity(capacity);
    for (const record of dropped) this.dropped(record);
    this.objects.prune(this.indexLimit());
    return dropped.length;
  }

  /** Empties the buffer and forgets the deep window. Seqs keep counting; the key index restarts, so new events start as "first". */
  clear(): void {
    this.ring.clear();
    this.objects.clear();
    this.payloads.clear();
    this.disk.clear();
    this.keepFrom = this.ring.nextSeq;
  }

  /**
   * A chunk of this buffer's events is being recorded to disk (disk-tier.ts `writing`); ignored
   * (provisional id 0) when it holds events cleared away.
   */
  addRecording(entry: DiskChunkEntry, records: readonly EventRecord[]): number {
    return entry.firstSeq >= this.keepFrom ? this.disk.writing(entry, records) : 0;
  }

  /**
   * Empties the buffer and makes a capture on disk its deep window: its chunks get the next seqs
   * (`chunks(first)` builds their entries), which the ring then skips. Returns `first`.
   */
  openRecorded(chunks: (first: number) => readonly DiskChunkEntry[], events: number): number {
    this.clear();
    const first = this.ring.nextSeq;
    for (const entry of chunks(first)) this.disk.index.add(entry);
    this.ring.skipTo(first + events);
    this.keepFrom = first;
    return first;
  }

  private dropped(record: EventRecord): void {
    this.payloads.delete(record.seq);
    this.objects.evicted(objectKeyOf(record.type, record.key));
  }

  private indexLimit(): number {
    return Math.max(2 * this.ring.capacity, 1024);
  }
}
