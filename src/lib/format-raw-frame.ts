import { jsonDepthExceeds } from './json-depth';
import { maskSecrets } from './mask-secrets';
import { MAX_NESTING_DEPTH } from './payload-limits';

export type FormattedFrame =
  /** `compact`: nested deeper than MAX_NESTING_DEPTH, so printed without indentation. */
  { ok: true; text: string; compact: boolean } | { ok: false; reason: string };

/**
 * A frame as text for the Raw tab: pretty JSON, secrets masked unless `mask` is false. Never throws:
 * masking and JSON.stringify recurse, and a hostile frame nested 100,000 levels deep (which V8 still
 * parses) overflows the stack; the tab then says so instead of taking the page down.
 */
export function formatRawFrame(raw: string, mask: boolean): FormattedFrame {
  try {
    const parsed: unknown = JSON.parse(raw);
    const value = mask ? maskSecrets(parsed) : parsed;
    const compact = jsonDepthExceeds(parsed, MAX_NESTING_DEPTH);
    return { ok: true, text: compact ? JSON.stringify(value) : JSON.stringify(value, null, 2), compact };
  } catch (error) {
    // RangeError: stack overflow on deep nesting, or a result longer than V8's string limit.
    if (error instanceof RangeError) return { ok: false, reason: `too deeply nested or too large to format${mask ? ' and mask' : ''}` };
    return { ok: false, reason: 'not valid JSON' };
  }
}
