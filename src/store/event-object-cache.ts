/**
 * Parsed `Object`/`Original` of recently viewed events. Records keep only the raw frame text
 * (memory budget); the detail pane and the diff parse on demand, and this small LRU keeps the few
 * events a user clicks between (current, previous version) from being parsed again.
 */
export interface ParsedPayload {
  object: unknown;
  original: unknown;
}

export class EventObjectCache {
  private readonly entries = new Map<number, ParsedPayload>();
  private readonly limit: number;

  constructor(limit = 64) {
    this.limit = limit;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Returns the cached payload of `seq`, parsing `raw` on a miss. */
  get(seq: number, raw: string): ParsedPayload {
    const hit = this.entries.get(seq);
    if (hit) {
      // Map keeps insertion order: re-inserting marks the entry most recently used.
      this.entries.delete(seq);
      this.entries.set(seq, hit);
      return hit;
    }
    const parsed = parsePayload(raw);
    this.entries.set(seq, parsed);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return parsed;
  }

  delete(seq: number): void {
    this.entries.delete(seq);
  }

  clear(): void {
    this.entries.clear();
  }
}

function parsePayload(raw: string): ParsedPayload {
  // The frame was valid JSON when ingested (parseFrame), so this only throws if memory runs out.
  const value = JSON.parse(raw) as { Object?: unknown; Original?: unknown };
  return { object: value.Object ?? null, original: value.Original ?? null };
}
