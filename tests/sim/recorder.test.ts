import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, api } from './sim-client';
import { parseCapture, RecorderProcess, waitUntil } from './recorder-harness';

// The headless recorder (scripts/record.ts) run as a user runs it, against the real simulator over
// real sockets. Everything waits for what the file or stderr shows, never for a fixed time.

let sim: Simulator;
let dir: string;
let passwordFile: string;
const recorders: RecorderProcess[] = [];

beforeEach(async () => {
  sim = await startSimulator({ machines: 4 });
  dir = mkdtempSync(join(tmpdir(), 'recorder-test-'));
  passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${ADMIN.password}\n`);
});

afterEach(async () => {
  await Promise.all(recorders.splice(0).map((recorder) => recorder.dispose()));
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function record(...args: string[]): RecorderProcess {
  const recorder = new RecorderProcess(['--endpoint', sim.httpUrl, '--progress-seconds', '0.2', ...args]);
  recorders.push(recorder);
  return recorder;
}

function withPassword(...args: string[]): RecorderProcess {
  return record('--username', ADMIN.user, '--password-file', passwordFile, ...args);
}

async function grantToken(): Promise<string> {
  const grant = await api(sim.httpUrl, `/api/v3/users/${ADMIN.user}/token?ttl=600`);
  return (grant.body as { Token: string }).Token;
}

async function createProfile(name: string): Promise<void> {
  const created = await api(sim.httpUrl, '/api/v3/profiles', { method: 'POST', body: JSON.stringify({ Name: name, Params: {} }) });
  expect(created.status).toBe(201);
}

/** The server's certificate as PEM, the way a user saves it from `openssl s_client` to pass as --ca-cert. */
function peerCertificatePem(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: '127.0.0.1', port, rejectUnauthorized: false }, () => {
      const base64 = socket.getPeerCertificate().raw.toString('base64');
      socket.end();
      resolve(`-----BEGIN CERTIFICATE-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`);
    });
    socket.on('error', reject);
  });
}

const profileKeys = (out: string): string[] =>
  parseCapture(out, false)
    .events.filter((event) => event.Type === 'profiles' && event.Action === 'create')
    .map((event) => event.Key as string);

describe('npm run record', () => {
  it('records an open-ended workload into a file that parses as a capture, and never shows the token', async () => {
    const token = await grantToken();
    const out = join(dir, 'capture.jsonl');
    await sim.control({ action: 'workload', rate: 200 });
    const recorder = record('--token', token, '--filter', 'machines.*.*', '--filter', 'jobs.*.*', '--out', out);
    await waitUntil(() => parseCapture(out, false).events.length >= 50, '50 events in the file');
    await waitUntil(() => /\d+ events, [\d.]+\/s, [\d.]+ [KM]?B, to .*capture\.jsonl, connected/.test(recorder.stderr), 'a progress line');

    expect(await recorder.signal('SIGINT')).toBe(0);
    const capture = parseCapture(out, true);
    expect(capture.lines[0]).toMatchObject({ endpoint: sim.httpUrl, user: '' });
    expect(capture.markers('subscription').map((line) => [line.spec, line.state])).toEqual([
      ['machines.*.*', 'active'],
      ['jobs.*.*', 'active'],
    ]);
    expect(capture.events.every((event) => event.Type === 'machines' || event.Type === 'jobs')).toBe(true);
    expect(capture.markers('gap')).toEqual([]);
    const fileText = JSON.stringify(capture.lines);
    expect(fileText).not.toContain(token);
    expect(recorder.stderr).not.toContain(token);
    expect(recorder.stderr).toContain(`token ${token.slice(0, 4)}…`);
  });

  it('survives a dropped socket and a simulator restart on the same port, with a gap marker for each', { timeout: 40_000 }, async () => {
    const out = join(dir, 'capture.jsonl');
    const recorder = withPassword('--filter', 'profiles.*.*', '--out', out);
    await waitUntil(() => parseCapture(out, false).markers('subscription').length === 1, 'the first ack');
    await createProfile('before-drop');
    await waitUntil(() => profileKeys(out).includes('before-drop'), 'before-drop in the file');

    await sim.control({ action: 'drop-sockets' });
    await waitUntil(() => parseCapture(out, false).markers('gap').length === 1, 'the gap after the drop');
    const afterDrop = ['after-drop-1', 'after-drop-2', 'after-drop-3'];
    for (const name of afterDrop) await createProfile(name);
    await waitUntil(() => afterDrop.every((name) => profileKeys(out).includes(name)), 'every profile created after the re-ack');

    // Kill and restart: a new process would get a new token store, so the recorder must grant a new
    // token from the password on its reconnect (a --token recording stops here, as the app does).
    const port = sim.port;
    await sim.close();
    await waitUntil(() => recorder.stderr.includes('reconnect attempt'), 'the recorder noticing the restart');
    sim = await startSimulator({ machines: 4, port });
    await waitUntil(() => parseCapture(out, false).markers('gap').length === 2, 'the gap after the restart', 25_000);
    const afterRestart = ['after-restart-1', 'after-restart-2', 'after-restart-3'];
    for (const name of afterRestart) await createProfile(name);
    await waitUntil(() => afterRestart.every((name) => profileKeys(out).includes(name)), 'every profile created after the restart');

    expect(await recorder.signal('SIGTERM')).toBe(0);
    const capture = parseCapture(out, true);
    const gaps = capture.markers('gap');
    expect(gaps.map((gap) => gap.reason)).toEqual(['socket closed 1006', 'socket closed 1006']);
    expect(capture.markers('subscription').map((line) => line.state)).toEqual(['active', 'active', 'active']);
    // Each gap sits in arrival order: after what came before the drop, before what was published after it.
    const indexOf = (predicate: (line: Record<string, unknown>) => boolean): number => capture.lines.findIndex(predicate);
    const keyAt = (key: string): number => indexOf((line) => line.Key === key);
    expect(keyAt('before-drop')).toBeLessThan(capture.lines.indexOf(gaps[0]));
    expect(capture.lines.indexOf(gaps[0])).toBeLessThan(keyAt('after-drop-1'));
    expect(keyAt('after-drop-3')).toBeLessThan(capture.lines.indexOf(gaps[1]));
    expect(capture.lines.indexOf(gaps[1])).toBeLessThan(keyAt('after-restart-1'));
    expect(profileKeys(out)).toEqual(['before-drop', ...afterDrop, ...afterRestart]);
  });

  it('SIGTERM flushes what was received and ends the file with the end marker', async () => {
    const out = join(dir, 'capture.jsonl');
    await sim.control({ action: 'workload', rate: 300 });
    const recorder = withPassword('--out', out);
    await waitUntil(() => parseCapture(out, false).events.length >= 20, '20 events in the file');
    expect(await recorder.signal('SIGTERM')).toBe(0);
    const capture = parseCapture(out, true);
    expect(capture.lines[0]).toMatchObject({ user: ADMIN.user });
    expect(capture.lines.at(-1)).toMatchObject({ $inspector: 'end', events: capture.events.length });
    expect(recorder.stderr).toMatch(/SIGTERM: stopped; \d+ events written/);
    expect(recorder.stderr).not.toContain(ADMIN.password);
  });

  it('--max-size without --rotate stops cleanly at the cap (exit 3, end marker, a message saying why)', async () => {
    const out = join(dir, 'capture.jsonl');
    void sim.control({ action: 'burst', rate: 400, seconds: 20, objectBytes: 300 });
    const recorder = withPassword('--filter', 'machines.*.*', '--max-size', '8KB', '--out', out);
    expect(await recorder.exited).toBe(3);
    expect(recorder.stderr).toMatch(/reached --max-size/);
    expect(statSync(out).size).toBeLessThanOrEqual(8 * 1024);
    expect(parseCapture(out, true).events.length).toBeGreaterThan(0);
  });

  it('--max-size with --rotate rolls to numbered files, each a whole capture under the cap', async () => {
    const out = join(dir, 'capture.jsonl');
    void sim.control({ action: 'burst', rate: 400, seconds: 20, objectBytes: 300 });
    const recorder = withPassword('--filter', 'machines.*.*', '--max-size', '8KB', '--rotate', '--out', out);
    await waitUntil(() => existsSync(join(dir, 'capture.3.jsonl')), 'capture.3.jsonl');
    expect(await recorder.signal('SIGTERM')).toBe(0);
    const files = ['capture.jsonl', 'capture.1.jsonl', 'capture.2.jsonl', 'capture.3.jsonl'].map((name) => join(dir, name));
    for (const file of files) {
      expect(statSync(file).size).toBeLessThanOrEqual(8 * 1024);
      const capture = parseCapture(file, true);
      expect(capture.lines[1]).toMatchObject({ $inspector: 'subscription', spec: 'machines.*.*', state: 'active' });
      expect(capture.events.length).toBeGreaterThan(0);
    }
  });

  it('a wrong token, an unreachable endpoint or a bad flag is one clear message and a non-zero exit, and no file', async () => {
    const out = join(dir, 'capture.jsonl');
    const wrongToken = record('--token', 'not-a-token', '--out', out);
    expect(await wrongToken.exited).toBe(1);
    expect(wrongToken.stderr.trim()).toBe(`record: ${sim.httpUrl}: wrong credentials, the token was refused (HTTP 403)`);

    const port = sim.port;
    await sim.close();
    const unreachable = new RecorderProcess(['--endpoint', `http://127.0.0.1:${port}`, '--token', 'x', '--out', out]);
    recorders.push(unreachable);
    expect(await unreachable.exited).toBe(1);
    expect(unreachable.stderr).toMatch(/^record: cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused/);

    const badFlag = new RecorderProcess(['--endpoint', 'drp', '--token', 'x', '--out', out, '--max-sise', '1GB']);
    recorders.push(badFlag);
    expect(await badFlag.exited).toBe(2);
    expect(badFlag.stderr).toContain("Unknown option '--max-sise'");
    expect(existsSync(out)).toBe(false);
    sim = await startSimulator({ machines: 1 }); // for afterEach
  });

  it('TLS: an untrusted self-signed certificate is refused with a hint; --ca-cert and --insecure record', async () => {
    const secure = await startSimulator({ machines: 1, tls: true });
    try {
      const port = new URL(secure.httpUrl).port;
      const caFile = join(dir, 'drp.pem');
      writeFileSync(caFile, await peerCertificatePem(Number(port)));
      const args = (out: string, ...extra: string[]) =>
        new RecorderProcess([
          '--endpoint',
          secure.httpUrl,
          '--username',
          ADMIN.user,
          '--password-file',
          passwordFile,
          '--out',
          out,
          ...extra,
        ]);

      const untrusted = args(join(dir, 'untrusted.jsonl'));
      recorders.push(untrusted);
      expect(await untrusted.exited).toBe(1);
      expect(untrusted.stderr).toMatch(/certificate not trusted .*pass --ca-cert <file> or --insecure/);

      for (const [name, extra] of [
        ['ca.jsonl', ['--ca-cert', caFile]],
        ['insecure.jsonl', ['--insecure']],
      ] as const) {
        const out = join(dir, name);
        const recorder = args(out, ...extra);
        recorders.push(recorder);
        await waitUntil(() => parseCapture(out, false).markers('subscription').length === 1, `the ack with ${extra[0]}`);
        secure.publish({ Type: 'profiles', Action: 'update', Key: name });
        await waitUntil(() => parseCapture(out, false).events.some((event) => event.Key === name), `an event with ${extra[0]}`);
        expect(await recorder.signal('SIGTERM')).toBe(0);
        expect(parseCapture(out, true).lines[0]).toMatchObject({ endpoint: secure.httpUrl });
      }
    } finally {
      await secure.close();
    }
  });

  it('--help lists every flag', async () => {
    const help = new RecorderProcess(['--help']);
    recorders.push(help);
    expect(await help.exited).toBe(0);
    for (const flag of ['endpoint', 'token', 'username', 'password-file', 'filter', 'out', 'max-size', 'rotate', 'insecure', 'ca-cert']) {
      expect(help.stdout).toContain(`--${flag}`);
    }
  });
});
