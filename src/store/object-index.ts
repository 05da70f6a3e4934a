import type { ObjectFacts } from '../lib/object-facts';
import type { EventRecord } from './event-record';

/** One object (Type+Key) as the buffer knows it: the Objects view's row and History's anchor. */
export interface ObjectEntry {
  /** `Type + NUL + Key` (event-record.ts `objectKeyOf`). */
  readonly id: string;
  readonly type: string;
  readonly key: string;
  /** Seq of its newest event; its `prevSeq` chain leads through the older buffered versions. */
  newestSeq: number;
  /** Events of this object ingested since the buffer started or was cleared. */
  seen: number;
  /** How many of them are still in the ring (`seen - buffered` were evicted). */
  buffered: number;
  /** The newest facts its events carried (names, workflow position), kept when a later event has none. */
  facts: ObjectFacts | null;
}

/**
 * Every object the buffer has seen, by Type+Key: the newest seq (which gives each new record its
 * `prevSeq` in O(1)), how many versions were seen and how many are buffered. Entries whose events
 * all left the ring stay (so the next event of an evicted object says "previous version evicted",
 * and History counts what was evicted) until the map outgrows twice the ring's capacity.
 */
export class ObjectIndex {
  private readonly entries = new Map<string, ObjectEntry>();
  /** Entries with at least one buffered version (what the Objects view lists). */
  private live = 0;

  get size(): number {
    return this.entries.size;
  }

  get liveCount(): number {
    return this.live;
  }

  get(id: string): ObjectEntry | undefined {
    return this.entries.get(id);
  }

  /** Records `record` as the newest version of its object; returns the seq before it (0 if none). */
  added(id: string, record: EventRecord): number {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { id, type: record.type, key: record.key, newestSeq: 0, seen: 0, buffered: 0, facts: null };
      this.entries.set(id, entry);
    }
    const previous = entry.newestSeq;
    entry.newestSeq = record.seq;
    entry.seen += 1;
    if (entry.buffered === 0) this.live += 1;
    entry.buffered += 1;
    if (record.facts) entry.facts = record.facts;
    return previous;
  }

  /** The ring dropped `record`. */
  evicted(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.buffered === 0) return;
    entry.buffered -= 1;
    if (entry.buffered === 0) this.live -= 1;
  }

  /** Entries with something buffered, in first-seen order. */
  forEachLive(visit: (entry: ObjectEntry) => void): void {
    for (const entry of this.entries.values()) if (entry.buffered > 0) visit(entry);
  }

  clear(): void {
    this.entries.clear();
    this.live = 0;
  }

  /**
   * Drops entries with nothing buffered once the map holds more than `limit`. After a prune at most
   * the live ones remain (≤ ring capacity), so the scan runs at most once per `limit - capacity` new
   * keys (amortised O(1)). The cost: an object evicted long ago may later show up as "first" again.
   */
  prune(limit: number): void {
    if (this.entries.size <= limit) return;
    for (const [id, entry] of this.entries) if (entry.buffered === 0) this.entries.delete(id);
  }
}
