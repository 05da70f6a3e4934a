/**
 * Opt-in persistence of the token ("Remember token"; default off). Only the token is ever stored,
 * never a password, and never in the page URL (drp-protocol.md §1.2: URLs end up in logs).
 */
const STORAGE_KEY = 'drp-inspector.token';

export function readRememberedToken(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    // Storage can be disabled (privacy settings, sandboxed frames): then nothing is remembered.
    return '';
  }
}

export function writeRememberedToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(STORAGE_KEY, token);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // See readRememberedToken.
  }
}
