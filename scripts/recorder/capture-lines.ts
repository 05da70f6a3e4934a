/**
 * The marker lines of a capture file (docs/reference/capture-format.md): the recorder's side of the
 * format. Events are not built here: they are written as the server sent them.
 */
export const CAPTURE_VERSION = 1;

export interface CaptureHeader {
  $inspector: 'capture';
  version: typeof CAPTURE_VERSION;
  source: 'recorder';
  /** Origin only: never a token, user:password or query. */
  endpoint: string;
  user: string;
  startedAt: string;
}

export interface SubscriptionLine {
  $inspector: 'subscription';
  spec: string;
  at: string;
  state: 'active' | 'failed';
}

export interface GapLine {
  $inspector: 'gap';
  from: string;
  to: string;
  reason: string;
}

export interface EndLine {
  $inspector: 'end';
  at: string;
  events: number;
}

export type MarkerLine = CaptureHeader | SubscriptionLine | GapLine | EndLine;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** The origin of a REST base (`https://drp:8092/prefix` → `https://drp:8092`): the header's `endpoint`. */
export function originOf(httpBase: string): string {
  return new URL(httpBase).origin;
}

export function headerLine(endpointOrigin: string, user: string, startedAtMs: number): CaptureHeader {
  return {
    $inspector: 'capture',
    version: CAPTURE_VERSION,
    source: 'recorder',
    endpoint: endpointOrigin,
    user,
    startedAt: iso(startedAtMs),
  };
}

export function subscriptionLine(spec: string, state: SubscriptionLine['state'], atMs: number): SubscriptionLine {
  return { $inspector: 'subscription', spec, at: iso(atMs), state };
}

export function gapLine(fromMs: number, toMs: number, reason: string): GapLine {
  return { $inspector: 'gap', from: iso(fromMs), to: iso(toMs), reason };
}

export function endLine(atMs: number, events: number): EndLine {
  return { $inspector: 'end', at: iso(atMs), events };
}

/**
 * A frame as one JSON Lines line. Go's encoder never puts a raw newline in a frame, but a frame
 * pretty-printed by a proxy would break the one-document-per-line rule, so only then is it
 * re-serialised (same document, compact).
 */
export function eventLineOf(frameText: string): string {
  if (!frameText.includes('\n') && !frameText.includes('\r')) return frameText;
  return JSON.stringify(JSON.parse(frameText));
}
