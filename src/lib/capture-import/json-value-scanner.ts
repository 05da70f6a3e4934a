/**
 * An incremental scanner that finds where JSON values begin and end in a stream of text chunks,
 * and hands back the exact text of the values at chosen paths, with the line each starts on. It
 * tracks strings, escapes and nesting only; it does not build values or validate the grammar
 * between them: each captured value is checked by `JSON.parse` afterwards (V8's native parser).
 * Why hand-written rather than @streamparser/json: docs/decisions/import-value-scanner.md.
 *
 * Paths are keys from the top: `[]` is a top-level value, `['*']` an element of a top-level array,
 * `['log', 'entries', '*', 'request', 'url']` what it says. `*` matches any key or element.
 */

const NEWLINE = 10;
const QUOTE = 34;
const BACKSLASH = 92;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const COMMA = 44;
const COLON = 58;
const SPACE = 32;
const TAB = 9;
const RETURN = 13;

/** Keys longer than this are never one a pattern names; only this much of them is kept. */
const MAX_KEY_CHARS = 256;

export interface ScanPattern {
  path: readonly string[];
  /** Only report where such a value starts (`onStart`); do not keep its text. */
  notifyOnly?: boolean;
}

export type ScanProblem =
  /** Text outside any value where none may be: skipped to the end of its line. */
  | { kind: 'stray'; line: number }
  /** The input ended inside a value or the document. `line` is where the open value began. */
  | { kind: 'cut-short'; line: number; inCapture: boolean }
  /** Sequence mode: a value was still open when a new one began at column 0 of `atLine`. */
  | { kind: 'abandoned'; line: number; atLine: number; inCapture: boolean };

export interface ScanHandlers {
  onValue(pattern: number, text: string, line: number): void;
  /** A number, `true`, `false` or `null` where a pattern expected a value to capture. */
  onScalar?(pattern: number, line: number): void;
  onStart?(pattern: number, line: number): void;
  onProblem(problem: ScanProblem): void;
}

export interface ScanOptions {
  patterns: readonly ScanPattern[];
  /**
   * `single`: one top-level value (a JSON array, a HAR). `sequence`: top-level values one after
   * another (drpcli output), and a `{` at the start of a line while a value is still open starts
   * over there: pretty-printed output indents everything but its top-level braces, so that value
   * was cut short.
   */
  topLevel: 'single' | 'sequence';
}

interface Frame {
  isObject: boolean;
  /** The current member's key in an object; `*` in an array. */
  key: string;
  expectKey: boolean;
  line: number;
}

interface Capture {
  pattern: number;
  depth: number;
  line: number;
  pieces: string[];
  chars: number;
  /** Where the value's text starts in the current chunk (0 after the first chunk). */
  start: number;
}

export class JsonValueScanner {
  private readonly stack: Frame[] = [];
  private readonly maxDepth: number;
  private line = 1;
  private lineStart = true;
  private skipLine = false;
  private inString = false;
  private escape = false;
  private pendingValue = true;
  private done = false;
  private keyPieces: string[] | null = null;
  private keyStart = 0;
  private capture: Capture | null = null;
  private lastChar = -1;
  private sawValue = false;

  constructor(
    private readonly options: ScanOptions,
    private readonly handlers: ScanHandlers,
  ) {
    this.maxDepth = Math.max(0, ...options.patterns.map((pattern) => pattern.path.length));
  }

  /** Characters held for a value not yet complete (the scanner never holds more than that). */
  get bufferedChars(): number {
    return this.capture ? this.capture.chars : 0;
  }

  /** Lines seen, counting a last line without a newline. */
  get lines(): number {
    return this.lastChar === NEWLINE || this.lastChar === -1 ? this.line - 1 : this.line;
  }

  /** Whether any value has begun (an input of only whitespace has none). */
  get started(): boolean {
    return this.sawValue;
  }

  push(chunk: string): void {
    if (this.capture) this.capture.start = 0;
    this.keyStart = 0;
    const sequence = this.options.topLevel === 'sequence';
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) {
        this.line += 1;
        this.lineStart = true;
        this.skipLine = false;
        continue;
      }
      const atLineStart = this.lineStart;
      this.lineStart = false;
      if (sequence && atLineStart && c === LEFT_BRACE && (this.stack.length > 0 || this.inString)) this.abandon();
      if (this.skipLine) continue;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === BACKSLASH) this.escape = true;
        else if (c === QUOTE) this.closeString(chunk, i);
        continue;
      }
      if (c === SPACE || c === TAB || c === RETURN) continue;
      this.token(chunk, i, c);
    }
    if (chunk.length > 0) this.lastChar = chunk.charCodeAt(chunk.length - 1);
    if (this.capture) this.keep(this.capture, chunk.slice(this.capture.start));
    if (this.keyPieces) this.keepKey(chunk.slice(this.keyStart));
  }

  end(): void {
    if (!this.inString && this.stack.length === 0) return;
    const capture = this.capture;
    const line = capture ? capture.line : (this.stack[0]?.line ?? this.line);
    this.reset();
    this.handlers.onProblem({ kind: 'cut-short', line, inCapture: capture !== null });
  }

  private token(chunk: string, i: number, c: number): void {
    const top = this.stack.length > 0 ? this.stack[this.stack.length - 1] : null;
    if (top === null && (this.done || c === RIGHT_BRACE || c === RIGHT_BRACKET || c === COMMA || c === COLON)) {
      this.stray();
      return;
    }
    switch (c) {
      case QUOTE:
        this.inString = true;
        if (top?.isObject && top.expectKey) {
          if (this.stack.length <= this.maxDepth) {
            this.keyPieces = [];
            this.keyStart = i + 1;
          }
        } else this.valueStart(i, 'string');
        return;
      case LEFT_BRACE:
      case LEFT_BRACKET: {
        this.valueStart(i, 'container');
        const isObject = c === LEFT_BRACE;
        this.stack.push({ isObject, key: isObject ? '' : '*', expectKey: isObject, line: this.line });
        this.pendingValue = !isObject;
        return;
      }
      case RIGHT_BRACE:
      case RIGHT_BRACKET:
        this.stack.pop();
        if (this.capture && this.capture.depth === this.stack.length) this.emit(chunk, i);
        this.afterValue();
        return;
      case COLON:
        if (top?.isObject) top.expectKey = false;
        this.pendingValue = true;
        return;
      case COMMA:
        if (top?.isObject) top.expectKey = true;
        else this.pendingValue = true;
        return;
      default:
        // A number, true, false or null (or junk): only its first character matters.
        if (top === null) this.stray();
        else if (this.pendingValue) this.valueStart(i, 'scalar');
    }
  }

  private valueStart(i: number, kind: 'string' | 'container' | 'scalar'): void {
    this.pendingValue = false;
    this.sawValue = true;
    const depth = this.stack.length;
    if (this.capture || depth > this.maxDepth) return;
    const pattern = this.match(depth);
    if (pattern === -1) return;
    if (this.options.patterns[pattern].notifyOnly) this.handlers.onStart?.(pattern, this.line);
    else if (kind === 'scalar') this.handlers.onScalar?.(pattern, this.line);
    else this.capture = { pattern, depth, line: this.line, pieces: [], chars: 0, start: i };
  }

  private match(depth: number): number {
    const { patterns } = this.options;
    for (let index = 0; index < patterns.length; index++) {
      const { path } = patterns[index];
      if (path.length !== depth) continue;
      let matches = true;
      for (let level = 0; level < depth && matches; level++) {
        matches = path[level] === '*' || path[level] === this.stack[level].key;
      }
      if (matches) return index;
    }
    return -1;
  }

  private closeString(chunk: string, i: number): void {
    this.inString = false;
    if (this.keyPieces) {
      this.keepKey(chunk.slice(this.keyStart, i));
      const top = this.stack[this.stack.length - 1];
      top.key = this.keyPieces.join('');
      this.keyPieces = null;
      return;
    }
    if (this.capture && this.capture.depth === this.stack.length) this.emit(chunk, i);
    this.afterValue();
  }

  private afterValue(): void {
    if (this.stack.length > 0) return;
    if (this.options.topLevel === 'single') this.done = true;
    else this.pendingValue = true;
  }

  private emit(chunk: string, i: number): void {
    const capture = this.capture as Capture;
    this.capture = null;
    const tail = chunk.slice(capture.start, i + 1);
    const text = capture.pieces.length === 0 ? tail : capture.pieces.join('') + tail;
    this.handlers.onValue(capture.pattern, text, capture.line);
  }

  private keep(capture: Capture, piece: string): void {
    capture.pieces.push(piece);
    capture.chars += piece.length;
  }

  private keepKey(piece: string): void {
    const pieces = this.keyPieces as string[];
    const held = pieces.reduce((sum, part) => sum + part.length, 0);
    if (held < MAX_KEY_CHARS) pieces.push(piece.slice(0, MAX_KEY_CHARS - held));
  }

  private stray(): void {
    this.skipLine = true;
    this.handlers.onProblem({ kind: 'stray', line: this.line });
  }

  private abandon(): void {
    const capture = this.capture;
    const line = capture ? capture.line : (this.stack[0]?.line ?? this.line);
    this.reset();
    this.handlers.onProblem({ kind: 'abandoned', line, atLine: this.line, inCapture: capture !== null });
  }

  private reset(): void {
    this.stack.length = 0;
    this.inString = false;
    this.escape = false;
    this.keyPieces = null;
    this.capture = null;
    this.pendingValue = true;
  }
}
