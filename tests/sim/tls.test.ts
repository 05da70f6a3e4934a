import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, basicHeader, connect, credentialsUrl } from './sim-client';

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ tls: true, machines: 1 });
});
afterAll(() => sim.close());

describe('TLS mode (docs/reference/drp-protocol.md §1.5)', () => {
  it('serves https and wss URLs', () => {
    expect(sim.httpUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.wsUrl).toBe(`wss://127.0.0.1:${sim.port}/api/v3/ws`);
  });

  it('serves REST over a self-signed certificate for localhost and 127.0.0.1', async () => {
    const { status, altNames } = await new Promise<{ status: number; altNames: string }>((resolve, reject) => {
      const req = request(
        `${sim.httpUrl}/api/v3/info`,
        { rejectUnauthorized: false, headers: { Authorization: basicHeader(ADMIN.user, ADMIN.password) } },
        (res) => {
          const cert = (res.socket as TLSSocket).getPeerCertificate();
          res.resume();
          resolve({ status: res.statusCode ?? 0, altNames: cert.subjectaltname ?? '' });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect(altNames).toContain('DNS:localhost');
    expect(altNames).toContain('IP Address:127.0.0.1');
  });

  it('serves the event socket over wss', async () => {
    const client = await connect(credentialsUrl(sim.wsUrl), { rejectUnauthorized: false });
    const ack = await client.register('*.*.*');
    expect(ack.Type).toBe('websocket');
    sim.publish({ Type: 'machines', Action: 'update', Key: 'over-tls' });
    await client.waitForEvent((e) => e.Key === 'over-tls', 'event over wss');
    await client.close();
  });

  it('is refused by a client that verifies certificates', async () => {
    await expect(connect(credentialsUrl(sim.wsUrl))).rejects.toThrow();
  });
});
