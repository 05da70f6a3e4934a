import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsCover } from '../../simulator/users';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { ADMIN, VIEWER, api, basicHeader, connect, credentialsUrl, type SimClient } from './sim-client';

const MACHINE_READER = { user: 'machine-reader', password: 'r3ader' };

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ machines: 2 });
});
afterAll(() => sim.close());

const names = (client: SimClient): string[] => client.nonAcks().map((e) => `${e.Type}.${e.Action}.${e.Key}`);

describe('per-event permission filter (docs/reference/drp-protocol.md §3.1)', () => {
  it('delivers to a restricted user only events its claims cover, and always its acks', async () => {
    const viewer = await connect(credentialsUrl(sim.wsUrl, VIEWER));
    const admin = await connect(credentialsUrl(sim.wsUrl));
    const viewerAck = await viewer.register('*.*.*');
    expect(viewerAck).toMatchObject({ Type: 'websocket', Action: 'register', Key: '*.*.*' });
    await admin.register('*.*.*');
    const events = [
      { Type: 'machines', Action: 'update', Key: 'm1' },
      { Type: 'profiles', Action: 'update', Key: 'global' },
      { Type: 'jobs', Action: 'create', Key: 'j1' },
      { Type: 'leases', Action: 'save', Key: '0A0A0C39' },
      { Type: 'users', Action: 'update', Key: 'viewer' },
      { Type: 'profiles', Action: 'done', Key: 'last' },
    ];
    for (const e of events) sim.publish(e);
    await viewer.waitForEvent((e) => e.Key === 'last', 'last viewer event');
    await admin.waitForEvent((e) => e.Key === 'last', 'last admin event');
    expect(names(viewer)).toEqual(['profiles.update.global', 'jobs.create.j1', 'profiles.done.last']);
    expect(admin.nonAcks()).toHaveLength(events.length);
    await viewer.close();
    await admin.close();
  });

  it('delivers types no scope knows (log, static, tftp, posted types) to every user', async () => {
    const viewer = await connect(credentialsUrl(sim.wsUrl, VIEWER));
    await viewer.register('*.*.*');
    sim.publish({ Type: 'log', Action: 'info', Key: 'frontend' });
    sim.publish({ Type: 'static', Action: 'serve', Key: '/files/x' });
    sim.publish({ Type: 'tftp', Action: 'serve', Key: 'lpxelinux.0' });
    // Posted by the superuser over REST: the viewer may not post, but may see it.
    const posted = await api(sim.httpUrl, '/api/v3/events', {
      method: 'POST',
      body: JSON.stringify({ Type: 'beeblebrox', Action: 'zaphod', Key: 'heart-of-gold' }),
    });
    expect(posted.status).toBe(204);
    await viewer.waitForEvent((e) => e.Type === 'beeblebrox', 'the posted event');
    // The superuser's Basic-auth POST is audited first (log.audit.frontend), and that reaches the viewer too.
    expect(names(viewer)).toEqual([
      'log.info.frontend',
      'static.serve./files/x',
      'tftp.serve.lpxelinux.0',
      'log.audit.frontend',
      'beeblebrox.zaphod.heart-of-gold',
    ]);
    const refused = await api(sim.httpUrl, '/api/v3/events', {
      method: 'POST',
      auth: basicHeader(VIEWER.user, VIEWER.password),
      body: JSON.stringify({ Type: 'beeblebrox', Action: 'x', Key: 'y' }),
    });
    expect(refused.status).toBe(403);
    await viewer.close();
  });

  it('needs only the scope for an action the scope does not know (plugin actions, save)', async () => {
    const reader = await connect(credentialsUrl(sim.wsUrl, MACHINE_READER));
    await reader.register('machines.*.*');
    sim.publish({ Type: 'machines', Action: 'update', Key: 'm1' });
    sim.publish({ Type: 'machines', Action: 'ipmi-poweron', Key: 'm1' });
    sim.publish({ Type: 'machines', Action: 'save', Key: 'm1' });
    sim.publish({ Type: 'machines', Action: 'delete', Key: 'last' });
    sim.publish({ Type: 'machines', Action: 'get', Key: 'last' });
    await reader.waitForEvent((e) => e.Key === 'last', 'the last event');
    expect(names(reader)).toEqual(['machines.ipmi-poweron.m1', 'machines.save.m1', 'machines.get.last']);
    await reader.close();
  });
});

describe('claim matching like models/role.go Claim.Match', () => {
  const claim = { scope: 'machines,profiles', action: 'get,update:/Params', specific: 'a,b' };
  it('compiles away unknown scopes and actions, checks known ones and every listed key', () => {
    expect(claimsCover([claim], 'machines', 'get', 'a')).toBe(true);
    expect(claimsCover([claim], 'machines', 'get', 'a,b')).toBe(true);
    expect(claimsCover([claim], 'machines', 'get', 'c')).toBe(false);
    expect(claimsCover([claim], 'machines', 'delete', 'a')).toBe(false);
    expect(claimsCover([claim], 'machines', 'update:/Params/x', 'a')).toBe(true);
    expect(claimsCover([claim], 'machines', 'update:/Name', 'a')).toBe(false);
    expect(claimsCover([claim], 'jobs', 'get', 'a')).toBe(false);
    expect(claimsCover([claim], 'jobs', 'no-such-action', 'a')).toBe(false);
    expect(claimsCover([claim], 'log', 'info', 'anything')).toBe(true);
    expect(claimsCover([{ scope: '*', action: 'get', specific: '*' }], 'tenants', 'get', 'x')).toBe(true);
  });

  it('lets the superuser do anything and admin post events', async () => {
    expect(claimsCover([{ scope: '*', action: '*', specific: '*' }], 'events', 'post', '*')).toBe(true);
    const info = await api(sim.httpUrl, '/api/v3/info', { auth: basicHeader(ADMIN.user, ADMIN.password) });
    expect(info.status).toBe(200);
  });
});
