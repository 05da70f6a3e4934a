/**
 * Size and shape limits for showing untrusted payloads without freezing the page. DRP machine events
 * run from tens of KB to a few MB (docs/reference/drp-protocol.md §7.6); a hostile or broken server can send far
 * more. Sizes are frame lengths in UTF-16 code units (`EventRecord.bytes`).
 */

/**
 * Above this, nothing parses, pretty-prints, tree-renders or diffs the event until the user asks
 * ("Show anyway"), and the timeline does not compute its change summary. Real DRP events stay well
 * below it; parsing 4 M characters costs tens of milliseconds, a 20 MB frame several hundred.
 */
export const HUGE_PAYLOAD_CHARS = 4_000_000;

/** The Raw tab renders at most this much text at first; a 60 MB `<pre>` takes seconds to lay out. */
export const RAW_PREVIEW_CHARS = 200_000;

/**
 * Deeper than this is not a DRP object (a machine with its gohai-inventory nests about 10 levels):
 * such a tree opens collapsed, and the Raw tab shows it compact, because pretty-printing indents
 * every line by its depth (a 10 KB frame nested 5,000 levels would become 25 MB of spaces).
 */
export const MAX_NESTING_DEPTH = 32;
