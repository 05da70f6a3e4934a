import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, api, basicHeader, connect, credentialsUrl, expectRejected, preflight, type SimClient, VIEWER } from './sim-client';

let sim: Simulator;
let watcher: SimClient;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ machines: 1 });
  const grant = await api(sim.httpUrl, '/api/v3/users/rocketskates/token');
  token = (grant.body as { Token: string }).Token;
  // Watches audit lines over a bearer socket: a bearer login itself is no Basic attempt.
  watcher = await connect(sim.wsUrl, { headers: { Authorization: `Bearer ${token}` } });
  await watcher.register('log.audit.frontend');
});
afterAll(async () => {
  await watcher.close();
  await sim.close();
});

const audits = (): DrpEvent[] => watcher.nonAcks().filter((e) => e.Type === 'log' && e.Action === 'audit');

function nextAudit(before: number, what: string): Promise<DrpEvent> {
  return watcher.waitFor(() => audits()[before], what);
}

describe('Authorization header parsing like Go SplitN (docs/reference/drp-protocol.md §1.3)', () => {
  it('answers Bearer with two spaces with 403 and the challenge, on REST and the upgrade', async () => {
    expect((await api(sim.httpUrl, '/api/v3/info', { auth: `Bearer ${token}` })).status).toBe(200);
    const rest = await api(sim.httpUrl, '/api/v3/info', { auth: `Bearer  ${token}` });
    expect(rest.status).toBe(403);
    expect(rest.headers.get('www-authenticate')).toBe('dr-provision');
    const upgrade = await expectRejected(sim.wsUrl, { headers: { Authorization: `Bearer  ${token}` } });
    expect(upgrade.status).toBe(403);
  });

  it('answers Basic with two spaces with 401 (the credentials do not decode), Bearer without a token with 403', async () => {
    expect((await api(sim.httpUrl, '/api/v3/info', { auth: `Basic  ${basicHeader(ADMIN.user, ADMIN.password).slice(6)}` })).status).toBe(
      401,
    );
    expect((await api(sim.httpUrl, '/api/v3/info', { auth: 'Bearer' })).status).toBe(401);
  });
});

describe('CORS preflight (§1.6)', () => {
  it('answers 200 without Access-Control-Max-Age', async () => {
    const res = await preflight(`${sim.httpUrl}/api/v3/info`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.has('access-control-max-age')).toBe(false);
  });
});

describe('GET /api/v3/info (models/info.go, v4)', () => {
  it('carries the ha_* fields, ClusterState and the role model scopes', async () => {
    const { body } = await api(sim.httpUrl, '/api/v3/info');
    const info = body as Record<string, unknown>;
    expect(info).toMatchObject({
      ha_enabled: false,
      ha_virtual_address: '',
      ha_is_active: true,
      ha_status: 'Up',
      ha_passive_state: [],
      ClusterState: { Enabled: false, ConsensusEnabled: false, Nodes: [] },
    });
    expect(typeof info.ha_id).toBe('string');
    expect(typeof info.ha_active_id).toBe('string');
    const scopes = info.scopes as Record<string, Record<string, unknown>>;
    expect(Object.keys(scopes.machines).sort()).toEqual(['action', 'actions', 'create', 'delete', 'get', 'list', 'update']);
    expect(scopes.log).toBeUndefined();
  });
});

describe('log.audit.frontend on every Basic-auth request (frontend.go userAuth)', () => {
  it('publishes an audit line for a Basic REST call, a ?token=user:pass socket and a wrong password', async () => {
    let before = audits().length;
    await api(sim.httpUrl, '/api/v3/info', { auth: basicHeader(VIEWER.user, VIEWER.password) });
    const ok = await nextAudit(before, 'audit of a Basic REST call');
    expect(ok).toMatchObject({ Type: 'log', Action: 'audit', Key: 'frontend', Original: null });
    expect(ok.Object).toMatchObject({ Service: 'frontend', Level: 'audit', Data: [], IgnorePublish: false });
    expect((ok.Object as { Message: string }).Message).toMatch(/^Authenticated user viewer from 127\.0\.0\.1$/);
    expect(Object.keys(ok.Object as object).sort()).toEqual([
      'Data',
      'File',
      'Group',
      'IgnorePublish',
      'Level',
      'Line',
      'Message',
      'Principal',
      'Seq',
      'Service',
      'Time',
    ]);

    before = audits().length;
    const socket = await connect(credentialsUrl(sim.wsUrl, ADMIN));
    const login = await nextAudit(before, 'audit of the socket login');
    expect((login.Object as { Message: string }).Message).toContain('Authenticated user rocketskates');
    await socket.close();

    before = audits().length;
    expect((await api(sim.httpUrl, '/api/v3/info', { auth: basicHeader(ADMIN.user, 'wrong') })).status).toBe(403);
    const failed = await nextAudit(before, 'audit of a wrong password');
    expect((failed.Object as { Message: string }).Message).toMatch(/^Failed Authenticated \(bad password\) user rocketskates from /);
  });

  it('publishes nothing for a bearer request', async () => {
    const before = audits().length;
    await api(sim.httpUrl, '/api/v3/info', { auth: `Bearer ${token}` });
    // A Basic call afterwards is the next audit line: the bearer call made none.
    await api(sim.httpUrl, '/api/v3/info', { auth: basicHeader(VIEWER.user, VIEWER.password) });
    const next = await nextAudit(before, 'the next audit line');
    expect((next.Object as { Message: string }).Message).toContain('user viewer');
    expect(audits()).toHaveLength(before + 1);
  });
});
