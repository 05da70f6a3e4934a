import type { Endpoint } from '../connection/endpoint-url';
import { describeRestFailure } from '../connection/rest-client';
import type { RestAuth, RestFailure } from '../connection/rest-client';
import type { AuthMode, ConnectRequest, ConnectionState } from './inspector-state';
import type { NetworkDeps } from './network-deps';

/** Token lifetime asked for when granting one from username/password (docs/reference/drp-protocol.md §1.4). */
const TOKEN_TTL_SECONDS = 3600;

/** What a reconnect needs to repeat the connect. Memory only; dropped on Disconnect. */
export interface SessionTarget {
  /**
   * Kept whole, password included: a reconnect grants a fresh token with it (see `runPreflight`).
   * This object never enters store state, storage or logs.
   */
  request: ConnectRequest;
  endpoint: Endpoint;
}

export type PreflightPassed = { ok: true; socketCredential: string; authMode: AuthMode; serverVersion: string };
export type Preflight = PreflightPassed | { ok: false; failure: RestFailure };

/** The connection state a Connect starts from: the endpoint as typed and the user, nothing checked yet. */
export function connectionFor(request: ConnectRequest): ConnectionState {
  const user = request.auth === 'password' ? request.username : '';
  return { status: 'idle', endpoint: request.endpoint, httpBase: '', wsUrl: '', serverVersion: '', user, authMode: 'none', tokenMask: '' };
}

/** Why a request cannot even be tried, or null when its credentials are complete. */
export function checkCredentials(request: ConnectRequest): string | null {
  if (request.auth === 'token') return request.token.trim() === '' ? 'enter a token, or a username and password' : null;
  if (request.username === '') return 'enter a username';
  // Basic auth and the `user:password` socket form both split at the first colon (§1.2).
  if (request.username.includes(':')) return 'a username cannot contain ":"';
  return null;
}

/**
 * REST before the socket (§1.3, §1.4): a browser sees only 1006 for a failed upgrade, so
 * credentials and reachability are checked here. Runs again on every reconnect attempt.
 *
 * A session started from username/password grants a new token on every attempt, with the password
 * kept in memory (SessionTarget). Re-granting with the current token (§1.4 allows Bearer on the
 * token route) fails exactly when it matters: after the token expired (the browser cannot read the
 * expiry, tokens are opaque) or after a restart that changed the server's secrets. A token the user
 * typed is reused as it is; if the server refuses it, the reconnect stops and says so.
 */
export async function runPreflight(network: NetworkDeps, target: SessionTarget): Promise<Preflight> {
  const { request, endpoint } = target;
  let restAuth: RestAuth;
  let socketCredential: string;
  let authMode: AuthMode;
  if (request.auth === 'password') {
    const grant = await network.fetchUserToken(endpoint.httpBase, request.username, request.password, TOKEN_TTL_SECONDS);
    if (grant.ok) {
      restAuth = { kind: 'bearer', token: grant.value.token };
      socketCredential = grant.value.token;
      authMode = 'granted-token';
    } else if (grant.failure.kind === 'http' || grant.failure.kind === 'bad-response') {
      // The grant itself was refused (e.g. a server without the endpoint, or a role without the
      // `users token` claim); `?token=user:password` still works (§1.2). Not done on 401/403:
      // a wrong password would fail the same way on the socket, only less visibly.
      restAuth = { kind: 'basic', username: request.username, password: request.password };
      socketCredential = `${request.username}:${request.password}`;
      authMode = 'password-in-url';
    } else {
      return { ok: false, failure: grant.failure };
    }
  } else {
    restAuth = { kind: 'bearer', token: request.token };
    socketCredential = request.token;
    authMode = 'token';
  }
  const info = await network.fetchInfo(endpoint.httpBase, restAuth);
  if (!info.ok) return { ok: false, failure: info.failure };
  return { ok: true, socketCredential, authMode, serverVersion: info.value.version };
}

/** What state may show of a passed preflight: the server version and a masked credential. */
export function credentialState(result: PreflightPassed): Partial<ConnectionState> {
  return {
    serverVersion: result.serverVersion,
    authMode: result.authMode,
    // With the password in the URL there is no token; never show any part of a password.
    tokenMask: result.authMode === 'password-in-url' ? '' : maskCredential(result.socketCredential),
  };
}

/** The connection fields for a failed preflight; `during` is set when a reconnect attempt failed. */
export function preflightFailureState(
  failure: RestFailure,
  during?: { reconnectAttempt: number },
): Pick<ConnectionState, 'message' | 'certificateUrl'> {
  const reason = describeRestFailure(failure);
  return {
    message: during ? `reconnect attempt ${during.reconnectAttempt} failed: ${reason}` : reason,
    certificateUrl: failure.kind === 'certificate' ? failure.acceptUrl : undefined,
  };
}

export function reconnectStoppedMessage(failure: RestFailure): string {
  return `reconnect stopped: ${describeRestFailure(failure)} (the token may have expired or been revoked); connect again`;
}

/** First 4 characters and an ellipsis: enough to tell tokens apart, never the whole secret. */
export function maskCredential(credential: string): string {
  return credential === '' ? '' : `${credential.slice(0, 4)}…`;
}
