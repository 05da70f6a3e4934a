import { MAX_BURST_OBJECTS } from './burst';
import type { BurstOptions } from './burst';

/**
 * Run-time control of the simulator: `POST /sim/control` (JSON body, unauthenticated, a
 * simulator-only route) and `Simulator.control()` take the same commands. See docs/simulator.md.
 */
export type ControlCommand =
  /** Terminate every socket without a close frame: the browser sees 1006. */
  | { action: 'drop-sockets' }
  /** A text frame that is not JSON (default: a truncated event). */
  | { action: 'malformed'; text?: string }
  /** A binary frame. */
  | { action: 'binary' }
  /** A valid machines.update frame of about `bytes`. */
  | { action: 'huge'; bytes: number }
  /** Valid events with markup/script in every string field. */
  | { action: 'hostile' }
  /** Stop delivering for `ms`, then flush (the 256-message buffer still drops). Resolves after the flush. */
  | { action: 'stall'; ms: number }
  /**
   * Turn melody's stalled-reader behaviour on or off (a write unflushed for `writeDeadlineMs` stops
   * the writer; the pong wait then drops the socket), optionally with other timings.
   */
  | { action: 'drop-stalled-readers'; enabled: boolean; writeDeadlineMs?: number; pongWaitMs?: number }
  /** Change the background workload rate (events/s); 0 stops it. */
  | { action: 'workload'; rate: number }
  /** machines.update events at exactly `rate`/s for `seconds`; resolves after the last send. */
  | ({ action: 'burst' } & BurstOptions)
  /** Profile `global`: set Params.bar = "blatz", then remove it (two update events). */
  | { action: 'seed-walkthrough' };

export type ControlAction = ControlCommand['action'];

function num(body: Record<string, unknown>, field: string, min: number, max: number): number | string {
  const value = body[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    return `${field} must be a number in ${min}..${max}`;
  }
  return value;
}

/** Validates an untrusted body (from HTTP); returns the command or a message saying what is wrong. */
export function parseControlCommand(body: unknown): ControlCommand | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  switch (b.action) {
    case 'drop-sockets':
    case 'binary':
    case 'hostile':
    case 'seed-walkthrough':
      return { action: b.action };
    case 'malformed':
      if (b.text !== undefined && typeof b.text !== 'string') return 'text must be a string';
      return b.text === undefined ? { action: 'malformed' } : { action: 'malformed', text: b.text };
    case 'huge': {
      const bytes = num(b, 'bytes', 1, 64 * 1024 * 1024);
      return typeof bytes === 'string' ? bytes : { action: 'huge', bytes };
    }
    case 'stall': {
      const ms = num(b, 'ms', 0, 600_000);
      return typeof ms === 'string' ? ms : { action: 'stall', ms };
    }
    case 'drop-stalled-readers': {
      if (typeof b.enabled !== 'boolean') return 'enabled must be a boolean';
      const command: ControlCommand = { action: 'drop-stalled-readers', enabled: b.enabled };
      for (const field of ['writeDeadlineMs', 'pongWaitMs'] as const) {
        if (b[field] === undefined) continue;
        const ms = num(b, field, 1, 600_000);
        if (typeof ms === 'string') return ms;
        command[field] = ms;
      }
      return command;
    }
    case 'workload': {
      const rate = num(b, 'rate', 0, 100_000);
      return typeof rate === 'string' ? rate : { action: 'workload', rate };
    }
    case 'burst': {
      const rate = num(b, 'rate', 1, 100_000);
      if (typeof rate === 'string') return rate;
      const seconds = num(b, 'seconds', 0, 600);
      if (typeof seconds === 'string') return seconds;
      const command: ControlCommand = { action: 'burst', rate, seconds };
      if (b.objectBytes !== undefined) {
        const objectBytes = num(b, 'objectBytes', 0, 16 * 1024 * 1024);
        if (typeof objectBytes === 'string') return objectBytes;
        command.objectBytes = objectBytes;
      }
      if (b.withOriginal !== undefined) {
        if (typeof b.withOriginal !== 'boolean') return 'withOriginal must be a boolean';
        command.withOriginal = b.withOriginal;
      }
      if (b.objects !== undefined) {
        const objects = num(b, 'objects', 1, MAX_BURST_OBJECTS);
        if (typeof objects === 'string') return objects;
        command.objects = objects;
      }
      return command;
    }
    default:
      return `unknown action ${JSON.stringify(b.action)}; expected one of drop-sockets, malformed, binary, huge, hostile, stall, drop-stalled-readers, workload, burst, seed-walkthrough`;
  }
}
