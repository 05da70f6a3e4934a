import type { DrpSocket, DrpSocketHandlers } from '../../../src/connection/drp-socket';
import type { RestAuth, RestResult, ServerInfo, UserToken } from '../../../src/connection/rest-client';
import type { NetworkDeps } from '../../../src/store/network-deps';

export const INFO: RestResult<ServerInfo> = { ok: true, value: { version: 'v4.12.0', id: 'sim', raw: {} } };

/** A socket double: records commands; the test opens, closes and delivers frames by hand. */
export class FakeSocket implements DrpSocket {
  sent: string[] = [];
  isOpen = false;
  closedByClient = false;
  readonly url: string;
  readonly handlers: DrpSocketHandlers;
  constructor(url: string, handlers: DrpSocketHandlers) {
    this.url = url;
    this.handlers = handlers;
  }
  send(command: string): boolean {
    if (!this.isOpen) return false;
    this.sent.push(command);
    return true;
  }
  close(): void {
    this.closedByClient = true;
    this.serverClose(1000, 'closed by user', true);
  }
  open(): void {
    this.isOpen = true;
    this.handlers.onOpen();
  }
  serverClose(code: number, reason = '', wasClean = false): void {
    this.isOpen = false;
    this.handlers.onClose({ code, reason, wasClean });
  }
}

/**
 * The store's network calls, faked and recorded: every socket opened, every `/api/v3/info` and
 * token-grant call. The server answers v4.12.0 and grants `granted+token/==`, then `granted-2`, ...;
 * `overrides` replace single calls. No test store ever reaches a real socket or `fetch`.
 */
export function createFakeNetwork(overrides: Partial<NetworkDeps> = {}) {
  const sockets: FakeSocket[] = [];
  const infoCalls: { httpBase: string; auth: RestAuth }[] = [];
  const grantCalls: { httpBase: string; username: string; ttl: number }[] = [];
  let grants = 0;
  const network: NetworkDeps = {
    openSocket: (url, handlers) => {
      const socket = new FakeSocket(url, handlers);
      sockets.push(socket);
      return socket;
    },
    fetchInfo: async (httpBase, auth) => {
      infoCalls.push({ httpBase, auth });
      return INFO;
    },
    fetchUserToken: async (httpBase, username, _password, ttl): Promise<RestResult<UserToken>> => {
      grantCalls.push({ httpBase, username, ttl });
      grants += 1;
      return { ok: true, value: { token: grants === 1 ? 'granted+token/==' : `granted-${grants}`, info: null } };
    },
    fetchDemoConfig: async () => null,
    ...overrides,
  };
  /** The socket opened last; throws when none was. */
  const last = (): FakeSocket => {
    const socket = sockets[sockets.length - 1];
    if (!socket) throw new Error('no socket opened');
    return socket;
  };
  return { network, sockets, infoCalls, grantCalls, last };
}
