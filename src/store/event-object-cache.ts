/**
 * Parsed `Object`/`Original` of recently viewed events. Records keep only the raw frame text
 * (memory budget); the detail pane and the diff parse on demand, and this small LRU keeps the few
 * events a user clicks between (current, previous version) from being parsed again.
 */
export interface ParsedPayload {
  object: unknown;
  original: unknown;
}

interface CacheEntry {
  payload: ParsedPayload;
  chars: number;
}

/**
 * Bounded by count and by the total frame length of what it holds: 64 parsed 20 MB frames (a user
 * clicking through hostile or giant events) would otherwise pin gigabytes.
 */
export class EventObjectCache {
  private readonly entries = new Map<number, CacheEntry>();
  private readonly limit: number;
  private readonly maxChars: number;
  private chars = 0;

  constructor(limit = 64, maxChars = 64_000_000) {
    this.limit = limit;
    this.maxChars = maxChars;
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
      return hit.payload;
    }
    const payload = parsePayload(raw);
    this.entries.set(seq, { payload, chars: raw.length });
    this.chars += raw.length;
    // The newest entry stays even when it alone is over budget: its view is using it right now.
    while (this.entries.size > 1 && (this.entries.size > this.limit || this.chars > this.maxChars)) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.delete(oldest.value);
    }
    return payload;
  }

  delete(seq: number): void {
    const entry = this.entries.get(seq);
    if (!entry) return;
    this.entries.delete(seq);
    this.chars -= entry.chars;
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}

function parsePayload(raw: string): ParsedPayload {
  try {
    const value = JSON.parse(raw) as { Object?: unknown; Original?: unknown };
    return { object: value.Object ?? null, original: value.Original ?? null };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // The worker reads an event without its `Original` (connection/deferred-original.ts), so a
    // frame whose `Original` alone is broken was ingested as an event: its Object is read the same
    // way, its Original is unreadable (null), and no view throws.
    return parseWithoutOriginal(raw);
  }
}

function parseWithoutOriginal(raw: string): ParsedPayload {
  const at = raw.lastIndexOf(',"Original":');
  try {
    const value = JSON.parse(`${raw.slice(0, Math.max(0, at))}}`) as { Object?: unknown };
    return { object: value.Object ?? null, original: null };
  } catch {
    return { object: null, original: null };
  }
}
