/**
 * A `fetch` for the app's REST client (src/connection/rest-client.ts) built on node:http/node:https,
 * because Node 20's global fetch cannot take a custom CA or skip verification without undici's
 * `dispatcher` (not a dependency here). Only what the REST client uses: GET with headers, an abort
 * signal, a status and a body.
 *
 * The REST client turns any network error into a browser-style "certificate or unreachable"
 * message; a terminal can say exactly what happened, so the last low-level error is kept and
 * `networkErrorDetail` hands it to the recorder's message.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface TlsOptions {
  /** PEM text of a CA or self-signed certificate to trust; null = the system's CAs. */
  ca: string | null;
  /** false = accept any certificate (`--insecure`). */
  rejectUnauthorized: boolean;
}

export interface NodeFetch {
  fetch: typeof fetch;
  /** Why the last request failed below HTTP (refused, DNS, TLS), or null. */
  lastNetworkError(): string | null;
}

export function createNodeFetch(tls: TlsOptions): NodeFetch {
  let lastError: string | null = null;
  const nodeFetch = (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    return new Promise<Response>((resolve, reject) => {
      const req = send(
        url,
        {
          method: init.method ?? 'GET',
          headers,
          ca: tls.ca ?? undefined,
          rejectUnauthorized: tls.rejectUnauthorized,
          signal: init.signal ?? undefined,
        },
        (res) => {
          readBody(res).then((body) => {
            lastError = null;
            resolve(
              new Response(body.length === 0 ? null : new Uint8Array(body), { status: res.statusCode ?? 0, headers: headersOf(res) }),
            );
          }, reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (error.name === 'AbortError') {
          reject(new DOMException('aborted', 'AbortError'));
          return;
        }
        lastError = networkErrorDetail(error);
        // A TypeError is what a browser's fetch throws for every network failure; the REST client relies on that.
        reject(new TypeError('fetch failed', { cause: error }));
      });
      req.end();
    });
  };
  return { fetch: nodeFetch as typeof fetch, lastNetworkError: () => lastError };
}

function readBody(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

function headersOf(res: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** One line for a socket-level failure, with the hint a DRP user needs for a self-signed certificate (§1.5). */
export function networkErrorDetail(error: NodeJS.ErrnoException): string {
  const code = error.code ?? '';
  if (TLS_CODES.has(code)) return `certificate not trusted (${error.message}); pass --ca-cert <file> or --insecure`;
  if (code === 'ECONNREFUSED') return `connection refused (${error.message})`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `host not found (${error.message})`;
  // OpenSSL's text is a long `error:0A00010B:SSL routines:ssl3_get_record:wrong version number:<path>`.
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1];
  if (code === 'EPROTO' || openssl !== undefined) {
    return `TLS handshake failed (${openssl ?? code}); is the endpoint plain http? (then use http://)`;
  }
  return error.message.split('\n')[0] || code || 'network error';
}
