import type { DrpSocket, DrpSocketHandlers } from '../../../src/connection/drp-socket';
import type { RestAuth, RestResult, ServerInfo, UserToken } from '../../../src/connection/rest-client';
import { createManualScheduler } from '../../../src/store/ingest-batcher';
import { createInspectorStore } from '../../../src/store/inspector-store';
import type { InspectorStoreOptions } from '../../../src/store/inspector-store';
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

/** A store wired to fake network calls and a manual flush scheduler (timers are the test's, e.g. vi fake timers). */
export function setupSession(overrides: Partial<NetworkDeps> = {}, storeOptions: Partial<InspectorStoreOptions> = {}) {
  const scheduler = createManualScheduler();
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
  const { store, events } = createInspectorStore({ scheduler, network, ackTimeoutMs: 5000, ...storeOptions });
  const deliver = (...frames: string[]) => {
    for (const frame of frames) store.getState().actions.ingestFrame(frame);
    scheduler.flushAll();
  };
  const last = () => {
    const socket = sockets[sockets.length - 1];
    if (!socket) throw new Error('no socket opened');
    return socket;
  };
  return { store, events, actions: store.getState().actions, scheduler, sockets, infoCalls, grantCalls, deliver, last };
}
