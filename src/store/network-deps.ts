import { openDrpSocket } from '../connection/drp-socket';
import type { DrpSocket, DrpSocketHandlers } from '../connection/drp-socket';
import { demoAdvertised, fetchDemoConfig, fetchInfo, fetchUserToken } from '../connection/rest-client';
import type { DemoConfig, RestAuth, RestResult, ServerInfo, UserToken } from '../connection/rest-client';

/**
 * Everything the store needs from the network, injectable so store tests run without sockets.
 * The real implementations live in connection/ (the only layer that touches the network).
 */
export interface NetworkDeps {
  openSocket(url: string, handlers: DrpSocketHandlers): DrpSocket;
  fetchInfo(httpBase: string, auth: RestAuth): Promise<RestResult<ServerInfo>>;
  fetchUserToken(httpBase: string, username: string, password: string, ttlSeconds: number): Promise<RestResult<UserToken>>;
  fetchDemoConfig(): Promise<DemoConfig | null>;
}

export const browserNetwork: NetworkDeps = {
  openSocket: (url, handlers) => openDrpSocket(url, handlers),
  fetchInfo: (httpBase, auth) => fetchInfo(httpBase, auth),
  fetchUserToken: (httpBase, username, password, ttlSeconds) => fetchUserToken(httpBase, username, password, ttlSeconds),
  // Asked for only where `npm start` advertised it: elsewhere the 404 would be a console error.
  fetchDemoConfig: () => (demoAdvertised() ? fetchDemoConfig() : Promise.resolve(null)),
};
