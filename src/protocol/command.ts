/**
 * Server side of the command grammar (docs/reference/drp-protocol.md §2.1), for the simulator: reproduces how the
 * v3 server's websocket handler reads a client text message.
 */
import type { CommandVerb } from './event';
import { goTrimSpace } from './go-strings';

export interface CommandMessage {
  verb: CommandVerb;
  spec: string;
}

/**
 * Whole-message Go `TrimSpace`, split at the first ASCII space, verb exactly `register` or
 * `deregister` (case-sensitive), spec = the rest, unmodified (so two spaces leave a leading space
 * in the spec, and a spec is never re-trimmed). Returns null for what the server ignores with only
 * a log warning: no space (e.g. a tab, or the bare verb), or an unknown verb.
 */
export function parseCommandMessage(message: string): CommandMessage | null {
  const trimmed = goTrimSpace(message);
  const space = trimmed.indexOf(' ');
  if (space < 0) return null;
  const verb = trimmed.slice(0, space);
  if (verb !== 'register' && verb !== 'deregister') return null;
  return { verb, spec: trimmed.slice(space + 1) };
}
