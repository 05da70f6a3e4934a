/** The deep window's section of bench/RESULTS.md (bench/deep-window-bench.ts). */
import type { BenchResults } from './bench-results';

const f = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function deepWindowSection(
  results: BenchResults,
  table: (head: string[], rows: (string | number)[][], align?: ('l' | 'r')[]) => string[],
): string[] {
  const deep = results.deepWindow;
  if (!deep) return [];
  const perEvent = (bytes: number): string => `${f(bytes / Math.max(1, deep.written), 0)} B`;
  return [
    '### The deep window: a capture on disk older than the ring',
    '',
    `A burst of ${deep.sent} ~0.9 KB machine updates (${deep.objects} machines, so each has its versions spread over the whole capture) at ${deep.rate}/s with Record to disk on and the default 50,000 ring: ` +
      `${deep.counted} counted, ${deep.serverDropped} dropped by the server, ${deep.written} written in ${f(deep.writeSeconds, 0)} s. ` +
      "Then the page is reloaded: the capture reopens from disk (its index rows only), and every figure below reads events back from IndexedDB (Chromium's real one).",
    '',
    ...table(
      ['measure', 'value'],
      [
        ['raw JSON (frame text)', `${mb(deep.rawBytes)} (${perEvent(deep.rawBytes)} per event)`],
        [
          'stored: compressed lines + headers + index',
          `${mb(deep.storedBytes)} (${perEvent(deep.storedBytes)} per event, ${f(deep.storedBytes / Math.max(1, deep.rawBytes), 2)}×)`,
        ],
        [
          'IndexedDB usage (navigator.storage.estimate)',
          deep.usageBytes === null ? 'n/a' : `${mb(deep.usageBytes)} (${perEvent(deep.usageBytes)} per event)`,
        ],
        ['reload → capture reopened (navigation start)', `${f(deep.reopenedMs, 0)} ms`],
        ['reload → first rows painted', `${f(deep.firstPaintMs, 0)} ms`],
        ...deep.jumps.map((jump): (string | number)[] => [
          `jump to ${jump.at} of the list (#${jump.seq}): rows painted + press → diff painted`,
          `${f(jump.rowsMs)} + ${f(jump.diffMs)} ms`,
        ]),
        [
          `History of ${deep.history.versions} versions: first ${10} rows / all ${deep.history.rows} rendered`,
          `${f(deep.history.firstRowsMs)} / ${f(deep.history.pageMs)} ms`,
        ],
        ['renderer PSS: reopened capture, after the above', mb(deep.deepRendererKb * 1024)],
        ['renderer PSS: the same events in a full 50,000 ring', mb(deep.ringRendererKb * 1024)],
      ],
      ['l', 'l'],
    ),
  ];
}
