/**
 * Whole-process memory of this run's Chromium processes, from /proc (Linux only): PSS from
 * /proc/<pid>/smaps_rollup, so shared pages are split fairly and worker threads, V8 heaps, Blink,
 * Oilpan and malloc all count (the memory target counts the whole renderer, not just the main-thread JS heap). Chromium processes are
 * the descendants of this Node process, grouped by their `--type=` switch.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type ProcessKind = 'browser' | 'renderer' | 'gpu' | 'utility' | 'zygote' | 'other';

export interface ProcessMemory {
  pid: number;
  kind: ProcessKind;
  pssKb: number;
}

export interface MemorySnapshot {
  processes: ProcessMemory[];
  /** PSS summed per process kind, in kB. */
  byKind: Record<ProcessKind, number>;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process exited between listing and reading
  }
}

function parentOf(pid: number): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // Field 4 is the ppid; field 2 (comm) may contain spaces, so parse after its closing parenthesis.
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(rest[1]);
}

function kindOf(cmdline: string): ProcessKind {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (type === undefined) return cmdline.includes('chrom') ? 'browser' : 'other';
  if (type === 'renderer') return 'renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'utility') return 'utility';
  if (type === 'zygote') return 'zygote';
  return 'other';
}

function pssKbOf(pid: number): number {
  const rollup = readText(`/proc/${pid}/smaps_rollup`);
  const match = rollup ? /^Pss:\s+(\d+) kB/m.exec(rollup) : null;
  return match ? Number(match[1]) : 0;
}

/** Every descendant of `root` (default: this process). */
export function descendantPids(root: number = process.pid): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(Number(entry));
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  const result: number[] = [];
  for (const pid of parents.keys()) {
    let cursor: number | undefined = parents.get(pid);
    while (cursor !== undefined && cursor > 1) {
      if (cursor === root) {
        result.push(pid);
        break;
      }
      cursor = parents.get(cursor);
    }
  }
  return result;
}

export function chromiumMemory(root: number = process.pid): MemorySnapshot {
  const byKind: Record<ProcessKind, number> = { browser: 0, renderer: 0, gpu: 0, utility: 0, zygote: 0, other: 0 };
  const processes: ProcessMemory[] = [];
  for (const pid of descendantPids(root)) {
    const cmdline = (readText(`/proc/${pid}/cmdline`) ?? '').replace(/\0/g, ' ');
    if (!cmdline.includes('chrom')) continue;
    const entry = { pid, kind: kindOf(cmdline), pssKb: pssKbOf(pid) };
    processes.push(entry);
    byKind[entry.kind] += entry.pssKb;
  }
  return { processes, byKind };
}
