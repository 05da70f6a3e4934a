import { describe, expect, it } from 'vitest';
import type { DrpEvent } from '../../src/protocol/event';
import { api, watchSimulator } from './sim-client';

const env = watchSimulator({ machines: 1 }, 'profiles.*.*');

const PROFILE_FIELDS = [
  'Available',
  'Bundle',
  'Description',
  'Documentation',
  'Endpoint',
  'Errors',
  'Meta',
  'Name',
  'Params',
  'Partial',
  'Profiles',
  'ReadOnly',
  'Validated',
];

function objectOf(action: string, key: string): Promise<DrpEvent> {
  return env.client.waitForEvent((e) => e.Type === 'profiles' && e.Action === action && e.Key === key, `profiles.${action}.${key}`);
}

describe('REST bodies are decoded into the model (docs/reference/drp-protocol.md §4.3)', () => {
  it('POST: every model field present with its zero value, unknown top-level fields gone', async () => {
    const res = await api(env.sim.httpUrl, '/api/v3/profiles', {
      method: 'POST',
      body: JSON.stringify({ Name: 'decoded', Params: { a: 1 }, Bogus: 'x', Validated: false }),
    });
    expect(res.status).toBe(201);
    const event = await objectOf('create', 'decoded');
    const object = event.Object as Record<string, unknown>;
    expect(Object.keys(object).sort()).toEqual(PROFILE_FIELDS);
    expect(object).toMatchObject({ Name: 'decoded', Params: { a: 1 }, Description: '', Profiles: [], Meta: {}, Validated: true });
    expect(res.body).toEqual(object);
  });

  it('PUT of a bare body: the event Object has the full model, Original the previous object', async () => {
    const res = await api(env.sim.httpUrl, '/api/v3/profiles/decoded', {
      method: 'PUT',
      body: JSON.stringify({ Name: 'decoded', Description: 'put', Profiles: null, Extra: { nested: true } }),
    });
    expect(res.status).toBe(200);
    const event = await objectOf('update', 'decoded');
    const object = event.Object as Record<string, unknown>;
    expect(Object.keys(object).sort()).toEqual(PROFILE_FIELDS);
    expect(object).toMatchObject({ Description: 'put', Params: {}, Profiles: [], Validated: true, Available: true, Errors: [] });
    expect(event.Original).toMatchObject({ Params: { a: 1 } });
  });

  it('PATCH adding an unknown field: the field is gone from the event Object', async () => {
    const res = await api(env.sim.httpUrl, '/api/v3/profiles/decoded', {
      method: 'PATCH',
      body: JSON.stringify([
        { op: 'add', path: '/Junk', value: 1 },
        { op: 'replace', path: '/Description', value: 'patched' },
      ]),
    });
    expect(res.status).toBe(200);
    const event = await env.client.waitForEvent(
      (e) => e.Action === 'update' && (e.Object as { Description?: string }).Description === 'patched',
      'the patch',
    );
    expect(Object.keys(event.Object as object).sort()).toEqual(PROFILE_FIELDS);
  });
});
