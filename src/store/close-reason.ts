import type { CloseInfo } from '../connection/socket-messages';
import type { ConnectionState } from './inspector-state';

/** The only close frame DRP sends with a code of its own (docs/reference/drp-protocol.md §7.2). */
export const COMMAND_TOO_LONG_MESSAGE = 'a command exceeded 512 bytes; the server closed the socket (close code 1009)';

/**
 * Why an open socket closed without the user asking (§7.2). Melody drops the TCP connection without
 * a close frame on restarts, crashes, read errors and pong timeouts: the browser reports 1006.
 */
export function describeLostConnection(info: CloseInfo): string {
  if (info.code === 1009) return COMMAND_TOO_LONG_MESSAGE;
  if (info.code === 1006) return 'connection lost (code 1006: server restart, network drop or missed pings)';
  return `the server closed the connection (code ${info.code}${info.reason ? `: ${info.reason}` : ''})`;
}

/** A reconnect attempt's socket closed before it opened; the next attempt is scheduled. */
export function describeFailedReconnectHandshake(attempt: number): string {
  return `reconnect attempt ${attempt} failed: the socket handshake failed`;
}

/**
 * The words for a close that ends the session (Disconnect, or a first handshake that failed).
 * A browser only learns 1006 from a failed handshake (§1.3), and an untrusted certificate looks the
 * same (§1.5). The REST preflight already passed, so spell out the likely causes.
 */
export function describeSessionClose(
  info: CloseInfo,
  opened: boolean,
  secure: boolean,
  httpBase: string,
): Pick<ConnectionState, 'message' | 'certificateUrl'> {
  if (opened) {
    if (info.code === 1009) return { message: COMMAND_TOO_LONG_MESSAGE, certificateUrl: undefined };
    return { message: undefined, certificateUrl: undefined };
  }
  if (info.code !== 1006) return { message: 'the socket handshake failed', certificateUrl: undefined };
  if (!secure) return { message: 'the socket handshake failed (credentials refused or endpoint unreachable)', certificateUrl: undefined };
  const acceptUrl = `${new URL(httpBase).origin}/`;
  return {
    message: `the socket handshake failed — certificate not trusted or credentials refused; open ${acceptUrl} to accept the certificate`,
    certificateUrl: acceptUrl,
  };
}
