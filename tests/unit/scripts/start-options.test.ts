import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { START_FLAGS, parseStartArgs, startUsage } from '../../../scripts/start-options';

const run = promisify(execFile);
/** Starting tsx and importing vite takes seconds on a loaded machine. */
const SPAWN_TIMEOUT_MS = 30_000;

describe('npm start flags', () => {
  it(
    '`--help` prints every flag and exits 0 (no ERR_PARSE_ARGS_UNKNOWN_OPTION)',
    async () => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--help'], { timeout: SPAWN_TIMEOUT_MS });
      for (const name of Object.keys(START_FLAGS)) expect(stdout).toContain(`--${name}`);
      expect(stdout).toContain('--sim-port PORT');
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'an unknown flag is a short error with the usage and exit code 2',
    async () => {
      const failure = await run(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-such-flag'], {
        timeout: SPAWN_TIMEOUT_MS,
      }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toContain("Unknown option '--no-such-flag'");
      expect(failure?.stderr).toContain('usage: npm start');
    },
    SPAWN_TIMEOUT_MS,
  );

  it('parses the defaults and the port flags', () => {
    expect(parseStartArgs([])).toEqual({
      kind: 'run',
      args: { dev: false, 'sim-port': '8092', 'app-port': '4173', rate: '20', machines: '50', tls: false, help: false },
    });
    const parsed = parseStartArgs(['--sim-port', '9000', '--app-port=5000', '--tls']);
    expect(parsed).toMatchObject({ kind: 'run', args: { 'sim-port': '9000', 'app-port': '5000', tls: true } });
    expect(parseStartArgs(['-h'])).toEqual({ kind: 'help', text: startUsage() });
  });

  it('every flag is in the README', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile('README.md', 'utf8');
    for (const name of Object.keys(START_FLAGS)) expect(readme).toContain(`--${name}`);
  });
});
