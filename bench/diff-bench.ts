/**
 * Chooses the library behind src/lib/json-diff.ts: times each candidate (bench/diff-candidates.ts)
 * on realistic DRP machine objects and checks its output on identity-matched arrays.
 * Run: `npx tsx bench/diff-bench.ts` — prints the table and rewrites the "## Diff library choice"
 * section of bench/RESULTS.md (other sections are kept). Decision: docs/decisions/diff-library.md.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { candidates } from './diff-candidates';
import type { DiffCandidate } from './diff-candidates';
import { applyProvisioningStep, byteLength, makeMachine, reparse } from './drp-machine-factory';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- bench mutations reach deep into generated objects

interface DiffCase {
  name: string;
  before: unknown;
  after: unknown;
  /** `kind path` of every expected entry, e.g. `changed CurrentTask`. */
  expected: string[];
  iterations?: number;
}

const inventory = (machine: Obj): Obj => machine.Params['gohai-inventory'];

function machineUpdate(): DiffCase {
  const before = makeMachine({ seed: 1, inventoryBytes: 0 });
  const after = reparse(before) as Obj;
  after.CurrentJob = '5d6f1e2a-0c4b-4a53-9a77-2f7e1f1b6c2d';
  after.CurrentTask = 9;
  return {
    name: 'machine update, Original → Object',
    before,
    after,
    expected: ['changed CurrentJob', 'changed CurrentTask'],
    iterations: 3000,
  };
}

function machineWithInventory(): DiffCase {
  const before = makeMachine({ seed: 2, inventoryBytes: 30_000 });
  const after = reparse(before) as Obj;
  after.Stage = 'complete';
  after.CurrentTask = 10;
  inventory(after).Network.Interfaces[2].Addrs[0] = '10.10.99.7/24';
  return {
    name: 'machine + 30 KB gohai-inventory',
    before,
    after,
    expected: ['changed Stage', 'changed CurrentTask', 'changed Params.gohai-inventory.Network.Interfaces[Name=ens1f0].Addrs[0]'],
    iterations: 1000,
  };
}

function megabyteMachines(): DiffCase {
  const before = makeMachine({ seed: 3, inventoryBytes: 1_000_000 });
  const after = reparse(before) as Obj;
  const { upgraded: openssl, removed } = applyProvisioningStep(after, { upgraded: 1200, removed: 2400 });
  after.Meta.icon = 'check';
  const pkg = 'Params.gohai-inventory.Packages';
  return {
    name: 'two ~1 MB machines, 7 changes',
    before,
    after,
    expected: [
      'changed Meta.icon',
      'changed Stage',
      'changed CurrentTask',
      'added Params.gohai-inventory.Network.Interfaces[Name=bond0]',
      `changed ${pkg}[Name=${String(openssl.Name)}].Version`,
      `removed ${pkg}[Name=${String(removed.Name)}]`,
      'added Params.inventory/check-time',
    ],
    iterations: 40,
  };
}

/** Small untimed cases about identity-matched arrays and DRP JSON conventions (docs/reference/drp-protocol.md §4.3). */
function correctnessCases(): DiffCase[] {
  const task = (name: string, state: string) => ({ Name: name, ID: '', State: state });
  return [
    {
      name: 'insert at front of a Name-keyed array + one field change',
      before: { Tasks: [task('a', 'ok'), task('b', 'ok'), task('c', 'ok')] },
      after: { Tasks: [task('z', 'new'), task('a', 'ok'), task('b', 'failed'), task('c', 'ok')] },
      expected: ['added Tasks[Name=z]', 'changed Tasks[Name=b].State'],
    },
    {
      name: 'remove from the middle of a Uuid-keyed array',
      before: {
        Machines: [
          { Uuid: 'u1', Name: 'm1' },
          { Uuid: 'u2', Name: 'm2' },
          { Uuid: 'u3', Name: 'm3' },
        ],
      },
      after: {
        Machines: [
          { Uuid: 'u1', Name: 'm1' },
          { Uuid: 'u3', Name: 'm3' },
        ],
      },
      expected: ['removed Machines[Uuid=u2]'],
    },
    {
      name: 'reorder only (no move detection: not a change)',
      before: { Templates: [task('x', 'a'), task('y', 'b')] },
      after: { Templates: [task('y', 'b'), task('x', 'a')] },
      expected: [],
    },
    {
      name: 'null vs [] (nil vs empty Go slice)',
      before: { Errors: null, Params: { list: [] } },
      after: { Errors: [], Params: { list: null } },
      expected: ['changed Errors', 'changed Params.list'],
    },
    {
      name: 'insert into the middle of a string array',
      before: { Profiles: ['site-dc1', 'rack-r12', 'gpu'] },
      after: { Profiles: ['site-dc1', 'hot-spare', 'rack-r12', 'gpu'] },
      expected: ['added Profiles[1]'],
    },
  ];
}

const keyOf = (entry: { kind: string; path: string }): string => `${entry.kind} ${entry.path}`;

function isCorrect(candidate: DiffCandidate, diffCase: DiffCase): { ok: boolean; got: number; note: string } {
  try {
    const got = candidate.diff(diffCase.before, diffCase.after).map(keyOf).sort();
    const want = [...diffCase.expected].sort();
    const ok = got.length === want.length && got.every((line, i) => line === want[i]);
    return { ok, got: got.length, note: ok ? '' : `got ${got.length}: ${got.slice(0, 3).join('; ')}${got.length > 3 ? '; …' : ''}` };
  } catch (error) {
    return { ok: false, got: 0, note: `threw ${(error as Error).message}` };
  }
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function time(fn: () => unknown, iterations: number): { median: number; p95: number } {
  for (let i = 0; i < Math.min(20, iterations); i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ms = (value: number): string => (value < 1 ? value.toFixed(3) : value.toFixed(2));
const kb = (bytes: number): string => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(2)} MB` : `${(bytes / 1000).toFixed(1)} KB`);

function run(): string {
  const timed = [machineUpdate(), machineWithInventory(), megabyteMachines()];
  const lines: string[] = [];
  lines.push('## Diff library choice', '');
  lines.push(
    `Run: \`npx tsx bench/diff-bench.ts\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}. Inputs parsed once (two separate JSON.parse ` +
      'results, no shared references); times are per diff, including conversion to our DiffEntry format; ' +
      '"raw" is the library call alone. Target: two 1 MB objects ≤ 50 ms. Decision: docs/decisions/diff-library.md.',
    '',
  );
  lines.push('| Objects (before / after size) | Candidate | median ms | p95 ms | raw median ms | entries | correct |');
  lines.push('|---|---|---:|---:|---:|---:|---|');
  for (const diffCase of timed) {
    const size = `${diffCase.name} (${kb(byteLength(diffCase.before))} / ${kb(byteLength(diffCase.after))})`;
    for (const candidate of candidates) {
      const iterations = diffCase.iterations ?? 100;
      const adapted = time(() => candidate.diff(diffCase.before, diffCase.after), iterations);
      const raw = time(() => candidate.raw(diffCase.before, diffCase.after), iterations);
      const check = isCorrect(candidate, diffCase);
      lines.push(
        `| ${size} | ${candidate.name} | ${ms(adapted.median)} | ${ms(adapted.p95)} | ${ms(raw.median)} | ${check.got} | ${check.ok ? 'yes' : `no (${check.note})`} |`,
      );
      console.log(`${diffCase.name} / ${candidate.name}: median ${ms(adapted.median)} ms, p95 ${ms(adapted.p95)} ms, correct ${check.ok}`);
    }
  }
  lines.push('', 'Correctness on identity-matched arrays and DRP JSON conventions (expected entries exactly):', '');
  lines.push(`| Case | ${candidates.map((c) => c.name).join(' | ')} |`);
  lines.push(`|---|${candidates.map(() => '---').join('|')}|`);
  for (const diffCase of correctnessCases()) {
    const cells = candidates.map((candidate) => {
      const check = isCorrect(candidate, diffCase);
      return check.ok ? 'yes' : `no (${check.note})`;
    });
    lines.push(`| ${diffCase.name} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Replaces (or appends) our section in bench/RESULTS.md, keeping every other section. */
function writeSection(section: string): string {
  const file = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n';
  const heading = '## Diff library choice';
  const start = current.indexOf(`${heading}\n`);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = current.indexOf('\n## ', start + heading.length);
    next = current.slice(0, start) + section + (after === -1 ? '' : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(file, next.endsWith('\n') ? next : `${next}\n`);
  return file;
}

const section = run();
console.log(`\n${section}`);
console.log(`written to ${writeSection(section)}`);
