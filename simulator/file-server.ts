/**
 * DRP's files area: `drpcli files upload <local> as <remote>` sends `POST /api/v3/files/<remote>`
 * with the raw bytes, and the endpoint's static file server serves the result at `/files/<remote>`
 * on the API port, unauthenticated (docs.rackn.io: "https://[drpserveraddress]:8092/files/drpcli...").
 * That is how the single-file inspector gets onto an endpoint (README, "Deploy into DRP").
 *
 * The API side follows v3 `frontend/files.go` (the v4 server's code is not public): `GET /files`
 * lists one directory (`?path=`, default `/`; entries, directories with a trailing `/`), `POST
 * /files/<path>` takes `application/octet-stream` only and answers 201 `{Path, Size}` with Path
 * as routed (leading `/`), `GET /files/<path>` returns the bytes as octet-stream, `DELETE` 204; each
 * checks the `files <action> <path>` claim. Not emulated: multipart uploads, `?explode=`, HEAD with
 * checksums, the ".part" upload-in-progress 409.
 *
 * Not confirmed: how v4 serves `/files/` on the API port. v3 served it on the static port (8091)
 * through its own file system handler; here it is exact files only, a Content-Type from the
 * extension as Go's `mime.TypeByExtension` gives it, no directory listing and no redirect of
 * `.../index.html` to `.../` (Go's http.FileServer would do that; the inspector works either way).
 *
 * Files are kept in memory, per simulator: nothing is written to disk, so no request can reach a
 * host file. Paths are still cleaned like Go's `path.Clean` on a rooted path, so `..` never climbs
 * above the files area and `/files/a/../b` names the same file as DRP would.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { modelsError, sendEmpty, sendError, sendJson } from './http-util';
import { mediaTypeOf } from './json-patch';
import { claimsCover, type SimUser } from './users';

/** DRP streams uploads to disk; a memory store needs a bound. The single-file inspector is ~400 KB. */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/** Go's `mime.TypeByExtension` for the types a browser cares about (Go adds `charset=utf-8` to text). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  const extension = dot > path.lastIndexOf('/') ? path.slice(dot).toLowerCase() : '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

/** Percent-decodes a routed path once, as Go's `URL.Path` holds it; null when it cannot be decoded. */
export function decodePath(raw: string): string | null {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

/**
 * A decoded path under the files area, cleaned like Go's `path.Clean("/" + p)`: `.` and empty
 * segments go, `..` removes the one before and stops at the root. Returns the segments joined with
 * `/` and no leading slash (`''` is the root).
 */
export function cleanFilePath(decoded: string): string {
  const kept: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  return kept.join('/');
}

/** The uploaded files, keyed by cleaned path (`inspector/index.html`). */
export class FileStore {
  private readonly files = new Map<string, Buffer>();

  get(path: string): Buffer | undefined {
    return this.files.get(path);
  }

  /** Like creating the file on disk: a path cannot be a file and a directory at once. */
  put(path: string, bytes: Buffer): 'ok' | 'conflict' {
    const parents = path.split('/').slice(0, -1);
    const parentIsFile = parents.some((_, index) => this.files.has(parents.slice(0, index + 1).join('/')));
    if (parentIsFile || this.isDirectory(path)) return 'conflict';
    this.files.set(path, bytes);
    return 'ok';
  }

  delete(path: string): boolean {
    return this.files.delete(path);
  }

  isDirectory(path: string): boolean {
    const prefix = path === '' ? '' : `${path}/`;
    return path === '' || [...this.files.keys()].some((name) => name.startsWith(prefix));
  }

  /** Entries directly in a directory, as `ReadDir` lists them: sorted, directories with `/`. */
  list(directory: string): string[] {
    const prefix = directory === '' ? '' : `${directory}/`;
    const entries = new Set<string>();
    for (const name of this.files.keys()) {
      if (!name.startsWith(prefix)) continue;
      const rest = name.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.add(slash < 0 ? rest : rest.slice(0, slash + 1));
    }
    return [...entries].sort();
  }
}

async function readBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export interface FilesApiRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: SimUser;
  files: FileStore;
  /** What follows `/api/v3/files` in the URL, still percent-encoded: `''` for the list, else `/<path>`. */
  encodedPath: string;
}

/** `/api/v3/files[/<path>]`, after authentication (http-routes.ts). */
export async function handleFilesApi({ req, res, url, user, files, encodedPath }: FilesApiRequest): Promise<void> {
  const method = req.method ?? 'GET';
  // As gin's `c.Param("path")`: decoded, with its leading `/`; claims and replies use it as it is.
  const routed = decodePath(encodedPath) ?? encodedPath;
  const forbidden = () => sendError(res, modelsError(403, 'AUTH', ['Forbidden'], 'files', routed));
  if (routed === '' && method === 'GET') {
    const asked = url.searchParams.get('path') || '/';
    if (!claimsCover(user.claims, 'files', 'list', asked)) return forbidden();
    const directory = cleanFilePath(asked);
    if (!files.isDirectory(directory)) {
      return sendError(res, modelsError(404, 'API ERROR', [`list: error listing files: no such directory ${asked}`]));
    }
    return sendJson(res, 200, files.list(directory));
  }
  const fail = (code: number, message: string) => sendError(res, modelsError(code, method, [message], 'files', routed));
  if (decodePath(encodedPath) === null) return fail(400, 'the path is not valid percent-encoding');
  const path = cleanFilePath(routed);
  if (path === '') return fail(404, 'Not Found');
  if (method === 'GET') {
    if (!claimsCover(user.claims, 'files', 'get', routed)) return forbidden();
    const bytes = files.get(path);
    if (!bytes) return fail(404, 'Not a regular file');
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.length });
    return void res.end(bytes);
  }
  if (method === 'POST') {
    if (!claimsCover(user.claims, 'files', 'post', routed)) return forbidden();
    const contentType = req.headers['content-type'] ?? '';
    // DRP also takes multipart/form-data (a browser form); drpcli sends octet-stream. Not emulated.
    if (mediaTypeOf(contentType) !== 'application/octet-stream') {
      return fail(400, `Want content-type application/octet-stream, not ${contentType}`);
    }
    if (routed.endsWith('/')) return fail(403, 'Cannot upload a directory');
    const bytes = await readBytes(req, MAX_UPLOAD_BYTES);
    if (!bytes) return fail(507, `upload over ${MAX_UPLOAD_BYTES} bytes`);
    if (files.put(path, bytes) === 'conflict') return fail(409, `Cannot create directory ${path}`);
    return sendJson(res, 201, { Path: routed, Size: bytes.length });
  }
  if (method === 'DELETE') {
    if (!claimsCover(user.claims, 'files', 'delete', routed)) return forbidden();
    if (!files.delete(path)) return fail(404, 'Unable to delete');
    return sendEmpty(res, 204, { 'Content-Type': 'application/json' });
  }
  return fail(404, 'Not Found');
}

/** `GET`/`HEAD /files/<path>`: the static side, no authentication, like DRP's file server. */
export function serveStaticFile(req: IncomingMessage, res: ServerResponse, url: URL, files: FileStore): void {
  const method = req.method ?? 'GET';
  const decoded = decodePath(url.pathname.slice('/files/'.length));
  const path = decoded === null ? '' : cleanFilePath(decoded);
  const bytes = path === '' ? undefined : files.get(path);
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
    return void res.end('405 method not allowed\n');
  }
  if (!bytes) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end(method === 'HEAD' ? undefined : '404 page not found\n');
  }
  res.writeHead(200, { 'Content-Type': contentTypeOf(path), 'Content-Length': bytes.length });
  res.end(method === 'HEAD' ? undefined : bytes);
}
