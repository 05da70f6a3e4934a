import { describe, expect, it } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { api, watchSimulator } from './sim-client';

// PATCH over REST with the socket watching: a patch that applies emits one `update` with
// `Original`; a patch that fails anywhere answers models.Error and changes nothing, so the next
// successful patch's `Original` is still the object from before the failure.

const env = watchSimulator({ machines: 1 }, 'profiles.*.*');

type Profile = { Name: string; Params: Record<string, unknown> };

function updatesOf(name: string): DrpEvent[] {
  return env.client.nonAcks().filter((e) => e.Type === 'profiles' && e.Key === name && e.Action === 'update');
}

function waitForUpdates(name: string, count: number): Promise<DrpEvent[]> {
  return env.client.waitFor(() => {
    const found = updatesOf(name);
    return found.length >= count ? found : undefined;
  }, `${count} profiles.update.${name} events`);
}

async function createProfile(name: string, params: Record<string, unknown>): Promise<Profile> {
  const created = await api(env.sim.httpUrl, '/api/v3/profiles', { method: 'POST', body: JSON.stringify({ Name: name, Params: params }) });
  expect(created.status).toBe(201);
  return created.body as Profile;
}

function patch(name: string, body: unknown, contentType = 'application/json') {
  return api(env.sim.httpUrl, `/api/v3/profiles/${name}`, {
    method: 'PATCH',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function stored(name: string): Promise<Profile> {
  return (await api(env.sim.httpUrl, `/api/v3/profiles/${name}`)).body as Profile;
}

describe('PATCH with an RFC 6902 JSON Patch (docs/reference/drp-protocol.md §4.2)', () => {
  it('applies every op and emits one update whose Original is the object before', async () => {
    const before = await createProfile('patch-ok', { keep: 1, old: 'x', list: ['a', 'b'] });
    const ops = [
      { op: 'test', path: '/Params/keep', value: 1 },
      { op: 'replace', path: '/Params/old', value: 'y' },
      { op: 'add', path: '/Params/list/1', value: 'between' },
      { op: 'copy', from: '/Params/keep', path: '/Params/copied' },
      { op: 'move', from: '/Params/old', path: '/Params/moved' },
    ];
    const answer = await patch('patch-ok', ops, 'application/json-patch+json');
    expect(answer.status).toBe(200);
    const expected = { keep: 1, list: ['a', 'between', 'b'], copied: 1, moved: 'y' };
    expect((answer.body as Profile).Params).toEqual(expected);
    expect((await stored('patch-ok')).Params).toEqual(expected);

    const [update] = await waitForUpdates('patch-ok', 1);
    expect(update.Original).toEqual(before);
    expect((update.Object as Profile).Params).toEqual(expected);
  });

  it('answers a failed test op with 409 models.Error and leaves the object and the event stream alone', async () => {
    const before = await createProfile('patch-test', { a: 1 });
    // The first op would apply on its own: the patch is all or nothing.
    const failing = await patch('patch-test', [
      { op: 'add', path: '/Params/b', value: 2 },
      { op: 'test', path: '/Params/a', value: 999 },
    ]);
    expect(failing.status).toBe(409);
    expect(failing.body).toMatchObject({ Model: 'profiles', Key: 'patch-test', Type: 'PATCH', Code: 409 });
    // The v4 client's API tests: "Patch error at line <n>: …" then "Patch line: <the op>".
    const messages = (failing.body as { Messages: string[] }).Messages;
    expect(messages[0]).toMatch(/^Patch error at line 1: .*test/i);
    expect(messages[1]).toBe('Patch line: {"op":"test","path":"/Params/a","value":999}');
    expect(await stored('patch-test')).toEqual(before);

    // If the failed patch had been stored or published, this update's Original would show it.
    expect((await patch('patch-test', [{ op: 'add', path: '/Params/c', value: 3 }])).status).toBe(200);
    const updates = await waitForUpdates('patch-test', 1);
    expect(updates).toHaveLength(1);
    expect(updates[0].Original).toEqual(before);
  });

  it('answers any other failing op with 409 too, and the object is unchanged', async () => {
    const before = await createProfile('patch-fail', { a: 1 });
    const failures = [
      [{ op: 'remove', path: '/Params/missing' }],
      [{ op: 'replace', path: '/Nope/deeper', value: 1 }],
      [{ op: 'add', path: '/Params/a/b/c', value: 1 }],
      [{ op: 'move', from: '/Params/missing', path: '/Params/x' }],
      [{ op: 'frobnicate', path: '/Params/a' }],
      [{ op: '_get', path: '/Params/a', value: 1 }],
      [{ op: 'add', path: '/Params/z' }],
      [{ op: 'replace', path: '', value: [1, 2] }],
      ['not an operation'],
    ];
    for (const ops of failures) {
      const answer = await patch('patch-fail', ops);
      expect(answer.status, JSON.stringify(ops)).toBe(409);
      expect(answer.body).toMatchObject({ Model: 'profiles', Key: 'patch-fail', Code: 409 });
    }
    expect(await stored('patch-fail')).toEqual(before);
  });

  it('refuses a body that is not a patch with 400', async () => {
    await createProfile('patch-bad', {});
    expect((await patch('patch-bad', { op: 'add', path: '/Params/a', value: 1 })).status).toBe(400);
    expect((await patch('patch-bad', '[{')).status).toBe(400);
  });

  it('refuses a content type without application/json with 400, before reading the body, as DRP does', async () => {
    const before = await createProfile('patch-type', { a: 1 });
    const ops = [{ op: 'replace', path: '/Params/a', value: 2 }];
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/merge-patch+json']) {
      const answer = await patch('patch-type', ops, contentType);
      expect(answer.status, contentType).toBe(400);
      expect(answer.body).toEqual({ Model: '', Key: '', Type: 'PATCH', Messages: [`Invalid content type: ${contentType}`], Code: 400 });
    }
    expect(await stored('patch-type')).toEqual(before);
    // DRP tests that the media type contains application/json; parameters after it are fine.
    expect((await patch('patch-type', ops, 'application/json; charset=utf-8')).status).toBe(200);
    expect((await patch('patch-type', [{ op: 'replace', path: '/Params/a', value: 3 }], 'Application/JSON-Patch+JSON')).status).toBe(200);
  });

  it('unescapes RFC 6901 pointers: ~1 is "/", ~0 is "~"', async () => {
    await createProfile('patch-escape', { 'a/b': 1, 'm~n': 2, '~1': 3 });
    const answer = await patch('patch-escape', [
      { op: 'test', path: '/Params/a~1b', value: 1 },
      { op: 'replace', path: '/Params/a~1b', value: 'slash' },
      { op: 'remove', path: '/Params/m~0n' },
      // "~01" is "~1" (not "/"): the ~1 is decoded first only in a wrong implementation.
      { op: 'replace', path: '/Params/~01', value: 'tilde-one' },
      { op: 'add', path: '/Params/new~1key~0', value: true },
    ]);
    expect(answer.status).toBe(200);
    expect((await stored('patch-escape')).Params).toEqual({ 'a/b': 'slash', '~1': 'tilde-one', 'new/key~': true });
  });
});
