import type { ImportTally } from './import-tally';
import { JsonValueScanner } from './json-value-scanner';
import { reportScanProblem } from './scan-problems';

/**
 * The two "values one by one" formats: a JSON array of events (its elements), and `drpcli events
 * watch` output (top-level values one after another). drpcli's `events watch` prints each event
 * with `prettyPrint` (cli/events.go, v4): the event remarshalled into a generic map and printed by
 * go-prettyjson, two-space indent, keys sorted, one value per `fmt.Println`, colours only on a
 * terminal. Not confirmed: whether newer drpcli builds print acks or anything else on stdout, so
 * acks are skipped and counted, stray text is skipped by line, and ANSI colour codes are not read.
 */
export class ValueStreamReader {
  private readonly scanner: JsonValueScanner;

  constructor(
    private readonly tally: ImportTally,
    kind: 'json-array' | 'drpcli-watch',
  ) {
    const what = kind === 'json-array' ? 'element' : 'value';
    this.scanner = new JsonValueScanner(
      kind === 'json-array' ? { patterns: [{ path: ['*'] }], topLevel: 'single' } : { patterns: [{ path: [] }], topLevel: 'sequence' },
      {
        onValue: (_pattern, text, line) => tally.value(text, line, `${what} at line`),
        onScalar: (_pattern, line) => tally.error(line, `${what} at line ${line}: not a JSON object`),
        onProblem: (problem) => reportScanProblem(tally, problem, what),
      },
    );
  }

  get bufferedChars(): number {
    return this.scanner.bufferedChars;
  }

  push(chunk: string): void {
    this.scanner.push(chunk);
  }

  end(): void {
    this.scanner.end();
    this.tally.setLines(this.scanner.lines);
  }
}
