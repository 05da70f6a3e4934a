import type { TokenStore } from './tokens';
import { findUser, type SimUser } from './users';

/**
 * How a user:password check ended, for the server's audit line (`frontend.go` `userAuth`): DRP audits
 * every Basic attempt, a `?token=user:pass` included, since it is turned into a Basic header.
 */
export interface BasicAttempt {
  name: string;
  outcome: 'authenticated' | 'no-user' | 'bad-password';
}

export type AuthResult = (
  | { ok: true; user: SimUser }
  /** `challenge`: send `WWW-Authenticate: dr-provision` with the status (docs/reference/drp-protocol.md §1.3). */
  | { ok: false; status: 401 | 403; challenge: boolean }
) & { basic?: BasicAttempt };

const MISSING: AuthResult = { ok: false, status: 401, challenge: true };
const BAD_TOKEN: AuthResult = { ok: false, status: 403, challenge: true };

function checkPassword(name: string, password: string): AuthResult {
  const user = findUser(name);
  if (!user) return { ok: false, status: 403, challenge: false, basic: { name, outcome: 'no-user' } };
  if (user.password !== password) return { ok: false, status: 403, challenge: false, basic: { name, outcome: 'bad-password' } };
  return { ok: true, user, basic: { name, outcome: 'authenticated' } };
}

function checkBearer(token: string, tokens: TokenStore): AuthResult {
  const user = tokens.lookup(token);
  return user ? { ok: true, user } : BAD_TOKEN;
}

function checkBasicHeader(encoded: string): AuthResult {
  // Go's base64 decoder rejects bad input; Buffer.from silently skips junk, so validate first.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return MISSING;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return MISSING;
  return checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1));
}

/**
 * The v3 `userAuth()` middleware order (docs/reference/drp-protocol.md §1.2, §1.3), shared by REST and the
 * websocket upgrade: an `Authorization` header wins; else the `token` query parameter, where a
 * value containing ':' is user:password (Basic) and anything else a bearer token.
 */
export function authenticate(authorization: string | undefined, queryToken: string | null, tokens: TokenStore): AuthResult {
  if (authorization !== undefined && authorization !== '') {
    // Go's `strings.SplitN(header, " ", 2)`: the credentials are everything after the first space,
    // untrimmed, so `Bearer  <token>` looks up " <token>" (403) and `Basic  <b64>` fails to decode (401).
    const space = authorization.indexOf(' ');
    if (space < 0) return MISSING; // malformed header: 401 per §1.3
    const scheme = authorization.slice(0, space);
    const credentials = authorization.slice(space + 1);
    if (scheme === 'Basic') return checkBasicHeader(credentials);
    if (scheme === 'Bearer') return checkBearer(credentials, tokens);
    return MISSING;
  }
  if (!queryToken) return MISSING;
  const colon = queryToken.indexOf(':');
  if (colon >= 0) return checkPassword(queryToken.slice(0, colon), queryToken.slice(colon + 1));
  return checkBearer(queryToken, tokens);
}
