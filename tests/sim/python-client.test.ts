import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, basicHeader } from './sim-client';

/**
 * A third-party client against the simulator: tests/sim/clients/drp_watch.py, written the way DRP's
 * Python sample is (websocket-client's WebSocketApp over wss, certificate checks off). It needs
 * Debian's python3-websocket for /usr/bin/python3; CI installs it (.ci/run). Without it this check
 * is reported as skipped, never passed.
 */
const PYTHON = '/usr/bin/python3';
const CLIENT = 'tests/sim/clients/drp_watch.py';
const MISSING = 'python3-websocket is not installed: apt-get install python3-websocket to run this check';
const available = spawnSync(PYTHON, ['-c', 'import websocket'], { stdio: 'ignore' }).status === 0;
if (!available) console.warn(`tests/sim/python-client.test.ts: ${MISSING}`);

interface Run {
  lines: string[];
  exited: Promise<number | null>;
}

function watch(sim: Simulator, args: string[]): Run {
  const child = spawn(PYTHON, [CLIENT, '--endpoint', `127.0.0.1:${sim.port}`, '--exit-after', '90', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  let partial = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { lines, exited };
}

const frames = (run: Run): DrpEvent[] => run.lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as DrpEvent);
const acks = (run: Run): DrpEvent[] => frames(run).filter((e) => e.Type === 'websocket');

function fetchToken(sim: Simulator): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${sim.httpUrl}/api/v3/users/${ADMIN.user}/token`,
      { rejectUnauthorized: false, headers: { Authorization: basicHeader(ADMIN.user, ADMIN.password) } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve((JSON.parse(body) as { Token: string }).Token));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let sim: Simulator;

beforeAll(async () => {
  if (available) sim = await startSimulator({ tls: true, machines: 2 });
});
afterAll(async () => {
  await sim?.close();
});

// A Python start-up with TLS is slow on a loaded two-core machine: generous limits, never a fixed wait.
describe(
  available ? 'DRP-style Python client over wss' : `DRP-style Python client over wss (skipped: ${MISSING})`,
  { timeout: 100_000 },
  () => {
    it.skipIf(!available)('prints an ack per filter, then only the matching events', async () => {
      const run = watch(sim, ['--token', `${ADMIN.user}:${ADMIN.password}`, '--count', '2', 'profiles.*.*', 'machines.update.m1']);
      await expect.poll(() => acks(run).map((a) => a.Key), { timeout: 60_000 }).toEqual(['profiles.*.*', 'machines.update.m1']);
      // Published in order on one socket: a non-matching event first, so had it been delivered it would show up before the others.
      sim.publish({ Type: 'tasks', Action: 'create', Key: 'not-registered' });
      sim.publish({ Type: 'machines', Action: 'update', Key: 'm2' });
      sim.publish({ Type: 'profiles', Action: 'save', Key: 'global', Object: { Name: 'global' } });
      sim.publish({ Type: 'machines', Action: 'update', Key: 'm1' });
      expect(await run.exited).toBe(0);
      const events = frames(run).filter((e) => e.Type !== 'websocket');
      expect(events.map((e) => `${e.Type}.${e.Action}.${e.Key}`)).toEqual(['profiles.save.global', 'machines.update.m1']);
      expect(events[0]).toMatchObject({ Principal: '', Object: { Name: 'global' }, Original: null });
      expect(acks(run)[0]).toMatchObject({ Action: 'register', Principal: '', Object: null, Original: null });
    });

    it.skipIf(!available)('connects with a token from the REST token grant', async () => {
      const token = await fetchToken(sim);
      const run = watch(sim, ['--token', token, '--count', '1', 'profiles.*.*']);
      await expect.poll(() => acks(run).length, { timeout: 60_000 }).toBe(1);
      sim.publish({ Type: 'profiles', Action: 'update', Key: 'by-token' });
      expect(await run.exited).toBe(0);
      expect(frames(run).at(-1)).toMatchObject({ Type: 'profiles', Key: 'by-token' });
    });

    it.skipIf(!available)('is refused with 403 for a bad password, before the upgrade', async () => {
      const run = watch(sim, ['--token', `${ADMIN.user}:wrong`, 'machines.*.*']);
      expect(await run.exited).toBe(1);
      expect(run.lines).toContain('status: 403');
      expect(run.lines.some((l) => l.startsWith('error: ') && l.includes('403'))).toBe(true);
      expect(frames(run)).toEqual([]);
    });

    it.skipIf(!available)('is closed with 1009 for a command over 512 bytes', async () => {
      const longFilter = `machines.*.${'a'.repeat(600)}`;
      const run = watch(sim, ['--token', `${ADMIN.user}:${ADMIN.password}`, 'profiles.*.*', longFilter]);
      expect(await run.exited).toBe(1);
      expect(run.lines.some((l) => /^closed: 1009\b/.test(l))).toBe(true);
      expect(acks(run).map((a) => a.Key)).not.toContain(longFilter);
    });
  },
);
