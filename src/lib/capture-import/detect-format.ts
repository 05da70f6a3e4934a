import type { ImportFormat } from './import-types';

/** How much of the head detection may wait for: enough for a first line of any sane capture. */
export const DETECT_PEEK_CHARS = 64 * 1024;

export type Detection =
  | { kind: 'format'; format: ImportFormat }
  /** The head so far cannot tell: push more (or call with `atEnd`). */
  | { kind: 'need-more' }
  | { kind: 'empty' }
  | { kind: 'unknown'; found: string };

/** `{`, then the first key and its colon: a HAR's first key is `log`. */
const FIRST_KEY = /^\{\s*"((?:[^"\\]|\\.)*)"\s*:/;

function firstLineParsesAsObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Tells the format from the first bytes of the content, never from a file name (a `.json` may hold
 * JSON Lines, a `.txt` drpcli output). `head` is the start of the input (a BOM already removed);
 * `atEnd` says there is no more. Rules, in order:
 * - `[` first: a JSON array of events.
 * - `{` then the key `"log"`: a HAR (Chrome and Firefox both write `log` as the only top-level key).
 * - `{` and the whole first line is one JSON object: JSON Lines, our capture format.
 * - `{` otherwise (a first line of `{` alone, or values run together on one line): drpcli output.
 * A first line longer than the peek is taken for JSON Lines: drpcli's pretty-printed values start
 * with a line holding only `{`.
 */
export function detectFormat(head: string, atEnd: boolean): Detection {
  const start = head.search(/\S/);
  if (start === -1) return atEnd ? { kind: 'empty' } : { kind: 'need-more' };
  const first = head[start];
  if (first === '[') return { kind: 'format', format: 'json-array' };
  if (first !== '{') return { kind: 'unknown', found: head.slice(start, start + 40) };
  const rest = head.slice(start);
  const canWait = !atEnd && rest.length < DETECT_PEEK_CHARS;
  const firstKey = FIRST_KEY.exec(rest);
  // `{` with only white space or part of a key so far may still become `{ "log": …`: wait.
  if (canWait && firstKey === null && /^\{\s*("(?:[^"\\]|\\.)*("\s*)?)?$/.test(rest)) return { kind: 'need-more' };
  if (firstKey?.[1] === 'log') return { kind: 'format', format: 'har' };
  const newline = rest.indexOf('\n');
  if (newline === -1 && canWait) return { kind: 'need-more' };
  if (newline === -1 && !atEnd) return { kind: 'format', format: 'capture-jsonl' };
  const firstLine = newline === -1 ? rest : rest.slice(0, newline);
  if (firstLine.trim() === '{') return { kind: 'format', format: 'drpcli-watch' };
  return { kind: 'format', format: firstLineParsesAsObject(firstLine) ? 'capture-jsonl' : 'drpcli-watch' };
}
