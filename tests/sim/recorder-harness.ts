import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MARKER_KINDS = ['capture', 'subscription', 'gap', 'end'];

/** The recorder as a user runs it (`npm run record` is `tsx scripts/record.ts`), as a child process. */
export class RecorderProcess {
  stderr = '';
  stdout = '';
  readonly exited: Promise<number>;
  private readonly child: ChildProcess;

  constructor(args: readonly string[]) {
    // `node --import tsx` rather than `npx tsx`: one process, so a signal reaches the recorder itself.
    this.child = spawn(process.execPath, ['--import', 'tsx', 'scripts/record.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1))));
  }

  signal(name: 'SIGINT' | 'SIGTERM'): Promise<number> {
    this.child.kill(name);
    return this.exited;
  }

  /** Test cleanup: ends the recorder if a failed test left it running. */
  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

export type CaptureLine = Record<string, unknown>;

export interface Capture {
  lines: CaptureLine[];
  events: CaptureLine[];
  markers(kind: string): CaptureLine[];
}

/**
 * Parses a capture file by docs/reference/capture-format.md and fails the test on anything the
 * format does not allow. While the recorder runs (`complete` false) a last line without `\n` is
 * ignored: the format says a reader treats it as cut short.
 */
export function parseCapture(path: string, complete: boolean): Capture {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const rows = text.split('\n');
  const tail = rows.pop();
  if (complete) expect(tail, `${path} ends with a newline`).toBe('');
  const lines = rows.map((row, index) => {
    const value: unknown = JSON.parse(row);
    expect(typeof value === 'object' && value !== null && !Array.isArray(value), `line ${index + 1} is a JSON object`).toBe(true);
    return value as CaptureLine;
  });
  for (const [index, line] of lines.entries()) checkLine(line, index);
  if (lines.length > 0) expect(lines[0].$inspector, 'first line is the capture header').toBe('capture');
  if (complete) {
    const last = lines[lines.length - 1];
    expect(last.$inspector, 'last line is the end marker').toBe('end');
    expect(last.events).toBe(lines.filter((line) => line.$inspector === undefined).length);
  }
  return {
    lines,
    events: lines.filter((line) => line.$inspector === undefined),
    markers: (kind) => lines.filter((line) => line.$inspector === kind),
  };
}

const isIso = (value: unknown): boolean => typeof value === 'string' && !Number.isNaN(Date.parse(value)) && value.endsWith('Z');

function checkLine(line: CaptureLine, index: number): void {
  const where = `line ${index + 1}`;
  if (line.$inspector === undefined) {
    for (const field of ['Time', 'Type', 'Action', 'Key', 'Principal']) expect(typeof line[field], `${where} ${field}`).toBe('string');
    return;
  }
  expect(MARKER_KINDS, `${where} marker kind`).toContain(line.$inspector);
  switch (line.$inspector) {
    case 'capture':
      expect(line).toMatchObject({ version: 1, source: 'recorder' });
      expect(line.endpoint, `${where} endpoint is an origin`).toBe(new URL(line.endpoint as string).origin);
      expect(typeof line.user).toBe('string');
      expect(isIso(line.startedAt), `${where} startedAt`).toBe(true);
      break;
    case 'subscription':
      expect(typeof line.spec).toBe('string');
      expect(['active', 'failed']).toContain(line.state);
      expect(isIso(line.at), `${where} at`).toBe(true);
      break;
    case 'gap':
      expect(isIso(line.from) && isIso(line.to), `${where} from/to`).toBe(true);
      expect(Date.parse(line.to as string)).toBeGreaterThanOrEqual(Date.parse(line.from as string));
      expect(typeof line.reason).toBe('string');
      break;
    case 'end':
      expect(isIso(line.at), `${where} at`).toBe(true);
      expect(typeof line.events).toBe('number');
      break;
  }
}

/** Polls `check` (reading files, the recorder's stderr) until it returns a value; never a fixed sleep. */
export async function waitUntil<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
