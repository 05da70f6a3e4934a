/**
 * Turns what a user types as "Endpoint" into the REST base and the websocket URL.
 *
 * Accepted: `host`, `host:port`, `[v6]:port`, `https://host:8092`, `http://127.0.0.1:8092` (the demo
 * simulator speaks plain HTTP), and full socket URLs such as `wss://host:8092/api/v3/ws`.
 * Defaults follow docs/reference/drp-protocol.md §1.1: port 8092 (the DRP API port) and TLS (the API is HTTPS-only;
 * only an explicit `http://`/`ws://` turns it off). Credentials never belong in the endpoint: userinfo
 * and a `token` query parameter are refused so they cannot end up in the page URL or history.
 */
export const DEFAULT_API_PORT = 8092;
const WS_PATH = '/api/v3/ws';

export interface Endpoint {
  /** Scheme, host, port and any path prefix, without a trailing slash: `https://host:8092`. */
  httpBase: string;
  /** Socket URL without query: `wss://host:8092/api/v3/ws` (may carry a `/<endpoint-id>` suffix, §1.1). */
  wsUrl: string;
  secure: boolean;
  /** `host:port` as shown to the user. */
  hostPort: string;
}

export type EndpointResult = ({ ok: true } & Endpoint) | { ok: false; reason: string };

const SCHEMES: Record<string, { secure: boolean }> = {
  https: { secure: true },
  wss: { secure: true },
  http: { secure: false },
  ws: { secure: false },
};

const ENDPOINT_PATTERN = /^(?:([A-Za-z][A-Za-z0-9+.-]*):\/\/)?([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/;
const HOST_PATTERN = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)$/;

export function normalizeEndpoint(input: string): EndpointResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'enter an endpoint such as drp.example.com:8092' };
  const match = ENDPOINT_PATTERN.exec(text);
  if (!match) return { ok: false, reason: 'not an endpoint address' };
  const [, schemeText, authority = '', pathText = '', query] = match;

  let secure = true;
  if (schemeText !== undefined) {
    const scheme = SCHEMES[schemeText.toLowerCase()];
    if (!scheme) return { ok: false, reason: `unsupported scheme "${schemeText}" (use https, wss, http or ws)` };
    secure = scheme.secure;
  }
  if (authority.includes('@')) {
    return { ok: false, reason: 'do not put credentials in the endpoint; use the Token or Username/Password fields' };
  }
  if (query !== undefined && /[?&]token=/i.test(query)) {
    return { ok: false, reason: 'do not put a token in the endpoint; use the Token field' };
  }

  const hostPort = splitHostPort(authority);
  if (!hostPort.ok) return hostPort;
  const { host, port } = hostPort;

  const prefix = basePathOf(pathText);
  const origin = `${secure ? 'https' : 'http'}://${host}:${port}`;
  const wsOrigin = `${secure ? 'wss' : 'ws'}://${host}:${port}`;
  return {
    ok: true,
    httpBase: `${origin}${prefix.base}`,
    wsUrl: `${wsOrigin}${prefix.base}${WS_PATH}${prefix.wsSuffix}`,
    secure,
    hostPort: `${host}:${port}`,
  };
}

function splitHostPort(authority: string): { ok: true; host: string; port: number } | { ok: false; reason: string } {
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return { ok: false, reason: 'unterminated IPv6 address' };
    host = authority.slice(0, close + 1);
    const rest = authority.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return { ok: false, reason: 'not a valid host' };
    portText = rest === '' ? undefined : rest.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon < 0 ? authority : authority.slice(0, colon);
    portText = colon < 0 ? undefined : authority.slice(colon + 1);
  }
  if (host === '' || !HOST_PATTERN.test(host)) return { ok: false, reason: `"${host}" is not a valid host name` };
  let port = DEFAULT_API_PORT;
  if (portText !== undefined) {
    if (!/^\d{1,5}$/.test(portText)) return { ok: false, reason: 'the port must be a number' };
    port = Number(portText);
    if (port < 1 || port > 65535) return { ok: false, reason: 'the port must be between 1 and 65535' };
  }
  return { ok: true, host: host.toLowerCase(), port };
}

/**
 * Splits a typed path into a base prefix (for a reverse proxy such as `/drp`) and what follows the
 * socket path. `…/api/v3/ws/<id>` keeps `/<id>`: the v4 client puts the multi-site proxy id after
 * `ws` for sockets (§1.1). REST through that proxy would need the id before `/api/v3`; we do not
 * guess that here, so the REST preflight goes to the manager itself. [inferred]
 */
function basePathOf(pathText: string): { base: string; wsSuffix: string } {
  const path = pathText.replace(/\/+$/, '');
  const wsAt = path.indexOf(WS_PATH);
  if (wsAt >= 0 && (path.length === wsAt + WS_PATH.length || path[wsAt + WS_PATH.length] === '/')) {
    return { base: path.slice(0, wsAt), wsSuffix: path.slice(wsAt + WS_PATH.length) };
  }
  const apiAt = path.lastIndexOf('/api/v3');
  if (apiAt >= 0 && path.length === apiAt + '/api/v3'.length) return { base: path.slice(0, apiAt), wsSuffix: '' };
  return { base: path, wsSuffix: '' };
}

/** Adds the credential query parameter. Lower-case `token` (§1.1); encoded because tokens may end in `=`. */
export function withTokenParam(wsUrl: string, tokenParam: string): string {
  return `${wsUrl}?token=${encodeURIComponent(tokenParam)}`;
}
