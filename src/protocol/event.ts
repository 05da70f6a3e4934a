/**
 * The DRP event as it travels on the websocket (docs/reference/drp-protocol.md §4.1, v4.8 `models/event.go`).
 * All seven keys are present on v3.13+ servers; older servers omit `Principal` (< v3.11) and
 * `Original` (< v3.13), which we normalise to `""` and `null`.
 */
export interface DrpEvent {
  /** RFC 3339, 0-9 fractional digits, any offset; parse with `parseDrpTime`, never `Date.parse`. */
  Time: string;
  Type: string;
  Action: string;
  Key: string;
  Principal: string;
  Object: unknown;
  Original: unknown;
}

/** The pseudo type of the server's per-command acknowledgement (docs/reference/drp-protocol.md §2.3). */
export const ACK_TYPE = 'websocket';

export type CommandVerb = 'register' | 'deregister';

/** What the server says back for every well-formed command, unfiltered: the spec exactly as received. */
export interface DrpAck {
  verb: CommandVerb;
  spec: string;
  Time: string;
}
