import type { ImportTally } from './import-tally';
import type { ScanProblem } from './json-value-scanner';

/** How a scanner's structural problems read in the import's error list. */
export function reportScanProblem(tally: ImportTally, problem: ScanProblem, what: string): void {
  switch (problem.kind) {
    case 'stray':
      tally.error(problem.line, `line ${problem.line}: text outside any JSON value (skipped to the end of the line)`);
      return;
    case 'abandoned':
      tally.error(
        problem.line,
        `${what} at line ${problem.line}: cut short (a new value begins at line ${problem.atLine})`,
        problem.inCapture,
      );
      return;
    case 'cut-short':
      tally.truncated(
        problem.line,
        problem.inCapture
          ? `${what} at line ${problem.line}: cut short (the file ends inside it)`
          : `the file ends before the JSON that opens at line ${problem.line} is closed`,
        problem.inCapture,
      );
  }
}
