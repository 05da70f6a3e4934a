import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { authenticate } from './auth';
import { clientIpOf, type FrontendAudit } from './auth-audit';
import type { EventHub } from './event-hub';
import type { TokenStore } from './tokens';

export const WS_PATH = '/api/v3/ws';

function refuse(socket: Duplex, status: number, headers: Record<string, string> = {}): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`, 'Connection: close', 'Content-Length: 0'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.end(`${lines.join('\r\n')}\r\n\r\n`);
}

/**
 * The websocket route sits inside the authenticated `/api/v3` group (docs/reference/drp-protocol.md §1.1), so
 * credentials are checked before the upgrade and failures are plain HTTP answers: 401 with
 * `WWW-Authenticate: dr-provision` when missing or malformed, 403 for a wrong password or an
 * unknown or expired token (§1.3). A browser only ever sees 1006 for these.
 */
export interface UpgradeDeps {
  hub: EventHub;
  tokens: TokenStore;
  audit?: FrontendAudit;
}

export function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, deps: UpgradeDeps): void {
  socket.on('error', () => socket.destroy());
  const url = new URL(req.url ?? '/', 'http://simulator');
  if (url.pathname !== WS_PATH) return refuse(socket, 404);
  const auth = authenticate(req.headers.authorization, url.searchParams.get('token'), deps.tokens);
  // Published before the socket exists, so a socket never receives its own login's audit line.
  deps.audit?.record(auth.basic, clientIpOf(req.socket.remoteAddress));
  if (!auth.ok) return refuse(socket, auth.status, auth.challenge ? { 'WWW-Authenticate': 'dr-provision' } : {});
  deps.hub.accept(req, socket, head, auth.user);
}
