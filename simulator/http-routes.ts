import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DrpEvent } from '../src/protocol/event';
import { isPlainObject } from '../src/protocol/plain-object';
import { authenticate } from './auth';
import { clientIpOf, type FrontendAudit } from './auth-audit';
import type { Clock } from './clock';
import { parseControlCommand, type ControlCommand } from './control';
import { applyCors, BodyError, modelsError, readJsonBody, sendEmpty, sendError, sendJson } from './http-util';
import { FileStore, handleFilesApi, serveStaticFile } from './file-server';
import { buildInfo } from './info';
import { isJsonContentType, mediaTypeOf } from './json-patch';
import { isStoredType } from './model-keys';
import { handleObjects } from './object-routes';
import type { ObjectStore } from './object-store';
import type { TokenStore } from './tokens';
import { claimsCover, findUser, isSuperuser, type SimUser } from './users';

export interface RouteDeps {
  store: ObjectStore;
  tokens: TokenStore;
  clock: Clock;
  port: () => number;
  publish: (event: DrpEvent) => void;
  control: (command: ControlCommand) => Promise<unknown>;
  stats: () => unknown;
  log: (line: string) => void;
  /** Publishes `log.audit.frontend` for each Basic attempt, as DRP's `userAuth` does (absent: no audit). */
  audit?: FrontendAudit;
  /** `drpcli files upload` targets (file-server.ts); absent: each request handler keeps its own. */
  files?: FileStore;
}

/** Default token lifetime when `ttl` is absent: 1 hour (docs/reference/drp-protocol.md §1.4). */
const DEFAULT_TTL_SECONDS = 3600;

function localAddress(req: IncomingMessage): string {
  const address = req.socket.localAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

function info(req: IncomingMessage, deps: RouteDeps): Record<string, unknown> {
  return buildInfo({ port: deps.port(), address: localAddress(req), machineCount: deps.store.count('machines'), hostname: hostname() });
}

/** `GET /api/v3/users/<name>/token?ttl=<seconds>` -> `{"Token","Info"}` (§1.4). */
function grantToken(req: IncomingMessage, res: ServerResponse, url: URL, user: SimUser, name: string, deps: RouteDeps): void {
  const target = findUser(name);
  if (!target) return sendError(res, modelsError(404, 'GET', ['Not Found'], 'users', name));
  if (target.name !== user.name && !isSuperuser(user) && !claimsCover(user.claims, 'users', 'token', name)) {
    return sendError(res, modelsError(403, 'AUTH', ['Forbidden'], 'users', name));
  }
  const ttlText = url.searchParams.get('ttl');
  let ttl = DEFAULT_TTL_SECONDS;
  if (ttlText !== null) {
    // v3 parses integer seconds (strconv.Atoi); durations like "1h" are newer and not emulated.
    if (!/^[+-]?\d+$/.test(ttlText)) {
      return sendError(
        res,
        modelsError(400, 'API_ERROR', [`ttl: strconv.Atoi: parsing ${JSON.stringify(ttlText)}: invalid syntax`], 'users', name),
      );
    }
    ttl = Number(ttlText);
  }
  sendJson(res, 200, { Token: deps.tokens.grant(target, ttl), Info: info(req, deps) });
}

/** Go's zero `time.Time`, which an event posted without `Time` carries (`models.Event` decoding). */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * `POST /api/v3/events` (`frontend/events.go`): publishes the body; the server overwrites Principal
 * with the poster (§5) and answers 204 with no body (`c.Data(204, MIMEJSON, nil)`).
 */
async function postEvent(req: IncomingMessage, res: ServerResponse, user: SimUser, deps: RouteDeps): Promise<void> {
  if (!claimsCover(user.claims, 'events', 'post', '*')) return sendError(res, modelsError(403, 'AUTH', ['Forbidden'], 'events'));
  const contentType = req.headers['content-type'];
  if (!isJsonContentType(contentType))
    return sendError(res, modelsError(400, 'POST', [`Invalid content type: ${mediaTypeOf(contentType)}`]));
  const body = await readJsonBody(req);
  if (!isPlainObject(body)) return sendError(res, modelsError(400, 'API_ERROR', ['event must be a JSON object'], 'events'));
  for (const field of ['Time', 'Type', 'Action', 'Key'] as const) {
    if (body[field] !== undefined && typeof body[field] !== 'string') {
      return sendError(res, modelsError(400, 'API_ERROR', [`${field} must be a string`], 'events'));
    }
  }
  const event: DrpEvent = {
    Time: typeof body.Time === 'string' && body.Time !== '' ? body.Time : GO_ZERO_TIME,
    Type: (body.Type as string | undefined) ?? '',
    Action: (body.Action as string | undefined) ?? '',
    Key: (body.Key as string | undefined) ?? '',
    Principal: `user:${user.name}`,
    Object: body.Object ?? null,
    Original: body.Original ?? null,
  };
  deps.publish(event);
  sendEmpty(res, 204, { 'Content-Type': 'application/json' });
}

async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: RouteDeps, files: FileStore): Promise<void> {
  const auth = authenticate(req.headers.authorization, url.searchParams.get('token'), deps.tokens);
  deps.audit?.record(auth.basic, clientIpOf(req.socket.remoteAddress));
  if (!auth.ok) return sendEmpty(res, auth.status, auth.challenge ? { 'WWW-Authenticate': 'dr-provision' } : {});
  const user = auth.user;
  const rest = url.pathname.slice('/api/v3/'.length);
  const segments = rest.split('/');
  const method = req.method ?? 'GET';
  if (rest === 'info' && method === 'GET') return sendJson(res, 200, info(req, deps));
  if (rest === 'ws') return sendJson(res, 400, modelsError(400, 'API_ERROR', ['websocket: not a websocket handshake']));
  if (rest === 'events' && method === 'POST') return postEvent(req, res, user, deps);
  if (segments[0] === 'files') return handleFilesApi({ req, res, url, user, files, encodedPath: rest.slice('files'.length) });
  if (segments[0] === 'users' && segments.length === 3 && segments[2] === 'token' && method === 'GET') {
    return grantToken(req, res, url, user, decodeURIComponent(segments[1]), deps);
  }
  if (isStoredType(segments[0])) {
    // Keys may contain '/' (params) either raw or percent-encoded.
    const key = segments.length > 1 && segments.slice(1).join('/') !== '' ? decodeURIComponent(segments.slice(1).join('/')) : null;
    return handleObjects({ req, res, store: deps.store, user, type: segments[0], key });
  }
  sendError(res, modelsError(404, method, ['Not Found'], segments[0] ?? '', ''));
}

/** Simulator-only routes, unauthenticated: `POST /sim/control`, `GET /sim/stats` (docs/simulator.md). */
async function handleSim(req: IncomingMessage, res: ServerResponse, url: URL, deps: RouteDeps): Promise<void> {
  if (url.pathname === '/sim/stats' && req.method === 'GET') return sendJson(res, 200, deps.stats());
  if (url.pathname === '/sim/control' && req.method === 'POST') {
    const command = parseControlCommand(await readJsonBody(req));
    if (typeof command === 'string') return sendJson(res, 400, { error: command });
    return sendJson(res, 200, (await deps.control(command)) ?? {});
  }
  sendJson(res, 404, { error: `no simulator route ${req.method} ${url.pathname}` });
}

/** The HTTP side of the endpoint: CORS first (preflights never need auth, §1.6), then the routes. */
export function createRequestHandler(deps: RouteDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const files = deps.files ?? new FileStore();
  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applyCors(req, res);
    if (req.method === 'OPTIONS') return sendEmpty(res, 200);
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname === '/') {
      const text = 'DRP endpoint simulator. API under /api/v3, events at /api/v3/ws, control at /sim/control.\n';
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      return void res.end(text);
    }
    if (url.pathname.startsWith('/sim/')) return handleSim(req, res, url, deps);
    if (url.pathname.startsWith('/api/v3/')) return handleApi(req, res, url, deps, files);
    if (url.pathname.startsWith('/files/')) return serveStaticFile(req, res, url, files);
    sendError(res, modelsError(404, req.method ?? 'GET', ['Not Found']));
  };
  return (req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyError) return sendError(res, modelsError(400, 'API_ERROR', [error.message]));
      deps.log(`HTTP: ${req.method} ${req.url?.split('?')[0]} failed: ${String(error)}`);
      sendError(res, modelsError(500, 'API_ERROR', [String(error instanceof Error ? error.message : error)]));
    });
  };
}
