import { describe, expect, it } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { parseDrpTime } from '../../src/protocol/time';
import { api, basicHeader, preflight, VIEWER, watchSimulator } from './sim-client';

const env = watchSimulator({ machines: 3 }, '*.*.*');

function eventsFor(type: string, key: string): DrpEvent[] {
  return env.client.nonAcks().filter((e) => e.Type === type && e.Key === key);
}

function waitForCount(type: string, key: string, count: number): Promise<DrpEvent[]> {
  return env.client.waitFor(() => {
    const found = eventsFor(type, key);
    return found.length >= count ? found : undefined;
  }, `${count} ${type}/${key} events`);
}

/** Paths of leaves that differ between two JSON values, e.g. ['Params.bar']. */
function changedPaths(a: unknown, b: unknown, prefix = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].sort();
    return keys.flatMap((k) => changedPaths(ra[k], rb[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [prefix];
}

describe('object CRUD emits the request-tracker events (docs/reference/drp-protocol.md §4.2)', () => {
  it('create, PUT, JSON Patch (both JSON content types) and DELETE on a profile', async () => {
    const created = await api(env.sim.httpUrl, '/api/v3/profiles', {
      method: 'POST',
      body: JSON.stringify({ Name: 'crud-a', Params: { x: 1 } }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ Name: 'crud-a', Validated: true, Available: true, Errors: [] });

    const put = await api(env.sim.httpUrl, '/api/v3/profiles/crud-a', {
      method: 'PUT',
      body: JSON.stringify({ ...(created.body as object), Description: 'put' }),
    });
    expect(put.status).toBe(200);

    const patch = [{ op: 'add', path: '/Params/y', value: 'two' }];
    expect((await api(env.sim.httpUrl, '/api/v3/profiles/crud-a', { method: 'PATCH', body: JSON.stringify(patch) })).status).toBe(200);

    const patchType = await api(env.sim.httpUrl, '/api/v3/profiles/crud-a', {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json-patch+json' },
      body: JSON.stringify([{ op: 'remove', path: '/Params/x' }]),
    });
    expect(patchType.status).toBe(200);
    expect((patchType.body as { Params: unknown }).Params).toEqual({ y: 'two' });

    expect((await api(env.sim.httpUrl, '/api/v3/profiles/crud-a', { method: 'DELETE' })).status).toBe(200);

    const events = await waitForCount('profiles', 'crud-a', 5);
    expect(events.map((e) => e.Action)).toEqual(['create', 'update', 'update', 'update', 'delete']);
    expect(events.every((e) => e.Principal === 'user:rocketskates')).toBe(true);
    expect(events[0].Original).toBeNull();
    expect(changedPaths(events[1].Original, events[1].Object)).toEqual(['Description']);
    expect(changedPaths(events[2].Original, events[2].Object)).toEqual(['Params.y']);
    expect(changedPaths(events[3].Original, events[3].Object)).toEqual(['Params.x']);
    expect(events[4].Object).toEqual(events[3].Object);
    expect(events[4].Original).toBeNull();
    expect((await api(env.sim.httpUrl, '/api/v3/profiles/crud-a')).status).toBe(404);
  });

  it('lists with count headers and serves machines by Uuid', async () => {
    const list = await api(env.sim.httpUrl, '/api/v3/machines');
    expect(list.status).toBe(200);
    const machines = list.body as Array<{ Uuid: string; Name: string }>;
    expect(machines).toHaveLength(3);
    expect(list.headers.get('x-drp-list-count')).toBe('3');
    const one = await api(env.sim.httpUrl, `/api/v3/machines/${machines[0].Uuid}`);
    expect(one.body).toMatchObject({ Uuid: machines[0].Uuid, Name: machines[0].Name });
  });

  it('answers errors as models.Error JSON', async () => {
    const missing = await api(env.sim.httpUrl, '/api/v3/profiles/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ Model: 'profiles', Key: 'nope', Type: 'GET', Messages: ['Not Found'], Code: 404 });
    const duplicate = await api(env.sim.httpUrl, '/api/v3/profiles', { method: 'POST', body: JSON.stringify({ Name: 'global' }) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ Model: 'profiles', Code: 409 });
    const failedTest = await api(env.sim.httpUrl, '/api/v3/profiles/global', {
      method: 'PATCH',
      body: JSON.stringify([{ op: 'test', path: '/Name', value: 'other' }]),
    });
    expect(failedTest.status).toBe(409);
    const badJson = await api(env.sim.httpUrl, '/api/v3/profiles', { method: 'POST', body: '{' });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ Code: 400 });
  });
});

describe('seed walkthrough (fixtures/seed-events.jsonl)', () => {
  it('is reproducible over REST: two profile updates whose diff is exactly Params.bar', async () => {
    const before = eventsFor('profiles', 'global').length;
    const add = [{ op: 'add', path: '/Params/bar', value: 'blatz' }];
    const remove = [{ op: 'remove', path: '/Params/bar' }];
    expect((await api(env.sim.httpUrl, '/api/v3/profiles/global', { method: 'PATCH', body: JSON.stringify(add) })).status).toBe(200);
    expect((await api(env.sim.httpUrl, '/api/v3/profiles/global', { method: 'PATCH', body: JSON.stringify(remove) })).status).toBe(200);
    const [set, unset] = (await waitForCount('profiles', 'global', before + 2)).slice(before);
    expect([set.Action, unset.Action]).toEqual(['update', 'update']);
    expect((set.Object as { Params: Record<string, unknown> }).Params.bar).toBe('blatz');
    expect(changedPaths(set.Object, unset.Object)).toEqual(['Params.bar']);
    expect(changedPaths(set.Original, set.Object)).toEqual(['Params.bar']);
    expect(unset.Original).toEqual(set.Object);
  });

  it('is available as a control action, in the API and over POST /sim/control', async () => {
    const before = eventsFor('profiles', 'global').length;
    expect(await env.sim.control({ action: 'seed-walkthrough' })).toEqual({ events: 2 });
    const viaHttp = await api(env.sim.httpUrl, '/sim/control', {
      method: 'POST',
      body: JSON.stringify({ action: 'seed-walkthrough' }),
      auth: null,
    });
    expect(viaHttp.status).toBe(200);
    const events = (await waitForCount('profiles', 'global', before + 4)).slice(before);
    for (const [set, unset] of [events.slice(0, 2), events.slice(2, 4)]) {
      expect(changedPaths(set.Object, unset.Object)).toEqual(['Params.bar']);
      expect(set.Principal).toBe('user:rocketskates');
    }
  });
});

describe('POST /api/v3/events (§5)', () => {
  it('publishes the posted event with Principal overwritten, answers 204 without a body, and a missing Time is Go zero time', async () => {
    const posted = await api(env.sim.httpUrl, '/api/v3/events', {
      method: 'POST',
      body: JSON.stringify({
        Type: 'beeblebrox',
        Action: 'zaphod',
        Key: 'heart-of-gold',
        Principal: 'user:impostor',
        Object: { improbable: true },
      }),
    });
    expect(posted.status).toBe(204);
    expect(posted.body).toBeNull();
    const event = await env.client.waitForEvent((e) => e.Type === 'beeblebrox', 'posted event');
    expect(event).toMatchObject({
      Action: 'zaphod',
      Key: 'heart-of-gold',
      Principal: 'user:rocketskates',
      Object: { improbable: true },
      Original: null,
    });
    expect(event.Time).toBe('0001-01-01T00:00:00Z');
    expect(parseDrpTime(event.Time)).not.toBeNull();
  });

  it('keeps a posted Time and refuses users without the events claim', async () => {
    await api(env.sim.httpUrl, '/api/v3/events', {
      method: 'POST',
      body: JSON.stringify({ Type: 'timed', Time: '2021-08-30T14:02:11.5Z' }),
    });
    const event = await env.client.waitForEvent((e) => e.Type === 'timed', 'timed event');
    expect(event.Time).toBe('2021-08-30T14:02:11.5Z');
    const viewer = await api(env.sim.httpUrl, '/api/v3/events', {
      method: 'POST',
      auth: basicHeader(VIEWER.user, VIEWER.password),
      body: JSON.stringify({ Type: 'nope' }),
    });
    expect(viewer.status).toBe(403);
  });
});

describe('CORS (§1.6)', () => {
  it('answers a preflight without auth', async () => {
    const res = await preflight(`${env.sim.httpUrl}/api/v3/users/rocketskates/token`);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toEqual(
      expect.arrayContaining(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD']),
    );
    expect(res.headers.get('access-control-allow-headers')?.split(',')).toEqual(
      expect.arrayContaining(['Authorization', 'Content-Type', 'X-Log-Token', 'Range']),
    );
  });

  it('exposes WWW-Authenticate and the list count headers on real responses, including a 401', async () => {
    const res = await fetch(`${env.sim.httpUrl}/api/v3/info`, { headers: { Origin: 'https://inspector.example' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')?.split(',')).toEqual(
      expect.arrayContaining(['WWW-Authenticate', 'X-DRP-LIST-COUNT', 'X-DRP-LIST-TOTAL-COUNT']),
    );
  });
});
