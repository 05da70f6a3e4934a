import { describe, expect, it } from 'vitest';
import { authorizationOf, describeRestFailure, fetchDemoConfig, fetchInfo, fetchUserToken } from '../../../src/connection/rest-client';

type FetchCall = { url: string; authorization: string | null };

function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, authorization: new Headers(init?.headers).get('Authorization') });
    return respond(url);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('fetchInfo', () => {
  it('sends the bearer token and reads the lower-case version key', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json({ version: 'v4.12.3', id: 'drp-1', arch: 'amd64' }));
    const result = await fetchInfo('https://drp:8092', { kind: 'bearer', token: 'tok' }, { fetchImpl });
    expect(calls).toEqual([{ url: 'https://drp:8092/api/v3/info', authorization: 'Bearer tok' }]);
    expect(result.ok && result.value.version).toBe('v4.12.3');
  });

  it.each([401, 403])('maps %i to wrong credentials', async (status) => {
    const { fetchImpl } = fakeFetch(() => new Response('', { status }));
    const result = await fetchInfo('https://drp:8092', { kind: 'bearer', token: 'tok' }, { fetchImpl });
    expect(!result.ok && describeRestFailure(result.failure)).toBe('wrong credentials');
  });

  it('maps a network TypeError on https to the certificate hint with the origin to open', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await fetchInfo('https://drp:8092', { kind: 'bearer', token: 'tok' }, { fetchImpl });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toEqual({ kind: 'certificate', acceptUrl: 'https://drp:8092/' });
    expect(describeRestFailure(result.failure)).toBe(
      'certificate not trusted or endpoint unreachable — open https://drp:8092/ to accept the certificate',
    );
  });

  it('maps a network TypeError on plain http to unreachable', async () => {
    const { fetchImpl } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const result = await fetchInfo('http://127.0.0.1:1', { kind: 'bearer', token: 'tok' }, { fetchImpl });
    expect(!result.ok && result.failure.kind).toBe('unreachable');
    expect(!result.ok && describeRestFailure(result.failure)).toMatch(/^unreachable/);
  });

  it('gives up after the timeout', async () => {
    const fetchImpl = ((_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as typeof fetch;
    const result = await fetchInfo('https://drp:8092', { kind: 'bearer', token: 'tok' }, { fetchImpl, timeoutMs: 10 });
    expect(!result.ok && result.failure.kind).toBe('unreachable');
  });
});

describe('fetchUserToken', () => {
  it('asks for a token with Basic auth and ttl in seconds', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json({ Token: 'T0K3N', Info: { version: 'v4.8.0' } }));
    const result = await fetchUserToken('https://drp:8092', 'rocket skates', 'pä:ss', 3600, { fetchImpl });
    expect(calls[0]?.url).toBe('https://drp:8092/api/v3/users/rocket%20skates/token?ttl=3600');
    expect(calls[0]?.authorization).toBe(authorizationOf({ kind: 'basic', username: 'rocket skates', password: 'pä:ss' }));
    expect(result.ok && result.value).toMatchObject({ token: 'T0K3N', info: { version: 'v4.8.0' } });
  });

  it('treats a grant without a token as a refused grant, not as wrong credentials', async () => {
    const { fetchImpl } = fakeFetch(() => json({ Info: {} }));
    const result = await fetchUserToken('https://drp:8092', 'u', 'p', 3600, { fetchImpl });
    expect(!result.ok && result.failure.kind).toBe('bad-response');
  });
});

describe('authorizationOf', () => {
  it('encodes Basic credentials as UTF-8', () => {
    expect(authorizationOf({ kind: 'basic', username: 'rocketskates', password: 'r0cketsk8ts' })).toBe(
      `Basic ${Buffer.from('rocketskates:r0cketsk8ts').toString('base64')}`,
    );
    expect(authorizationOf({ kind: 'basic', username: 'ü', password: '€' })).toBe(`Basic ${Buffer.from('ü:€', 'utf8').toString('base64')}`);
  });
});

describe('fetchDemoConfig', () => {
  it('returns the demo settings when served', async () => {
    const { fetchImpl, calls } = fakeFetch(() => json({ endpoint: 'http://127.0.0.1:8092', username: 'rocketskates', password: 'x' }));
    expect(await fetchDemoConfig({ fetchImpl })).toEqual({
      endpoint: 'http://127.0.0.1:8092',
      username: 'rocketskates',
      password: 'x',
      subscriptions: [],
    });
    expect(calls[0]?.url).toBe('./demo.json');
  });

  it('keeps only the string specs of the demo subscriptions', async () => {
    const { fetchImpl } = fakeFetch(() =>
      json({ endpoint: 'http://127.0.0.1:8092', username: 'u', password: 'p', subscriptions: ['*.*.*', 7, null, 'jobs.*.*'] }),
    );
    expect((await fetchDemoConfig({ fetchImpl }))?.subscriptions).toEqual(['*.*.*', 'jobs.*.*']);
  });

  it('returns null on 404, bad JSON or a wrong shape', async () => {
    expect(await fetchDemoConfig({ fetchImpl: fakeFetch(() => new Response('nope', { status: 404 })).fetchImpl })).toBeNull();
    expect(await fetchDemoConfig({ fetchImpl: fakeFetch(() => new Response('<html>')).fetchImpl })).toBeNull();
    expect(await fetchDemoConfig({ fetchImpl: fakeFetch(() => json({ endpoint: 1 })).fetchImpl })).toBeNull();
  });
});
