/**
 * Renders a run as the "## Benchmark run" section of bench/RESULTS.md and splices it in, keeping
 * every other section (e.g. "## Diff library choice", written by bench/diff-bench.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResults } from './bench-results';
import { deepWindowSection } from './deep-window-section';
import { MACHINE_1K, MACHINE_2K, MACHINE_30K } from './payloads';
import type { Payload } from './payloads';
import type { LadderRow } from './rate-ladder';
import { SUSTAINED_DRAIN_SECONDS } from './rate-ladder';
import { evaluateTargets, formatTargetLine, rowsFor, sustainedRates } from './targets';

export const SECTION_HEADING = '## Benchmark run';

const f = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (kbValue: number): string => `${(kbValue / 1024).toFixed(1)} MB`;

function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string[] {
  const sep = header.map((_, i) => ((align?.[i] ?? 'r') === 'l' ? '---' : '---:'));
  return [`| ${header.join(' | ')} |`, `| ${sep.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''];
}

function ladderTable(rows: LadderRow[]): string[] {
  const sorted = [...rows].sort((a, b) => a.rate - b.rate || a.client.localeCompare(b.client));
  return table(
    [
      'rate/s',
      'client',
      'sent',
      'server dropped',
      'counted',
      'drain s',
      'frame p50 ms',
      'p95 ms',
      'max ms',
      'long tasks ms',
      'longest ms',
      'sustained',
    ],
    sorted.map((r) => [
      r.rate,
      r.client,
      r.sent,
      r.serverDropped,
      r.counted,
      r.drainSeconds === null ? `never (${f(r.settleSeconds, 2)})` : f(r.drainSeconds, 2),
      f(r.frames.p50),
      f(r.frames.p95),
      f(r.frames.max),
      f(r.longTaskMs, 0),
      f(r.longestTaskMs, 0),
      r.sustained ? 'yes' : 'no',
    ]),
    ['r', 'l'],
  );
}

function ladderSection(results: BenchResults, payload: Payload): string[] {
  const rows = results.ladder.filter((r) => r.payload === payload.id);
  if (rows.length === 0) return [];
  const bytes = results.frameBytes[payload.id];
  const rates = sustainedRates(results, payload.id);
  const lines = [`### Rate ladder: ${payload.label}${bytes ? ` (${kb(bytes)} per frame)` : ''}`, ''];
  if (rates) {
    lines.push(
      `Max sustained rate (zero loss, drain ≤ ${SUSTAINED_DRAIN_SECONDS} s): **app ${rates.app}/s, bare page ${rates.bare}/s**` +
        (rates.bare > 0 ? ` → ratio ${(rates.app / rates.bare).toFixed(2)}×.` : '.') +
        (rates.bareWorker !== null
          ? ` The bare page reading its socket in a worker (\`bare-worker\`: parse and count only) sustains ${rates.bareWorker}/s` +
            (rates.bareWorker > 0 ? ` → app ratio ${(rates.app / rates.bareWorker).toFixed(2)}×.` : '.')
          : '') +
        (rates.appPaused !== null
          ? ` With the view paused (ingest only, no timeline rendering) the app sustains ${rates.appPaused}/s.`
          : ''),
      '',
    );
  }
  const seconds = rows[0].seconds;
  lines.push(
    `Each rung: a ${seconds} s burst. "server dropped" = frames the simulator discarded because 256 were already waiting for that socket (melody's buffer, docs/reference/drp-protocol.md §7.4): the client read too slowly. "drain" = last send → counter reached the sent total ("never" shows when the count last moved). Frame intervals from requestAnimationFrame during the burst; long tasks during burst + drain. A ladder stops after two unsustained rungs.`,
    '',
  );
  lines.push(
    ...ladderTable([
      ...rowsFor(results, 'app', payload.id),
      ...rowsFor(results, 'app-paused', payload.id),
      ...rowsFor(results, 'app-recording', payload.id),
      ...rowsFor(results, 'bare', payload.id),
      ...rowsFor(results, 'bare-worker', payload.id),
    ]),
  );
  return lines;
}

function restSections(results: BenchResults): string[] {
  const lines: string[] = [];
  const click = results.clickToDiff;
  if (click) {
    lines.push('### Click-to-diff during a flood', '');
    lines.push(
      `${click.samples.length} clicks on rows of the moving timeline (follow-tail on, Diff tab open) during a ${click.floodRate}/s burst of ~2 KB machine updates; ` +
        `time from the pointerdown's timestamp to the pressed row's \`diff-status\` in the DOM and to the frame after it (the app selects on a mouse pointerdown). Presses whose row never showed its diff: ${click.misses} of ${click.misses + click.samples.length}; timed selections whose click (pointerup) landed on another row because the list moved under the pointer: ${click.moved} of ${click.samples.length}.`,
      '',
    );
    lines.push(
      ...table(
        ['measure', 'p50 ms', 'p95 ms', 'max ms'],
        [
          ['to painted', f(click.paintP50), f(click.paintP95), f(click.paintMax)],
          ['to DOM', f(click.domP50), '', ''],
          ['frame interval during flood', f(click.frames.p50), f(click.frames.p95), f(click.frames.max)],
        ],
        ['l'],
      ),
      `Longest main-thread task during the flood: ${f(click.longestTaskMs, 0)} ms.`,
      '',
    );
  }
  const diff = results.diff;
  if (diff) {
    lines.push(`### Diff of two ~1 MB machine objects (${kb(diff.bytes)} each)`, '');
    const rows: (string | number)[][] = [
      ['Node (diffObjects)', f(diff.node.medianMs, 2), f(diff.node.p95Ms, 2), f(diff.node.maxMs, 2), diff.node.entries, diff.node.samples],
    ];
    if (diff.browser)
      rows.push([
        'Chromium (diffObjects, Vite bundle)',
        f(diff.browser.medianMs, 2),
        f(diff.browser.p95Ms, 2),
        f(diff.browser.maxMs, 2),
        diff.browser.entries,
        diff.browser.samples,
      ]);
    lines.push(...table(['where', 'median ms', 'p95 ms', 'max ms', 'entries', 'runs'], rows, ['l']));
    if (diff.app) {
      lines.push(
        `In the app (two 1 MB saves of one machine published, the second clicked with the Diff tab open; includes parsing both frames and rendering): ` +
          `click-to-diff ${f(diff.app.clickToDiffMs)} ms, longest main-thread task ${f(diff.app.longestTaskMs, 0)} ms (long tasks are ≥ 50 ms; 0 = none), ${diff.app.entriesShown} entries shown.`,
        '',
      );
    }
  }
  const memory = results.memory;
  if (memory) {
    lines.push(`### Memory at ${memory.after.buffered} buffered events`, '');
    lines.push(
      `Whole-process PSS (/proc/<pid>/smaps_rollup) of the Chromium processes, after a forced GC, with the app connected and empty vs with the ring filled by ~2 KB machine updates with Original (${kb(memory.frameBytes)} raw JSON per event). Renderer = every \`--type=renderer\` process (workers included).`,
      '',
    );
    const kinds = ['renderer', 'gpu', 'utility', 'browser', 'zygote'] as const;
    lines.push(
      ...table(
        ['process', 'before', 'after', 'delta'],
        kinds.map((k) => [
          k,
          mb(memory.before.snapshot.byKind[k]),
          mb(memory.after.snapshot.byKind[k]),
          mb(memory.after.snapshot.byKind[k] - memory.before.snapshot.byKind[k]),
        ]),
        ['l'],
      ),
    );
    lines.push(
      `Per buffered event: renderer ${kb(memory.rendererBytesPerEvent)} (= **${memory.ratio.toFixed(2)}×** raw JSON), main-thread JS heap ${kb(memory.heapBytesPerEvent)} ` +
        `(heap used ${mb(memory.before.heap.usedBytes / 1024)} → ${mb(memory.after.heap.usedBytes / 1024)}).`,
      '',
    );
  }
  if (results.scroll && results.scroll.length > 0) {
    const buffered = results.memory?.after.buffered;
    lines.push(`### Scrolling the full buffer${buffered ? ` (${buffered} events)` : ''}`, '');
    lines.push(
      'The timeline scroller driven from requestAnimationFrame: "wheel" = 400 px per frame down and back (a hard mouse-wheel spin), "flick" = 1500 px per frame (a stress case), "jumps" = a random scrollTop every frame (scrollbar drag).',
      '',
    );
    lines.push(
      ...table(
        ['pattern', 'seconds', 'frame p50 ms', 'p95 ms', 'max ms', 'long tasks ms', 'longest ms'],
        results.scroll.map((s) => [
          s.pattern,
          s.seconds,
          f(s.frames.p50),
          f(s.frames.p95),
          f(s.frames.max),
          f(s.longTaskMs, 0),
          f(s.longestTaskMs, 0),
        ]),
        ['l'],
      ),
    );
  }
  const bundle = results.bundle;
  if (bundle) {
    lines.push('### Production bundle', '');
    lines.push(
      ...table(
        ['file', 'bytes', 'gzip -9 bytes'],
        [
          ...bundle.files.map((b) => [`\`${b.name}\``, b.bytes, b.gzipBytes]),
          ['**total**', bundle.totalBytes, `**${bundle.totalGzipBytes}** (${kb(bundle.totalGzipBytes)})`],
        ],
        ['l'],
      ),
    );
  }
  const first = results.firstRender;
  if (first) {
    lines.push('### Time to first render', '');
    lines.push(
      `Cold cache (fresh context each), production build over loopback, ${first.samples} loads, medians: first contentful paint **${f(first.fcpMedianMs)} ms**, ` +
        `connection panel + timeline painted **${f(first.panelsMedianMs)} ms** (max ${f(first.panelsMaxMs)} ms), DOMContentLoaded end ${f(first.domContentLoadedMedianMs)} ms.`,
      '',
    );
  }
  const profile = results.profile;
  if (profile) {
    lines.push(`### Where the app spends time (CPU profile at ${profile.rate}/s)`, '');
    lines.push(`Main thread, ${f(profile.totalMs, 0)} ms profiled, saved as \`${profile.file}\` (not committed). Top self time:`, '');
    lines.push(
      ...table(
        ['function', 'location', 'self ms', '%'],
        profile.top.map((h) => [`\`${h.name}\``, h.where || '(native)', f(h.selfMs, 0), f(h.percent)]),
        ['l', 'l'],
      ),
    );
  }
  if (results.failures.length > 0) {
    lines.push('### Phases that failed', '', ...results.failures.map((failure) => `- ${failure}`), '');
  }
  return lines;
}

export function renderSection(results: BenchResults): string {
  const m = results.machine;
  const lines = [
    SECTION_HEADING,
    '',
    `\`${results.command}\` (${results.mode}) on ${m.date.slice(0, 10)} (${m.date}), ${Math.round(results.durationSeconds)} s.`,
    '',
    ...table(
      ['machine', ''],
      [
        ['CPU', `${m.cores} × ${m.cpuModel}`],
        ['memory', `${m.memoryGiB} GiB`],
        ['platform', m.platform],
        ['Node', m.node],
        ['Chromium', `${m.chromium} (headless, scripts/chromium.ts flags)`],
        [
          'load average at start',
          `${m.loadAtStart}${m.loadAtStart > m.cores / 2 ? ' — **busy machine: other processes competed for the CPU; treat absolute figures as pessimistic**' : ''}`,
        ],
      ],
      ['l', 'l'],
    ),
    'The simulator, the Playwright driver and Chromium share these cores, so the bare page and the app are always measured in the same run and compared by ratio.',
    '',
    '### Targets',
    '',
    ...evaluateTargets(results).map((line) => `- \`${formatTargetLine(line)}\``),
    '',
    ...ladderSection(results, MACHINE_2K),
    ...ladderSection(results, MACHINE_30K),
    ...ladderSection(results, MACHINE_1K),
    ...restSections(results),
    ...historySection(results),
    ...deepWindowSection(results, table),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

function historySection(results: BenchResults): string[] {
  const { changedPath, history, objects } = results;
  if (!changedPath && !history && !objects) return [];
  const lines = ['### Object history: Changed path, History, Blame, Objects', ''];
  lines.push(
    'Changed paths are computed in the socket worker at ingest and read from the headers (docs/architecture.md, "Changed paths at ingest"). ' +
      'Times run from the input event (Enter in `Changed path`, pointerdown on a tab) to the result in the DOM and to the frame after it.',
    '',
  );
  const rows: (string | number)[][] = [];
  if (changedPath) {
    rows.push([
      `Changed path \`Params.bar\` over ${changedPath.buffered} buffered (${changedPath.matches} matches)`,
      f(changedPath.domMs),
      f(changedPath.paintedMs),
    ]);
    rows.push([
      `frames at ${changedPath.liveRate}/s with \`CurrentTask\` on: p50 / p95 / max`,
      f(changedPath.liveFrames.p50),
      `${f(changedPath.liveFrames.p95)} / ${f(changedPath.liveFrames.max)}`,
    ]);
  }
  if (history) {
    rows.push([
      `History of ${history.versions} versions (~${history.objectBytes / 1000} KB), ${history.history.rows} rows`,
      f(history.history.domMs),
      f(history.history.paintedMs),
    ]);
    rows.push([`Blame of the newest version, ${history.blame.rows} leaves`, f(history.blame.domMs), f(history.blame.paintedMs)]);
  }
  lines.push(...table(['measure', 'to DOM ms', 'to painted ms'], rows, ['l']));
  if (objects) {
    lines.push(
      `Objects view with ${objects.shown} of ${objects.objects} distinct objects listed, scrolled for ${objects.scroll[0]?.seconds ?? 0} s each:`,
      '',
      ...table(
        ['pattern', 'frame p50 ms', 'p95 ms', 'max ms', 'long tasks ms'],
        objects.scroll.map((s) => [s.pattern, f(s.frames.p50), f(s.frames.p95), f(s.frames.max), f(s.longTaskMs, 0)]),
        ['l'],
      ),
    );
  }
  return lines;
}

/** Replaces the "## Benchmark run" section, or inserts it before the first other section. */
export function spliceSection(current: string, section: string): string {
  const start = current.indexOf(`${SECTION_HEADING}\n`);
  if (start !== -1) {
    const next = current.indexOf('\n## ', start + SECTION_HEADING.length);
    return current.slice(0, start) + section + (next === -1 ? '' : `\n${current.slice(next + 1)}`);
  }
  const firstSection = current.indexOf('\n## ');
  if (firstSection === -1) return `${current.trimEnd()}\n\n${section}`;
  return `${current.slice(0, firstSection + 1)}${section}\n${current.slice(firstSection + 1)}`;
}

export const RECONNECT_HEADING = '## Reconnect gap';

/** Its own section, so `--only reconnect` updates it without blanking the rest of the run. */
export function renderReconnectSection(results: BenchResults): string | null {
  const r = results.reconnect;
  if (!r) return null;
  const m = results.machine;
  const lines = [
    RECONNECT_HEADING,
    '',
    `\`${results.command}\` on ${m.date.slice(0, 10)} (${m.cores} × ${m.cpuModel}, load ${m.loadAtStart} at start).`,
    '',
    'From the simulator dropping every socket (server still up; `drop-sockets`) to the app showing its',
    'subscription acked again, each drop after a connection open past the 10 s health rule. Every event',
    'published in between is lost (DRP keeps no backlog). The first retry waits 100–300 ms',
    '(src/connection/reconnect-policy.ts); the rest is the `/api/v3/info` check, the token grant, the',
    'socket open and the ack.',
    '',
    ...table(['drops', 'p50 ms', 'p95 ms', 'max ms'], [[r.drops, f(r.p50, 0), f(r.p95, 0), f(r.max, 0)]]),
    `Each gap in ms, in order: ${r.gapsMs.join(', ')}.`,
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

/** Replaces the section under `heading`, or appends it. */
export function spliceNamedSection(current: string, heading: string, section: string): string {
  const start = current.indexOf(`${heading}\n`);
  if (start === -1) return `${current.trimEnd()}\n\n${section}`;
  const next = current.indexOf('\n## ', start + heading.length);
  return current.slice(0, start) + section + (next === -1 ? '' : `\n${current.slice(next + 1)}`);
}

/** `benchmarkRun`: false when only the reconnect phase ran, which then leaves "## Benchmark run" as it was. */
export function writeResults(results: BenchResults, { benchmarkRun = true }: { benchmarkRun?: boolean } = {}): string {
  const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  if (benchmarkRun) text = spliceSection(text, renderSection(results));
  const reconnect = renderReconnectSection(results);
  if (reconnect !== null) text = spliceNamedSection(text, RECONNECT_HEADING, reconnect);
  writeFileSync(file, text);
  return file;
}
