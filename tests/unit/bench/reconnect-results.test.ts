import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../../bench/bench-results';
import { parseBenchArgs } from '../../../bench/cli-options';
import { RECONNECT_HEADING, renderReconnectSection, spliceNamedSection } from '../../../bench/results-writer';

const machine: BenchResults['machine'] = {
  date: '2026-12-02T02:00:00.000Z',
  cores: 2,
  cpuModel: 'cpu',
  memoryGiB: 4,
  platform: 'linux',
  node: 'v20',
  chromium: '130',
  loadAtStart: 0.5,
} as BenchResults['machine'];

function results(reconnect?: BenchResults['reconnect']): BenchResults {
  return {
    machine,
    mode: 'full',
    command: 'npm run bench -- --only reconnect',
    durationSeconds: 1,
    frameBytes: {},
    ladder: [],
    failures: [],
    reconnect,
  };
}

describe('bench reconnect phase', () => {
  it('`--only reconnect --drops 3` selects just that phase', () => {
    const options = parseBenchArgs(['--only', 'reconnect', '--drops', '3']);
    expect([...options.phases]).toEqual(['reconnect']);
    expect(options.drops).toBe(3);
    expect(parseBenchArgs([]).drops).toBe(20);
  });

  it('reports p50/p95 in its own section, replaced in place and leaving the others alone', () => {
    const section = renderReconnectSection(results({ drops: 3, gapsMs: [150, 210, 290], p50: 210, p95: 290, max: 290 }));
    expect(section).toContain(RECONNECT_HEADING);
    expect(section).toContain('| 3 | 210 | 290 | 290 |');
    expect(renderReconnectSection(results())).toBeNull();

    const before = '# Benchmark results\n\n## Benchmark run\n\nrun\n\n## Reconnect gap\n\nold\n\n## Soak run\n\nsoak\n';
    const after = spliceNamedSection(before, RECONNECT_HEADING, section ?? '');
    expect(after).toContain('## Benchmark run\n\nrun\n');
    expect(after).toContain('## Soak run\n\nsoak\n');
    expect(after).not.toContain('old');
    expect(spliceNamedSection('# Benchmark results\n', RECONNECT_HEADING, 'x\n')).toBe('# Benchmark results\n\nx\n');
  });
});
