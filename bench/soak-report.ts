/**
 * The soak run's analysis and its "## Soak run" section of bench/RESULTS.md. Pure functions, so the
 * verdict can be recomputed from a saved samples file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MachineInfo } from './machine-info';

export const SOAK_HEADING = '## Soak run';

export interface SoakSample {
  /** Seconds since the load started. */
  atSeconds: number;
  received: number;
  buffered: number;
  evicted: number;
  malformed: number;
  /** Frames the simulator wrote to the app's socket, and dropped at its 256-message buffer (docs/reference/drp-protocol.md §7.4). */
  serverSent: number;
  serverDropped: number;
  /** PSS of all Chromium renderer processes (the page), kB. */
  rendererPssKb: number;
  /** PSS of every Chromium process of the run (browser, GPU, utilities, renderers), kB. */
  totalPssKb: number;
  /** V8 heap in use right after a forced full GC (CDP HeapProfiler.collectGarbage), bytes. */
  heapAfterGcBytes: number;
}

export interface SoakRun {
  command: string;
  machine: MachineInfo;
  minutes: number;
  rate: number;
  capacity: number;
  source: string;
  /** Mean frame size of the events sent, characters. */
  frameChars: number;
  samples: SoakSample[];
  /** Seconds after the start at which `buffered` first reached the capacity; null if it never did. */
  ringFullAtSeconds: number | null;
}

export interface Trend {
  samples: number;
  fromSeconds: number;
  toSeconds: number;
  /** Least-squares slope, MB per minute. */
  slopeMbPerMinute: number;
  meanMb: number;
  /** slope × the window's length: the growth the fit attributes to the window, MB. */
  fittedChangeMb: number;
  flat: boolean;
}

/** Flat = the fitted change over the window is at most max(5 MB, 5 % of the window's mean). */
export const FLAT_ABSOLUTE_MB = 5;
export const FLAT_RELATIVE = 0.05;

export function trend(points: readonly { atSeconds: number; valueMb: number }[]): Trend | null {
  if (points.length < 3) return null;
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.atSeconds, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.valueMb, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.atSeconds - meanX) * (p.valueMb - meanY);
    sxx += (p.atSeconds - meanX) ** 2;
  }
  const slopePerSecond = sxx === 0 ? 0 : sxy / sxx;
  const fromSeconds = points[0].atSeconds;
  const toSeconds = points[n - 1].atSeconds;
  const fittedChangeMb = slopePerSecond * (toSeconds - fromSeconds);
  return {
    samples: n,
    fromSeconds,
    toSeconds,
    slopeMbPerMinute: slopePerSecond * 60,
    meanMb: meanY,
    fittedChangeMb,
    flat: Math.abs(fittedChangeMb) <= Math.max(FLAT_ABSOLUTE_MB, FLAT_RELATIVE * meanY),
  };
}

/** The second half of the run, counted from when the ring was full (the soak target reads memory "once the ring is full": before that, growth is the ring filling). */
export function secondHalf(run: SoakRun): SoakSample[] {
  const last = run.samples[run.samples.length - 1];
  if (!last || run.ringFullAtSeconds === null) return [];
  const start = Math.max(run.ringFullAtSeconds, last.atSeconds / 2);
  return run.samples.filter((sample) => sample.atSeconds >= start);
}

const mb = (kb: number): number => kb / 1024;
const f1 = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '–');
const f2 = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '–');

function trendLine(label: string, result: Trend | null): string {
  if (!result) return `- ${label}: too few samples for a trend.`;
  return (
    `- ${label}, ${f1(result.fromSeconds / 60)}–${f1(result.toSeconds / 60)} min (${result.samples} samples): ` +
    `slope ${result.slopeMbPerMinute >= 0 ? '+' : ''}${f2(result.slopeMbPerMinute)} MB/min, fitted change ${result.fittedChangeMb >= 0 ? '+' : ''}${f1(result.fittedChangeMb)} MB ` +
    `on a mean of ${f1(result.meanMb)} MB → **${result.flat ? 'flat' : 'growing'}**.`
  );
}

export function renderSoakSection(run: SoakRun): string {
  const half = secondHalf(run);
  const pss = trend(half.map((s) => ({ atSeconds: s.atSeconds, valueMb: mb(s.rendererPssKb) })));
  const heap = trend(half.map((s) => ({ atSeconds: s.atSeconds, valueMb: s.heapAfterGcBytes / 2 ** 20 })));
  const last = run.samples[run.samples.length - 1];
  const m = run.machine;
  const lines = [
    SOAK_HEADING,
    '',
    `Run: \`${run.command}\` on ${m.date.slice(0, 10)}, ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, Chromium ${m.chromium}, ` +
      `load average ${m.loadAtStart} at the start (other work on this machine shares the 2 cores).`,
    '',
    `Production build (vite preview) in headless Chromium, connected through the UI as the demo user, ` +
      `ring capacity ${run.capacity} (full after ${run.ringFullAtSeconds === null ? 'never' : `${f1(run.ringFullAtSeconds)} s`}), ` +
      `load: ${run.source} at ${run.rate} events/s for ${run.minutes} min, ~${(run.frameChars / 1000).toFixed(1)} KB per frame. ` +
      `Memory sampled every ${run.samples.length > 1 ? Math.round(run.samples[1].atSeconds - run.samples[0].atSeconds) : '–'} s: ` +
      'PSS of the Chromium renderer process(es) from /proc/<pid>/smaps_rollup (bench/process-memory.ts), and the V8 heap right after a forced GC (CDP).',
    '',
    '| t (min) | received | buffered | evicted | server sent | server dropped | renderer PSS MB | all Chromium PSS MB | JS heap after GC MB |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...run.samples.map(
      (s) =>
        `| ${f1(s.atSeconds / 60)} | ${s.received} | ${s.buffered} | ${s.evicted} | ${s.serverSent} | ${s.serverDropped} | ` +
        `${f1(mb(s.rendererPssKb))} | ${f1(mb(s.totalPssKb))} | ${f1(s.heapAfterGcBytes / 2 ** 20)} |`,
    ),
    '',
    `Verdict (second half of the run, after the ring was full; flat = fitted change ≤ max(${FLAT_ABSOLUTE_MB} MB, ${FLAT_RELATIVE * 100} % of the mean)):`,
    '',
    trendLine('renderer PSS', pss),
    trendLine('JS heap after GC', heap),
    last
      ? `- Delivery: the app counted ${last.received} events; the simulator wrote ${last.serverSent} frames to its socket and dropped ${last.serverDropped} (acks included in "sent").`
      : '- No samples.',
    '',
  ];
  return lines.join('\n');
}

/** Replaces the "## Soak run" section of `current`, or appends it; every other section stays. */
export function spliceSoakSection(current: string, section: string): string {
  const start = current.indexOf(`${SOAK_HEADING}\n`);
  if (start === -1) return `${current.trimEnd()}\n\n${section.trimEnd()}\n`;
  const next = current.indexOf('\n## ', start + SOAK_HEADING.length);
  const rest = next === -1 ? '' : `\n${current.slice(next + 1)}`;
  return `${current.slice(0, start)}${section.trimEnd()}\n${rest}`;
}

export function writeSoakSection(run: SoakRun): string {
  const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  // Read just before writing: other benchmarks update their own sections of the same file.
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  writeFileSync(file, spliceSoakSection(current, renderSoakSection(run)));
  return file;
}
