import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystemClock, type Clock } from '../../simulator/clock';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, VIEWER, api, basicHeader, connect, credentialsUrl, expectRejected } from './sim-client';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ machines: 3 });
});
afterAll(() => sim.close());

async function tokenFor(who: { user: string; password: string }, ttl?: string, target = who.user) {
  const query = ttl === undefined ? '' : `?ttl=${ttl}`;
  return api(sim.httpUrl, `/api/v3/users/${target}/token${query}`, { auth: basicHeader(who.user, who.password) });
}

describe('websocket upgrade auth (docs/reference/drp-protocol.md §1.2, §1.3)', () => {
  it('answers 401 with WWW-Authenticate: dr-provision when no credentials are given', async () => {
    const rejected = await expectRejected(sim.wsUrl);
    expect(rejected.status).toBe(401);
    expect(rejected.headers['www-authenticate']).toBe('dr-provision');
  });

  it('answers 401 for a malformed Authorization header', async () => {
    const rejected = await expectRejected(sim.wsUrl, { headers: { Authorization: 'Digest abc' } });
    expect(rejected.status).toBe(401);
  });

  it('answers 403 for a wrong password in ?token=user:password', async () => {
    const rejected = await expectRejected(`${sim.wsUrl}?token=${encodeURIComponent('rocketskates:nope')}`);
    expect(rejected.status).toBe(403);
  });

  it('answers 403 for an unknown user', async () => {
    expect((await expectRejected(`${sim.wsUrl}?token=${encodeURIComponent('nobody:x')}`)).status).toBe(403);
  });

  it('answers 403 with a challenge for an unknown bearer token', async () => {
    const rejected = await expectRejected(`${sim.wsUrl}?token=not-a-real-token`);
    expect(rejected.status).toBe(403);
    expect(rejected.headers['www-authenticate']).toBe('dr-provision');
  });

  it('accepts ?token=user:password and both Authorization schemes, with no subprotocol', async () => {
    const byQuery = await connect(credentialsUrl(sim.wsUrl));
    expect(byQuery.ws.protocol).toBe('');
    await byQuery.close();
    const byBasic = await connect(sim.wsUrl, { headers: { Authorization: basicHeader(ADMIN.user, ADMIN.password) } });
    await byBasic.close();
    const { body } = await tokenFor(ADMIN);
    const token = (body as { Token: string }).Token;
    const byBearer = await connect(sim.wsUrl, { headers: { Authorization: `Bearer ${token}` } });
    await byBearer.close();
  });

  it('lets the Authorization header win over ?token=', async () => {
    const url = credentialsUrl(sim.wsUrl);
    const rejected = await expectRejected(url, { headers: { Authorization: basicHeader('rocketskates', 'wrong') } });
    expect(rejected.status).toBe(403);
  });

  it('accepts any Origin', async () => {
    const client = await connect(credentialsUrl(sim.wsUrl), { origin: 'https://portal.example.com' });
    await client.close();
  });

  it('does not echo a requested subprotocol, so a client that asks for one fails (§1.6)', async () => {
    const ws = new WebSocket(credentialsUrl(sim.wsUrl), ['drp']);
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', (error) => resolve(error.message));
    });
    ws.terminate();
    expect(outcome).toMatch(/subprotocol/i);
  });
});

describe('token grant (§1.4)', () => {
  it('returns an opaque url-safe token without a colon and the lower-case Info', async () => {
    const { status, body } = await tokenFor(ADMIN, '600');
    expect(status).toBe(200);
    const grant = body as { Token: string; Info: Record<string, unknown> };
    expect(grant.Token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(grant.Token).not.toContain(':');
    expect(grant.Info.version).toBe('v4.14.0-sim');
    expect(grant.Info.api_port).toBe(sim.port);
    expect(grant.Info.address).toBe('127.0.0.1');
    const viaQuery = await api(sim.httpUrl, `/api/v3/info?token=${encodeURIComponent(grant.Token)}`, { auth: null });
    expect(viaQuery.status).toBe(200);
  });

  it('rejects a non-integer ttl with a 400 models.Error', async () => {
    const { status, body } = await tokenFor(ADMIN, '1h');
    expect(status).toBe(400);
    expect(body).toMatchObject({ Model: 'users', Key: 'rocketskates', Code: 400 });
    expect((body as { Messages: unknown[] }).Messages.length).toBeGreaterThan(0);
  });

  it('lets a user get only its own token unless superuser', async () => {
    expect((await tokenFor(VIEWER, '60')).status).toBe(200);
    expect((await tokenFor(VIEWER, '60', 'rocketskates')).status).toBe(403);
    expect((await tokenFor(ADMIN, '60', 'viewer')).status).toBe(200);
    expect((await tokenFor(ADMIN, '60', 'ghost')).status).toBe(404);
  });

  it('enforces expiry on REST and on the upgrade', async () => {
    // Its own simulator on a clock the test moves forward, instead of waiting out the TTL.
    const system = createSystemClock();
    let skewMs = 0;
    const clock: Clock = { nowMs: () => system.nowMs() + skewMs, timestamp: () => system.timestamp() };
    const timed = await startSimulator({ machines: 1, clock });
    try {
      const granted = await api(timed.httpUrl, '/api/v3/users/rocketskates/token?ttl=60', {
        auth: basicHeader(ADMIN.user, ADMIN.password),
      });
      const token = (granted.body as { Token: string }).Token;
      expect((await api(timed.httpUrl, '/api/v3/info', { auth: `Bearer ${token}` })).status).toBe(200);
      const early = await connect(`${timed.wsUrl}?token=${token}`);
      await early.close();
      skewMs = 60_000;
      expect((await api(timed.httpUrl, '/api/v3/info', { auth: `Bearer ${token}` })).status).toBe(403);
      expect((await expectRejected(`${timed.wsUrl}?token=${token}`)).status).toBe(403);
    } finally {
      await timed.close();
    }
  });
});

describe('REST auth', () => {
  it('guards every /api/v3 route like the socket', async () => {
    const missing = await api(sim.httpUrl, '/api/v3/info', { auth: null });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('dr-provision');
    expect((await api(sim.httpUrl, '/api/v3/machines', { auth: basicHeader('rocketskates', 'bad') })).status).toBe(403);
    expect((await api(sim.httpUrl, '/api/v3/profiles', { auth: 'Bearer nope' })).status).toBe(403);
  });

  it('applies role claims to REST calls', async () => {
    const viewer = basicHeader(VIEWER.user, VIEWER.password);
    expect((await api(sim.httpUrl, '/api/v3/profiles', { auth: viewer })).status).toBe(200);
    expect((await api(sim.httpUrl, '/api/v3/info', { auth: viewer })).status).toBe(200);
    const forbidden = await api(sim.httpUrl, '/api/v3/machines', { auth: viewer });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ Type: 'AUTH', Code: 403 });
  });
});
