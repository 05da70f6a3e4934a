/** The deep window's targets (bench/deep-window-bench.ts), judged on one run: one line each. */
import type { BenchResults } from './bench-results';
import { MACHINE_1K } from './payloads';
import { maxSustainedRate } from './rate-ladder';
import { fmt, verdict } from './target-line';
import type { TargetLine } from './target-line';
const notRun = (id: string): TargetLine => ({ id, verdict: 'N/A', text: 'not run' });

export function deepWindowLines(results: BenchResults): TargetLine[] {
  const lines: TargetLine[] = [];
  const recording = results.ladder.filter((row) => row.client === 'app-recording' && row.payload === MACHINE_1K.id);
  const worker = results.ladder.filter((row) => row.client === 'bare-worker' && row.payload === MACHINE_1K.id);
  if (recording.length > 0 && worker.length > 0) {
    const app = maxSustainedRate(recording);
    const ceiling = maxSustainedRate(worker);
    const top = Math.max(...recording.map((row) => row.rate));
    lines.push({
      id: 'recording-worker-ceiling machine-1k',
      verdict: ceiling > 0 ? verdict(app / ceiling >= 0.9) : 'N/A',
      text:
        `Record to disk on: app ${app}/s vs bare worker page ${ceiling}/s = ${fmt(app / Math.max(1, ceiling), 2)}× (target ≥ 0.9×)` +
        (app === top && ceiling === top ? ' (both at the ladder top)' : ''),
    });
  } else lines.push(notRun('recording-worker-ceiling machine-1k'));

  const imported = results.importFile;
  lines.push(
    imported
      ? {
          id: 'import-200mb',
          verdict: verdict(imported.events > 0 && imported.longestTaskMs <= 200),
          text:
            `${fmt(imported.fileBytes / 1e6, 0)} MB, ${imported.events} events imported in ${fmt(imported.seconds)} s; longest task ${fmt(imported.longestTaskMs, 0)} ms (${imported.longTasks} over 50 ms); ` +
            `renderer PSS ${fmt(imported.rendererBeforeKb / 1024, 0)} → ${fmt(imported.rendererAfterKb / 1024, 0)} MiB (target: no task > 200 ms)`,
        }
      : notRun('import-200mb'),
  );
  const deep = results.deepWindow;
  if (!deep) return [...lines, ...['deep-first-paint', 'deep-jump-diff', 'deep-history', 'deep-memory', 'deep-bytes'].map(notRun)];
  const of = `after a reload with ${deep.written} events on disk`;
  lines.push({
    id: 'deep-first-paint',
    verdict: verdict(deep.firstPaintMs <= 1000),
    text: `first rows painted ${fmt(deep.firstPaintMs, 0)} ms from navigation start ${of} (target ≤ 1000 ms)`,
  });
  const worstJump = Math.max(...deep.jumps.map((jump) => jump.rowsMs + jump.diffMs));
  lines.push({
    id: 'deep-jump-diff',
    verdict: verdict(deep.jumps.length > 0 && worstJump <= 200),
    text: `jump + diff worst ${fmt(worstJump)} ms over ${deep.jumps.length} jumps (${deep.jumps.map((jump) => `${jump.at}: ${fmt(jump.rowsMs + jump.diffMs)}`).join(', ')}) (target ≤ 200 ms)`,
  });
  lines.push({
    id: 'deep-history',
    verdict: verdict(deep.history.firstRowsMs <= 300),
    text: `History of ${deep.history.versions} versions spread over the capture: first rows ${fmt(deep.history.firstRowsMs)} ms, all ${deep.history.rows} rendered rows ${fmt(deep.history.pageMs)} ms (target ≤ 300 ms)`,
  });
  lines.push({
    id: 'deep-memory',
    verdict: verdict(deep.deepRendererKb <= deep.ringRendererKb),
    text: `renderer PSS ${fmt(deep.deepRendererKb / 1024)} MiB with ${deep.written} on disk (reopened, after the jumps and History) vs ${fmt(deep.ringRendererKb / 1024)} MiB with a full 50,000 ring (target ≤)`,
  });
  const ratio = deep.storedBytes / Math.max(1, deep.rawBytes);
  lines.push({
    id: 'deep-bytes',
    verdict: verdict(ratio <= 0.5),
    text:
      `${fmt(deep.storedBytes / Math.max(1, deep.written), 0)} bytes stored per event vs ${fmt(deep.rawBytes / Math.max(1, deep.written), 0)} raw = ${fmt(ratio, 2)}× ` +
      `(lines, headers and index; IndexedDB usage ${deep.usageBytes === null ? 'n/a' : `${fmt(deep.usageBytes / Math.max(1, deep.written), 0)} bytes per event`}) (target ≤ 0.5×)`,
  });
  return lines;
}
