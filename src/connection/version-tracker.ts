import { NO_CHANGES, PSEUDO_TYPES, compareVersions, pseudoTypeText } from '../lib/change-facts';
import type { ChangeFacts } from '../lib/change-facts';
import { HUGE_PAYLOAD_CHARS } from '../lib/payload-limits';

interface LatestVersion {
  object: unknown;
  chars: number;
}

/** The event fields the tracker reads, as `parseFrame` gives them. */
export interface TrackedEvent {
  Type: string;
  Action: string;
  Key: string;
  Object: unknown;
  /** Read only for an object's first event (the frame's `Original` may not even be parsed yet). */
  Original: () => unknown;
}

/**
 * Parsed objects kept, counted in frame characters. A parsed tree costs a few times its text, so
 * 16 M characters is tens of megabytes at most; past it the least recently saved object is
 * forgotten and its next event is compared with its `Original` instead (or reads "first").
 */
export const TRACKED_CHARS_LIMIT = 16_000_000;

/**
 * Keeps the latest parsed `Object` of every Type+Key this reader has seen, so each new event is
 * diffed against the version before it while the frame is already parsed (one diff per event, no
 * second parse). Lives where frames are classified: the socket worker, or the main-thread fallback
 * (frame-relay.ts). One tracker per connection attempt: after a reconnect an object's first event
 * is compared with its `Original` (v3.13+ sends one on every save and update, §4.2).
 */
export class VersionTracker {
  private readonly latest = new Map<string, LatestVersion>();
  private chars = 0;
  private readonly limit: number;

  constructor(limit = TRACKED_CHARS_LIMIT) {
    this.limit = limit;
  }

  /** What `event` changed, and remember it as the latest version of its object. */
  observe(event: TrackedEvent, frameChars: number): ChangeFacts {
    const objectKey = `${event.Type}\u0000${event.Key}`;
    const previous = this.latest.get(objectKey);
    if (previous) this.forget(objectKey, previous);
    if (PSEUDO_TYPES.has(event.Type)) {
      const text = pseudoTypeText(event.Type, event.Object);
      if (text !== undefined) return { ...NO_CHANGES, reason: 'pseudo', text };
    }
    if (event.Action === 'delete') return { ...NO_CHANGES, reason: 'deleted' };
    // A giant frame is neither diffed here (it would hold up the socket) nor kept.
    if (frameChars > HUGE_PAYLOAD_CHARS) return { ...NO_CHANGES, reason: 'large' };
    this.remember(objectKey, event.Object, frameChars);
    if (previous) return compareVersions(previous.object, event.Object, 'previous');
    const original = event.Original();
    if (original !== null && original !== undefined) return compareVersions(original, event.Object, 'original');
    return NO_CHANGES;
  }

  get size(): number {
    return this.latest.size;
  }

  private remember(objectKey: string, object: unknown, chars: number): void {
    this.latest.set(objectKey, { object, chars });
    this.chars += chars;
    // Map order is insertion order and `observe` re-inserts, so the first entry is the stalest.
    for (const [key, version] of this.latest) {
      if (this.chars <= this.limit) break;
      this.forget(key, version);
    }
  }

  private forget(objectKey: string, version: LatestVersion): void {
    this.latest.delete(objectKey);
    this.chars -= version.chars;
  }
}
