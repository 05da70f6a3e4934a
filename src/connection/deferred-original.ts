import { parseFrame } from '../protocol/parse-frame';
import type { ParsedFrame } from '../protocol/parse-frame';

/** A classified frame whose `Original` may still be text: parsed only if someone asks. */
export interface DeferredFrame {
  frame: ParsedFrame;
  /** `Original` was present and not null. */
  hasOriginal: boolean;
  /** The event's `Original` (null when none, or when its text turns out not to be JSON). */
  original(): unknown;
}

const MARKER = ',"Original":';
const OBJECT_KEY = '"Object":';
/** After this many frames in a row where the shortcut did not apply, stop trying it. */
const GIVE_UP_AFTER = 8;

/**
 * Parses event frames without their `Original` when it can, because on every update and save
 * `Original` is as large as `Object` (docs/reference/drp-protocol.md §6), and the worker needs it only
 * for an object's first event (version-tracker.ts compares later ones with the previous version).
 *
 * The server writes the event struct in field order with `Original` last (§4.3), so the frame is
 * `{…,"Object":…,"Original":<json>}`. The text before the last `,"Original":` plus `}` is parsed
 * on its own. That parse succeeds only if the cut is at the top level: a cut inside a string, an
 * array or a nested object leaves it unterminated or unbalanced, and JSON.parse refuses it. Then the
 * full frame is parsed as usual. So a nested field named `Original`, another field order, or a
 * malformed frame all end in the ordinary path; a server whose order differs costs a failed partial
 * parse per frame only until GIVE_UP_AFTER frames in a row said so. The cut is also refused when
 * no `"Object":` precedes it, since the struct puts `Object` before `Original`.
 *
 * What is given up, knowingly: the text after the cut is not parsed at ingest. A frame whose
 * `Original` alone is not valid JSON is taken as an event (its Original reads as null; the payload
 * cache reads its Object the same way, store/event-object-cache.ts) instead of being counted as
 * malformed, and a field the server wrote after `Original` would be missed, which the struct order
 * (§4.3) rules out for every version so far. The server's encoder writes valid JSON; a broken or
 * hostile endpoint that breaks only `Original` loses nothing but that `Original`.
 */
export class DeferredOriginalParser {
  private misses = 0;

  parse(text: string): DeferredFrame {
    if (this.misses < GIVE_UP_AFTER) {
      const deferred = this.parseHead(text);
      if (deferred) {
        this.misses = 0;
        return deferred;
      }
    }
    const frame = parseFrame(text);
    // A frame the shortcut could not read but the full parse could: this server's layout differs.
    if (frame.kind === 'event') this.misses += 1;
    const original = frame.kind === 'event' ? frame.event.Original : null;
    return { frame, hasOriginal: original !== null && original !== undefined, original: () => original };
  }

  private parseHead(text: string): DeferredFrame | undefined {
    const at = text.lastIndexOf(MARKER);
    // `Object` comes before `Original` in the struct (and right after the header, so this search is
    // short); a head without it is another layout.
    if (at <= 0) return undefined;
    const objectAt = text.indexOf(OBJECT_KEY);
    if (objectAt < 0 || objectAt > at) return undefined;
    let end = text.length - 1;
    while (end > at && isSpace(text.charCodeAt(end))) end -= 1;
    if (text.charCodeAt(end) !== CLOSE_BRACE) return undefined;
    const head = parseFrame(`${text.slice(0, at)}}`);
    if (head.kind === 'error') return undefined;
    head.bytes = text.length;
    const start = at + MARKER.length;
    // Only the value's first letters are looked at now; its text is cut out if someone asks.
    const isNull = text.startsWith('null', start) && text.slice(start + 4, end).trim() === '';
    let parsed: { value: unknown } | undefined;
    return {
      frame: head,
      hasOriginal: !isNull,
      original: () => {
        if (isNull) return null;
        if (parsed === undefined) {
          try {
            parsed = { value: JSON.parse(text.slice(start, end)) as unknown };
          } catch {
            parsed = { value: null };
          }
        }
        return parsed.value;
      },
    };
  }
}

const CLOSE_BRACE = 0x7d;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
