/**
 * Opens the event socket with `ws`. Unlike a browser, Node can send the credential in an
 * `Authorization` header (the header wins over `?token=`, docs/reference/drp-protocol.md §1.2), which
 * keeps the token out of the URL and so out of the server's debug request log (§1.2 security note).
 * A refused upgrade is a readable HTTP status here, not the browser's bare 1006 (§1.3).
 */
import WebSocket from 'ws';
import type { AuthMode } from '../../src/store/inspector-state';
import { authorizationOf } from '../../src/connection/rest-client';
import { networkErrorDetail, type TlsOptions } from './node-fetch';

export type SocketOpen = { ok: true; socket: WebSocket } | { ok: false; message: string; credentials: boolean };

const HANDSHAKE_TIMEOUT_MS = 10_000;
/** DRP frames run to MBs (§6, §7.6); `ws` defaults to 100 MiB, which a huge machine event can pass. */
const MAX_PAYLOAD_BYTES = 1024 ** 3;

export function socketAuthorization(authMode: AuthMode, socketCredential: string): string {
  if (authMode === 'password-in-url') {
    const colon = socketCredential.indexOf(':');
    return authorizationOf({ kind: 'basic', username: socketCredential.slice(0, colon), password: socketCredential.slice(colon + 1) });
  }
  return authorizationOf({ kind: 'bearer', token: socketCredential });
}

export function openRecorderSocket(wsUrl: string, authorization: string, tls: TlsOptions): Promise<SocketOpen> {
  return new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, {
      headers: { Authorization: authorization },
      ca: tls.ca ?? undefined,
      rejectUnauthorized: tls.rejectUnauthorized,
      handshakeTimeout: HANDSHAKE_TIMEOUT_MS,
      maxPayload: MAX_PAYLOAD_BYTES,
      perMessageDeflate: false,
    });
    let settled = false;
    const settle = (result: SocketOpen): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    socket.once('open', () => settle({ ok: true, socket }));
    socket.once('unexpected-response', (req, res) => {
      const status = res.statusCode ?? 0;
      req.destroy();
      const credentials = status === 401 || status === 403;
      settle({
        ok: false,
        credentials,
        message: credentials
          ? `the socket upgrade was refused: wrong credentials (HTTP ${status})`
          : `the socket upgrade failed (HTTP ${status})`,
      });
    });
    socket.on('error', (error: NodeJS.ErrnoException) =>
      settle({ ok: false, credentials: false, message: `socket: ${networkErrorDetail(error)}` }),
    );
  });
}
