import type { ImportTally } from './import-tally';

/**
 * JSON Lines (docs/reference/capture-format.md): one value per `\n`-ended line. A line is held only
 * until its newline arrives, as the pieces the chunks brought (joined once), so a 20 MB line does
 * not cost a copy per chunk and the file is never one string.
 */
export class JsonLinesReader {
  private pieces: string[] = [];
  private pendingChars = 0;
  /** Number of the line being read (1-based). */
  private line = 1;

  constructor(private readonly tally: ImportTally) {}

  get bufferedChars(): number {
    return this.pendingChars;
  }

  push(chunk: string): void {
    let start = 0;
    for (let newline = chunk.indexOf('\n'); newline !== -1; newline = chunk.indexOf('\n', start)) {
      let text = chunk.slice(start, newline);
      if (this.pieces.length > 0) {
        this.pieces.push(text);
        text = this.pieces.join('');
        this.pieces = [];
        this.pendingChars = 0;
      }
      this.readLine(text, this.line);
      this.line += 1;
      start = newline + 1;
    }
    if (start < chunk.length) {
      this.pieces.push(chunk.slice(start));
      this.pendingChars += chunk.length - start;
    }
  }

  end(): void {
    const last = this.pieces.join('');
    this.pieces = [];
    this.pendingChars = 0;
    if (last.trim() === '') {
      this.tally.setLines(this.line - 1);
      return;
    }
    this.tally.setLines(this.line);
    // A writer flushes whole lines only, so a last line without its newline was cut short
    // (capture-format.md, Rules). If it still parses, the cut fell just after it: keep it.
    const errorsBefore = this.tally.errorCount;
    this.readLine(last, this.line);
    const kept = this.tally.errorCount === errorsBefore;
    this.tally.truncated(
      this.line,
      kept
        ? `line ${this.line}: the file ends without a newline after it (kept)`
        : `line ${this.line}: cut short (no newline at the end of the file)`,
      false,
    );
  }

  private readLine(raw: string, line: number): void {
    // Tolerate CRLF files and blank lines (an editor's trailing newline).
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() === '') return;
    this.tally.value(text, line);
  }
}
