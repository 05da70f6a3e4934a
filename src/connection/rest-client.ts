import { isPlainObject } from '../protocol/plain-object';

/**
 * The REST calls made before opening the socket (docs/reference/drp-protocol.md §1.3, §1.4). A browser cannot read
 * the HTTP status of a failed websocket handshake (it only sees close code 1006), so credentials
 * and reachability are checked over REST first and the failure is classified here.
 */
export interface ServerInfo {
  version: string;
  id: string;
  /** The whole `/api/v3/info` body for anything else the UI may show later. */
  raw: Record<string, unknown>;
}

export type RestAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export type RestFailure =
  /** 401/403: the server rejected the credentials (§1.3). */
  | { kind: 'credentials'; status: number }
  /** fetch threw on https: usually an untrusted self-signed certificate (§1.5), or no route. */
  | { kind: 'certificate'; acceptUrl: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'http'; status: number }
  | { kind: 'bad-response'; detail: string };

export type RestResult<T> = { ok: true; value: T } | { ok: false; failure: RestFailure };

export interface RestOptions {
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** `GET /api/v3/info`: version probe and credential check in one (every token may read it, §1.4). */
export async function fetchInfo(httpBase: string, auth: RestAuth, options: RestOptions = {}): Promise<RestResult<ServerInfo>> {
  const response = await request(`${httpBase}/api/v3/info`, authorizationOf(auth), httpBase, options);
  if (!response.ok) return response;
  const body = await readJsonObject(response.value);
  if (!body.ok) return body;
  return { ok: true, value: infoFrom(body.value) };
}

export interface UserToken {
  token: string;
  info: ServerInfo | null;
}

/**
 * `GET /api/v3/users/<name>/token?ttl=<seconds>` with Basic auth (§1.4). Integer seconds is the ttl
 * form every server version accepts. The token is opaque and never logged.
 */
export async function fetchUserToken(
  httpBase: string,
  username: string,
  password: string,
  ttlSeconds = 3600,
  options: RestOptions = {},
): Promise<RestResult<UserToken>> {
  const url = `${httpBase}/api/v3/users/${encodeURIComponent(username)}/token?ttl=${Math.round(ttlSeconds)}`;
  const response = await request(url, authorizationOf({ kind: 'basic', username, password }), httpBase, options);
  if (!response.ok) return response;
  const body = await readJsonObject(response.value);
  if (!body.ok) return body;
  const token = body.value['Token'];
  if (typeof token !== 'string' || token === '') {
    return { ok: false, failure: { kind: 'bad-response', detail: 'no Token in the grant' } };
  }
  const info = body.value['Info'];
  return { ok: true, value: { token, info: isPlainObject(info) ? infoFrom(info) : null } };
}

/** What the UI says for a failure. The certificate case also gets a link from `acceptUrl`. */
export function describeRestFailure(failure: RestFailure): string {
  switch (failure.kind) {
    case 'credentials':
      return 'wrong credentials';
    case 'certificate':
      return `certificate not trusted or endpoint unreachable — open ${failure.acceptUrl} to accept the certificate`;
    case 'unreachable':
      return `unreachable (${failure.detail})`;
    case 'http':
      return `unreachable (HTTP ${failure.status})`;
    case 'bad-response':
      return `unexpected response (${failure.detail})`;
  }
}

/** The demo's auto-connect settings, served as `./demo.json` by `npm start` only. */
export interface DemoConfig {
  endpoint: string;
  username: string;
  password: string;
  /** Specs to register right away, so the demo shows live events without a click. */
  subscriptions: string[];
}

/**
 * `npm start` marks its page with this meta (scripts/demo-config-plugin.ts). Without it there is no
 * `./demo.json` to ask for: a static host answers 404, which the browser logs as an error.
 */
export const DEMO_META_NAME = 'drp-inspector-demo';

export function demoAdvertised(doc: Pick<Document, 'querySelector'> | undefined = globalThis.document): boolean {
  return doc?.querySelector(`meta[name="${DEMO_META_NAME}"]`) != null;
}

/** Returns null when there is no demo (404 or anything unexpected): that is the normal case. */
export async function fetchDemoConfig(options: RestOptions = {}): Promise<DemoConfig | null> {
  const fetchImpl = options.fetchImpl ?? fetch;
  try {
    const response = await withTimeout(fetchImpl, './demo.json', {}, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    if (!response.ok) return null;
    const body: unknown = await response.json();
    if (!isPlainObject(body)) return null;
    const { endpoint, username, password } = body;
    if (typeof endpoint !== 'string' || typeof username !== 'string' || typeof password !== 'string') return null;
    const subscriptions = Array.isArray(body.subscriptions)
      ? body.subscriptions.filter((spec): spec is string => typeof spec === 'string')
      : [];
    return { endpoint, username, password, subscriptions };
  } catch {
    return null;
  }
}

/** `Authorization` header value. Basic is base64 of the UTF-8 bytes of `user:password`. */
export function authorizationOf(auth: RestAuth): string {
  if (auth.kind === 'bearer') return `Bearer ${auth.token}`;
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

async function request(url: string, authorization: string, httpBase: string, options: RestOptions): Promise<RestResult<Response>> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let response: Response;
  try {
    response = await withTimeout(fetchImpl, url, { headers: { Authorization: authorization, Accept: 'application/json' } }, timeoutMs);
  } catch (error) {
    if (error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
      return { ok: false, failure: { kind: 'unreachable', detail: `no answer within ${Math.round(timeoutMs / 1000)} s` } };
    }
    // fetch rejects with a bare TypeError for DNS, refused connections, CORS and TLS alike; on https
    // an untrusted certificate is the usual cause with DRP's self-signed default (§1.5).
    if (error instanceof TypeError && httpBase.startsWith('https:')) {
      return { ok: false, failure: { kind: 'certificate', acceptUrl: `${originOf(httpBase)}/` } };
    }
    return { ok: false, failure: { kind: 'unreachable', detail: 'network error' } };
  }
  if (response.status === 401 || response.status === 403) {
    return { ok: false, failure: { kind: 'credentials', status: response.status } };
  }
  if (!response.ok) return { ok: false, failure: { kind: 'http', status: response.status } };
  return { ok: true, value: response };
}

async function withTimeout(fetchImpl: typeof fetch, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetchImpl(url, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function readJsonObject(response: Response): Promise<RestResult<Record<string, unknown>>> {
  try {
    const body: unknown = await response.json();
    if (isPlainObject(body)) return { ok: true, value: body };
    return { ok: false, failure: { kind: 'bad-response', detail: 'not a JSON object' } };
  } catch {
    return { ok: false, failure: { kind: 'bad-response', detail: 'not JSON' } };
  }
}

function infoFrom(body: Record<string, unknown>): ServerInfo {
  // Info keys are lower-case (`models/info.go`, §1.4).
  const version = body['version'];
  const id = body['id'];
  return { version: typeof version === 'string' ? version : '', id: typeof id === 'string' ? id : '', raw: body };
}

function originOf(httpBase: string): string {
  try {
    return new URL(httpBase).origin;
  } catch {
    return httpBase;
  }
}
