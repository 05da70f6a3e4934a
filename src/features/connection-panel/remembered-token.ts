/**
 * Opt-in persistence of the token ("Remember token"; default off). Only the token is ever stored,
 * never a password, and never in the page URL (docs/reference/drp-protocol.md §1.2: URLs end up in logs).
 */
/** The localStorage key, shown next to the "Remember token" box so the user knows where it went. */
export const REMEMBERED_TOKEN_KEY = 'drp-inspector.token';

export function readRememberedToken(): string {
  try {
    return localStorage.getItem(REMEMBERED_TOKEN_KEY) ?? '';
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): then nothing is remembered.
    return '';
  }
}

export function writeRememberedToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(REMEMBERED_TOKEN_KEY, token);
    else localStorage.removeItem(REMEMBERED_TOKEN_KEY);
  } catch {
    // See readRememberedToken.
  }
}
