import type { IncomingMessage, ServerResponse } from 'node:http';
import { goJson } from './go-json';

/** DRP's error body, `models.Error` (docs/reference/drp-protocol.md §1.3). */
export interface ModelsError {
  Model: string;
  Key: string;
  Type: string;
  Messages: string[];
  Code: number;
}

export function modelsError(code: number, type: string, messages: string[], model = '', key = ''): ModelsError {
  return { Model: model, Key: key, Type: type, Messages: messages, Code: code };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = goJson(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: ModelsError): void {
  sendJson(res, error.Code, error);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': 0, ...headers });
  res.end();
}

const ALLOW_METHODS = 'GET,POST,PUT,DELETE,OPTIONS,PATCH,HEAD';
const ALLOW_HEADERS = 'Origin,X-Requested-With,Content-Type,Cookie,Authorization,WWW-Authenticate,X-Return-Attributes,X-Log-Token,Range';
const EXPOSE_HEADERS =
  'WWW-Authenticate,Set-Cookie,Access-Control-Allow-Headers,Access-Control-Allow-Credentials,Access-Control-Allow-Origin,X-DRP-LIST-COUNT,X-DRP-LIST-TOTAL-COUNT';

/**
 * DRP's permissive CORS (docs/reference/drp-protocol.md §1.6: gin-contrib/cors with AllowAllOrigins and
 * AllowCredentials), applied to every route before authentication. Like gin-contrib/cors, only
 * requests that carry an `Origin` get the headers, and the origin is answered with `*` rather than
 * echoed: a browser then refuses `credentials: 'include'`, which is also what a real endpoint does,
 * so the inspector must send an explicit Authorization header (that works, see §1.6). A preflight
 * is answered 200 with no body (`handlePreflight`; the status follows the reading of the
 * gin-contrib/cors version DRP pins, which is not confirmed here).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse): void {
  if (!req.headers.origin) return;
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', EXPOSE_HEADERS);
  if (req.method === 'OPTIONS') {
    res.setHeader('Access-Control-Allow-Methods', ALLOW_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOW_HEADERS);
    // DRP's cors.Config sets no MaxAge, so gin-contrib/cors sends no Access-Control-Max-Age.
  }
}

export class BodyError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes = 16 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new BodyError(`request body over ${limitBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError('request body is not valid JSON');
  }
}
