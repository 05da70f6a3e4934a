/**
 * The endpoint and username of the last Connect, kept across reloads: neither is a secret. The
 * token is remembered only with "Remember token" (remembered-token.ts) and a password never.
 */
export const REMEMBERED_CONNECTION_KEY = 'drp-inspector.connection';

export interface RememberedConnection {
  endpoint: string;
  username: string;
}

const NOTHING: RememberedConnection = { endpoint: '', username: '' };

export function readRememberedConnection(): RememberedConnection {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(REMEMBERED_CONNECTION_KEY) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null) return NOTHING;
    const { endpoint, username } = parsed as Record<string, unknown>;
    return { endpoint: typeof endpoint === 'string' ? endpoint : '', username: typeof username === 'string' ? username : '' };
  } catch {
    // Storage disabled (privacy settings, sandboxed frames) or a value someone else wrote: nothing remembered.
    return NOTHING;
  }
}

export function writeRememberedConnection(value: RememberedConnection): void {
  try {
    localStorage.setItem(REMEMBERED_CONNECTION_KEY, JSON.stringify({ endpoint: value.endpoint, username: value.username }));
  } catch {
    // See readRememberedConnection.
  }
}
