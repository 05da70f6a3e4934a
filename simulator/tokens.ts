import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import type { SimUser } from './users';

interface Grant {
  user: SimUser;
  expiresAtMs: number;
}

/**
 * Bearer tokens granted by `GET /api/v3/users/<name>/token` (docs/reference/drp-protocol.md §1.4). Real DRP tokens
 * are encrypted JWTs, base64url-encoded: opaque to the browser and never containing ':' (so a
 * `?token=` value always takes the Bearer path, §1.2). Random base64url text has the same properties.
 */
export class TokenStore {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly clock: Clock) {}

  grant(user: SimUser, ttlSeconds: number): string {
    const token = randomBytes(48).toString('base64url');
    this.grants.set(token, { user, expiresAtMs: this.clock.nowMs() + ttlSeconds * 1000 });
    return token;
  }

  /** The token's user, or null when it is unknown or expired (both are 403, §1.3). */
  lookup(token: string): SimUser | null {
    const grant = this.grants.get(token);
    if (!grant) return null;
    if (this.clock.nowMs() >= grant.expiresAtMs) {
      this.grants.delete(token);
      return null;
    }
    return grant.user;
  }
}
