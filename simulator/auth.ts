import type { TokenStore } from './tokens';
import { findUser, type SimUser } from './users';

export type AuthResult =
  | { ok: true; user: SimUser }
  /** `challenge`: send `WWW-Authenticate: dr-provision` with the status (docs/reference/drp-protocol.md §1.3). */
  | { ok: false; status: 401 | 403; challenge: boolean };

const MISSING: AuthResult = { ok: false, status: 401, challenge: true };
const BAD_PASSWORD: AuthResult = { ok: false, status: 403, challenge: false };
const BAD_TOKEN: AuthResult = { ok: false, status: 403, challenge: true };

function checkPassword(name: string, password: string): AuthResult {
  const user = findUser(name);
  return user && user.password === password ? { ok: true, user } : BAD_PASSWORD;
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
    const space = authorization.indexOf(' ');
    const scheme = space < 0 ? authorization : authorization.slice(0, space);
    const credentials = space < 0 ? '' : authorization.slice(space + 1).trim();
    if (scheme === 'Basic') return checkBasicHeader(credentials);
    if (scheme === 'Bearer') return credentials ? checkBearer(credentials, tokens) : MISSING;
    return MISSING; // malformed header: 401 per §1.3
  }
  if (!queryToken) return MISSING;
  const colon = queryToken.indexOf(':');
  if (colon >= 0) return checkPassword(queryToken.slice(0, colon), queryToken.slice(colon + 1));
  return checkBearer(queryToken, tokens);
}
