/**
 * Paths as the inspector writes them (`Params.bar`, `Tasks[3]`, `Params["odd key"]`, json-path.ts)
 * split into steps, and patterns over them with `*` globs (`Params.*`, `Meta.*`, `Tasks[*]`), for the
 * timeline's `Changed path` filter, Blame and the diff's `Ignore paths`.
 *
 * Matching is by steps and by prefix in both directions: `Params.bar` matches a change at
 * `Params.bar` or anywhere inside it (`Params.bar.x`), and also a change of a whole ancestor
 * (`Params` replaced, which replaced `Params.bar` too). `*` inside a step matches any characters of
 * that step only.
 */
import { formatPath } from './json-path';
import type { PathPart } from './json-path';

/** A path of navigable steps (object keys, array positions), e.g. a diff entry's `segments`. */
export type PathSegments = readonly (string | number)[];

/** The positional path of `segments`: `Tasks[3]`, never `Tasks[Name=foo]`. */
export function positionalPath(segments: PathSegments): string {
  return formatPath(
    segments.map((segment): PathPart => (typeof segment === 'number' ? { kind: 'index', index: segment } : { kind: 'key', key: segment })),
  );
}

/**
 * The steps of a written path. Lenient, since users type patterns: `a.b`, `a[3]`, `a["x.y"]`,
 * `a[x]` (bare text in brackets is one step), and a leading `.` or spaces are ignored.
 */
export function splitPath(path: string): string[] {
  const steps: string[] = [];
  let index = 0;
  const text = path.trim();
  while (index < text.length) {
    const char = text[index];
    if (char === '.') {
      index += 1;
    } else if (char === '[') {
      const close = text[index + 1] === '"' ? closingQuote(text, index + 1) : text.indexOf(']', index);
      const end = close < 0 ? text.length : close;
      const inner = text.slice(index + 1, end);
      steps.push(inner.startsWith('"') ? unquote(inner) : inner.trim());
      index = end + 1;
    } else {
      let end = index;
      while (end < text.length && text[end] !== '.' && text[end] !== '[') end += 1;
      steps.push(text.slice(index, end));
      index = end;
    }
  }
  return steps;
}

/** Index of the `]` after the JSON string that starts at `quote`, or -1. */
function closingQuote(text: string, quote: number): number {
  for (let index = quote + 1; index < text.length; index++) {
    if (text[index] === '\\') index += 1;
    else if (text[index] === '"') return text.indexOf(']', index);
  }
  return -1;
}

function unquote(inner: string): string {
  try {
    const value: unknown = JSON.parse(inner);
    return typeof value === 'string' ? value : inner;
  } catch {
    return inner.replace(/^"|"$/g, '');
  }
}

/**
 * `splitPath` memoized: Blame and the `Changed path` filter test the same few paths (`CurrentTask`,
 * `Meta.color`) against thousands of versions. Bounded; cleared whole when full.
 */
const splitCache = new Map<string, string[]>();
const SPLIT_CACHE_LIMIT = 20_000;

function stepsOf(path: string): string[] {
  let steps = splitCache.get(path);
  if (steps === undefined) {
    if (splitCache.size >= SPLIT_CACHE_LIMIT) splitCache.clear();
    steps = splitPath(path);
    splitCache.set(path, steps);
  }
  return steps;
}

type StepTest = (step: string) => boolean;

function stepTest(step: string): StepTest {
  if (!step.includes('*')) return (candidate) => candidate === step;
  const source = step
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const pattern = new RegExp(`^${source}$`, 's');
  return (candidate) => pattern.test(candidate);
}

export interface PathPattern {
  /** The pattern as typed, trimmed. */
  source: string;
  /** Whether a change at `path` touches what the pattern names (prefix match both ways). */
  touches(path: string): boolean;
  /** Whether `path` is the named place or inside it (one direction: for ignoring changes). */
  covers(path: string): boolean;
}

export function compilePathPattern(source: string): PathPattern {
  const tests = splitPath(source).map(stepTest);
  const stepsMatch = (steps: string[], length: number): boolean => {
    for (let index = 0; index < length; index++) if (!tests[index](steps[index])) return false;
    return true;
  };
  return {
    source: source.trim(),
    touches: (path) => {
      const steps = stepsOf(path);
      return stepsMatch(steps, Math.min(steps.length, tests.length));
    },
    covers: (path) => {
      const steps = stepsOf(path);
      return steps.length >= tests.length && stepsMatch(steps, tests.length);
    },
  };
}

/** Patterns separated by commas or newlines, blanks dropped (the `Ignore paths` box). */
export function compilePathPatterns(text: string): PathPattern[] {
  return text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(compilePathPattern);
}
