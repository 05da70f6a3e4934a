/** The performance targets (throughput, frame times, click-to-diff, memory, diff, scrolling, bundle, first render), judged on one run's figures: one PASS / MISS / N/A line each. */
import type { BenchResults } from './bench-results';
import { deepWindowLines } from './deep-window-targets';
import { MACHINE_2K, MACHINE_30K } from './payloads';
import type { Payload } from './payloads';
import { maxSustainedRate } from './rate-ladder';
import type { LadderRow } from './rate-ladder';

import { fmt, verdict } from './target-line';
import type { TargetLine } from './target-line';

export type { TargetLine, Verdict } from './target-line';

export function rowsFor(results: BenchResults, client: LadderRow['client'], payload: Payload['id']): LadderRow[] {
  return results.ladder.filter((row) => row.client === client && row.payload === payload);
}

export function sustainedRates(
  results: BenchResults,
  payload: Payload['id'],
): { app: number; bare: number; bareWorker: number | null; appPaused: number | null; ladderTop: number } | null {
  const app = rowsFor(results, 'app', payload);
  const bare = rowsFor(results, 'bare', payload);
  const bareWorker = rowsFor(results, 'bare-worker', payload);
  const paused = rowsFor(results, 'app-paused', payload);
  if (app.length === 0 || bare.length === 0) return null;
  const ladderTop = Math.max(...app.map((r) => r.rate), ...bare.map((r) => r.rate));
  return {
    app: maxSustainedRate(app),
    bare: maxSustainedRate(bare),
    bareWorker: bareWorker.length > 0 ? maxSustainedRate(bareWorker) : null,
    appPaused: paused.length > 0 ? maxSustainedRate(paused) : null,
    ladderTop,
  };
}

function sustainedLine(results: BenchResults, payload: Payload): TargetLine {
  const id = `sustained-rate ${payload.id}`;
  const rates = sustainedRates(results, payload.id);
  if (!rates) return { id, verdict: 'N/A', text: 'ladder not run' };
  if (rates.bare === 0) return { id, verdict: 'N/A', text: `bare page sustained no rung (app ${rates.app}/s)` };
  const ratio = rates.app / rates.bare;
  const top = rates.app === rates.ladderTop && rates.bare === rates.ladderTop ? ' (both at the ladder top)' : '';
  return { id, verdict: verdict(ratio >= 1), text: `app ${rates.app}/s vs bare ${rates.bare}/s = ${fmt(ratio, 2)}× (target ≥ 1.0×)${top}` };
}

/** Object history's target: the app with changed paths at ingest vs a page that reads in a worker and only parses. */
function workerCeilingLine(results: BenchResults, payload: Payload): TargetLine {
  const id = `worker-ceiling ${payload.id}`;
  const rates = sustainedRates(results, payload.id);
  if (!rates || rates.bareWorker === null) return { id, verdict: 'N/A', text: 'ladder not run' };
  if (rates.bareWorker === 0) return { id, verdict: 'N/A', text: `worker page sustained no rung (app ${rates.app}/s)` };
  const ratio = rates.app / rates.bareWorker;
  return {
    id,
    verdict: verdict(ratio >= 0.9),
    text: `app ${rates.app}/s vs bare worker page ${rates.bareWorker}/s = ${fmt(ratio, 2)}× (target ≥ 0.9×)`,
  };
}

function framesAtLine(results: BenchResults, id: string, rate: number | null, limitMs: number): TargetLine {
  if (rate === null || rate === 0) return { id, verdict: 'N/A', text: 'no sustained rung' };
  const row = rowsFor(results, 'app', MACHINE_2K.id).find((r) => r.rate === rate);
  if (!row) return { id, verdict: 'N/A', text: `no ${rate}/s rung` };
  return {
    id,
    verdict: verdict(row.frames.p95 <= limitMs),
    text: `p95 ${fmt(row.frames.p95)} ms at ${rate}/s, follow-tail on (target ≤ ${limitMs} ms)`,
  };
}

function noLossLine(results: BenchResults): TargetLine {
  const id = 'no-silent-loss';
  const app = results.ladder.filter((r) => r.client === 'app' || r.client === 'app-paused');
  if (app.length === 0) return { id, verdict: 'N/A', text: 'ladder not run' };
  const sustained = rowsFor(results, 'app', MACHINE_2K.id);
  const limit = maxSustainedRate(sustained);
  const lossBelow = sustained.filter((r) => r.rate <= limit).reduce((n, r) => n + (r.sent - r.counted), 0);
  // Frames written to the app's socket that its counter never showed: loss inside the browser.
  const clientLoss = app.reduce((n, r) => n + Math.max(0, r.delivered - r.counted), 0);
  const serverDrops = app.reduce((n, r) => n + r.serverDropped, 0);
  return {
    id,
    verdict: verdict(lossBelow === 0 && clientLoss === 0),
    text:
      `lost at or below ${limit}/s: ${lossBelow}; delivered but not counted by the app: ${clientLoss}; ` +
      `dropped by the server above it (melody 256 buffer, invisible to any client, docs/reference/drp-protocol.md §7.4): ${serverDrops}`,
  };
}

/**
 * A press whose row never shows its diff (nothing or another row selected) is a failed selection
 * for the user, so the latency target also needs most presses to land.
 */
function clickLine(results: BenchResults): TargetLine {
  const click = results.clickToDiff;
  if (!click) return { id: 'click-to-diff', verdict: 'N/A', text: 'not run' };
  const attempts = click.samples.length + click.misses;
  const landed = attempts > 0 ? click.samples.length / attempts : 0;
  return {
    id: 'click-to-diff',
    verdict: verdict(click.samples.length > 0 && click.paintP95 <= 100 && landed >= 0.5),
    text:
      `p50 ${fmt(click.paintP50)} ms, p95 ${fmt(click.paintP95)} ms over ${click.samples.length} selections at ${click.floodRate}/s; ` +
      `${click.misses} of ${attempts} presses did not select their row; ${click.moved} clicks released over a moved row (target ≤ 100 ms)`,
  };
}

/** Object history: Changed path, History/Blame, Objects scrolling. */
function historyLines(results: BenchResults): TargetLine[] {
  const lines: TargetLine[] = [];
  const changed = results.changedPath;
  lines.push(
    changed
      ? {
          id: 'changed-path-first',
          verdict: verdict(changed.matches > 0 && changed.paintedMs <= 150),
          text: `${changed.matches} of ${changed.buffered} buffered shown ${fmt(changed.paintedMs)} ms after Enter (target ≤ 150 ms)`,
        }
      : { id: 'changed-path-first', verdict: 'N/A', text: 'not run' },
  );
  lines.push(
    changed
      ? {
          id: 'changed-path-live',
          verdict: verdict(changed.liveFrames.p95 <= 33),
          text: `frame p95 ${fmt(changed.liveFrames.p95)} ms at ${changed.liveRate}/s with the filter on (target ≤ 33 ms)`,
        }
      : { id: 'changed-path-live', verdict: 'N/A', text: 'not run' },
  );
  const history = results.history;
  for (const tab of ['history', 'blame'] as const) {
    const timing = history?.[tab];
    lines.push(
      history && timing
        ? {
            id: `${tab}-1000-versions`,
            verdict: verdict(timing.rows > 0 && timing.paintedMs <= 100),
            text: `${fmt(timing.paintedMs)} ms click to painted (${timing.rows} rows) for ${history.versions} versions of ~${history.objectBytes / 1000} KB (target ≤ 100 ms)`,
          }
        : { id: `${tab}-1000-versions`, verdict: 'N/A', text: 'not run' },
    );
  }
  const objects = results.objects;
  // Judged on a hard wheel spin and scrollbar jumps; the 1500 px-a-frame flick is reported as a stress case.
  const judged = objects?.scroll.filter((s) => s.pattern !== 'flick') ?? [];
  const worst = judged.length > 0 ? Math.max(...judged.map((s) => s.frames.p95)) : Number.NaN;
  lines.push(
    objects
      ? {
          id: 'objects-scroll',
          verdict: verdict(objects.shown >= objects.objects && worst <= 20),
          text: `${objects.shown} objects listed; scroll frame p95 ${objects.scroll.map((s) => `${s.pattern} ${fmt(s.frames.p95)} ms`).join(', ')} (target ≤ 20 ms for wheel and jumps; flick is a stress case)`,
        }
      : { id: 'objects-scroll', verdict: 'N/A', text: 'not run' },
  );
  return lines;
}

export function evaluateTargets(results: BenchResults): TargetLine[] {
  const lines: TargetLine[] = [
    sustainedLine(results, MACHINE_2K),
    sustainedLine(results, MACHINE_30K),
    workerCeilingLine(results, MACHINE_2K),
    workerCeilingLine(results, MACHINE_30K),
  ];
  const rates = sustainedRates(results, MACHINE_2K.id);
  lines.push(framesAtLine(results, 'frames-at-sustained', rates?.app ?? null, 50));
  lines.push(framesAtLine(results, 'frames-at-1k', rowsFor(results, 'app', MACHINE_2K.id).some((r) => r.rate === 1000) ? 1000 : null, 20));

  lines.push(clickLine(results));

  const memory = results.memory;
  lines.push(
    memory
      ? {
          id: 'memory-per-event',
          verdict: verdict(memory.ratio <= 1.5),
          text:
            `${fmt(memory.rendererBytesPerEvent / 1024, 2)} KB renderer PSS per event vs ${fmt(memory.frameBytes / 1024, 2)} KB raw = ${fmt(memory.ratio, 2)}× ` +
            `at ${memory.after.buffered} buffered (target ≤ 1.5× at ${memory.target})`,
        }
      : { id: 'memory-per-event', verdict: 'N/A', text: 'not run' },
  );

  const diff = results.diff;
  if (diff) {
    const timed = diff.browser ?? diff.node;
    const longest = diff.app?.longestTaskMs ?? Number.NaN;
    const ok = timed.medianMs <= 50 && diff.app !== undefined && diff.app.clickToDiffMs !== null && longest <= 100;
    lines.push({
      id: 'diff-1mb',
      verdict: verdict(ok),
      text:
        `${diff.browser ? 'Chromium' : 'Node'} median ${fmt(timed.medianMs, 2)} ms (Node ${fmt(diff.node.medianMs, 2)} ms); ` +
        `in the app: click-to-diff ${fmt(diff.app?.clickToDiffMs ?? Number.NaN)} ms, longest task ${fmt(longest)} ms (targets ≤ 50 ms, no task > 100 ms)`,
    });
  } else {
    lines.push({ id: 'diff-1mb', verdict: 'N/A', text: 'not run' });
  }
  lines.push(...historyLines(results));
  lines.push(...deepWindowLines(results));
  lines.push(noLossLine(results));
  return lines;
}

export function formatTargetLine(line: TargetLine): string {
  return `${line.verdict.padEnd(4)} ${line.id}: ${line.text}`;
}
