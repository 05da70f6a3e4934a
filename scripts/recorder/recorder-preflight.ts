/**
 * The REST checks before each socket, exactly as the app does them (src/store/session-preflight.ts):
 * a token granted from the password on every attempt (so an expired token or a restarted server's
 * new secrets do not end the recording), then `GET /api/v3/info`. Only the transport differs: the
 * app's REST client runs over node:https (node-fetch.ts) so `--ca-cert` and `--insecure` apply.
 */
import { readFileSync } from 'node:fs';
import type { Endpoint } from '../../src/connection/endpoint-url';
import { describeRestFailure, fetchInfo, fetchUserToken, type RestFailure } from '../../src/connection/rest-client';
import type { NetworkDeps } from '../../src/store/network-deps';
import { runPreflight, type PreflightPassed, type SessionTarget } from '../../src/store/session-preflight';
import type { NodeFetch } from './node-fetch';
import type { Credentials } from './record-options';

export type RecorderPreflight = { ok: true; passed: PreflightPassed } | { ok: false; failure: RestFailure; message: string };

/** Reads the password file; one trailing newline (what `echo` and editors add) is not part of it. */
export function readPassword(path: string): string {
  const text = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  if (text === '') throw new Error(`the password file ${path} is empty`);
  return text;
}

export function sessionTarget(endpointText: string, endpoint: Endpoint, credentials: Credentials): SessionTarget {
  const request =
    credentials.kind === 'token'
      ? { endpoint: endpointText, auth: 'token' as const, token: credentials.token }
      : {
          endpoint: endpointText,
          auth: 'password' as const,
          username: credentials.username,
          password: readPassword(credentials.passwordFile),
        };
  return { request, endpoint };
}

export async function preflight(target: SessionTarget, transport: NodeFetch): Promise<RecorderPreflight> {
  const options = { fetchImpl: transport.fetch };
  const network: NetworkDeps = {
    fetchInfo: (httpBase, auth) => fetchInfo(httpBase, auth, options),
    fetchUserToken: (httpBase, username, password, ttl) => fetchUserToken(httpBase, username, password, ttl, options),
    // runPreflight only makes REST calls; the recorder opens its socket with `ws` (recorder-socket.ts).
    openSocket: () => {
      throw new Error('the recorder opens its own socket');
    },
    fetchDemoConfig: () => Promise.resolve(null),
  };
  const result = await runPreflight(network, target);
  if (result.ok) return { ok: true, passed: result };
  return { ok: false, failure: result.failure, message: describeFailure(result.failure, target, transport) };
}

/** The app's words, except that a network failure says what Node saw instead of the browser's guess. */
function describeFailure(failure: RestFailure, target: SessionTarget, transport: NodeFetch): string {
  const where = target.endpoint.httpBase;
  if (failure.kind === 'certificate' || (failure.kind === 'unreachable' && failure.detail === 'network error')) {
    return `cannot reach ${where}: ${transport.lastNetworkError() ?? 'network error'}`;
  }
  if (failure.kind === 'credentials') {
    const what = target.request.auth === 'token' ? 'the token was refused' : 'the username or password was refused';
    return `${where}: wrong credentials, ${what} (HTTP ${failure.status})`;
  }
  return `${where}: ${describeRestFailure(failure)}`;
}
