/**
 * The rate ladder (the throughput target): bursts at rising rates against one client, and for each rung the events
 * counted vs sent, the drain time after the last send, frame intervals during the burst and
 * long-task time. A rung is "sustained" when nothing is lost and the drain is at most 1 s.
 */
import type { Simulator } from '../simulator/simulator';
import { connectionCounters } from './bench-clients';
import type { BenchClient, ClientKind } from './bench-clients';
import { armTarget, readCount, startFrames, stopFrames } from './page-probes';
import type { CountState } from './page-probes';
import { burstCommand } from './payloads';
import type { BurstResult, Payload } from './payloads';
import { frameIntervals, longTaskTotals, sleep } from './stats';
import type { IntervalSummary } from './stats';

export const SUSTAINED_DRAIN_SECONDS = 1;

export interface LadderRow {
  client: ClientKind;
  payload: Payload['id'];
  rate: number;
  seconds: number;
  /** Events the simulator emitted for this burst. */
  sent: number;
  /** Frames written to this client's socket; `sent - delivered` were dropped server-side (docs/reference/drp-protocol.md §7.4). */
  delivered: number;
  serverDropped: number;
  /** Events the client counted (the app: its on-screen received counter). */
  counted: number;
  /** Seconds from the last send until the count reached `sent`; null when it never did. */
  drainSeconds: number | null;
  /** Seconds from the last send until the count last moved (equals drain when all arrived). */
  settleSeconds: number;
  frames: IntervalSummary;
  longTaskMs: number;
  longestTaskMs: number;
  sustained: boolean;
}

export interface LadderOptions {
  rates: readonly number[];
  seconds: number;
  payload: Payload;
  /** Stop climbing after this many consecutive unsustained rungs (saves minutes at rates that drown). */
  stopAfterMisses?: number;
  log?: (line: string) => void;
}

/** Counter quiet for this long after the last send = the client has stopped receiving. */
const QUIET_MS = 1500;
const MAX_DRAIN_WAIT_MS = 20_000;
const POLL_MS = 100;

async function waitForDrain(client: BenchClient, target: number, lastSendAt: number): Promise<CountState> {
  for (;;) {
    const state = await readCount(client.page);
    const now = Date.now();
    if (state.reachedAt > 0 || state.count >= target) return state;
    const quietSince = Math.max(state.lastChangeAt, lastSendAt);
    if (now - quietSince > QUIET_MS || now - lastSendAt > MAX_DRAIN_WAIT_MS) return state;
    await sleep(POLL_MS);
  }
}

export async function runRung(sim: Simulator, client: BenchClient, payload: Payload, rate: number, seconds: number): Promise<LadderRow> {
  const baseline = (await readCount(client.page)).count;
  const before = connectionCounters(sim, client.connectionId);
  const expected = Math.round(rate * seconds);
  await armTarget(client.page, baseline + expected);
  await startFrames(client.page);
  const burst = (await sim.control(burstCommand(payload, rate, seconds))) as BurstResult;
  const final = await waitForDrain(client, baseline + burst.sent, burst.lastSendAt);
  const recording = await stopFrames(client.page);
  const after = connectionCounters(sim, client.connectionId);

  const counted = final.count - baseline;
  const drainSeconds = final.reachedAt > 0 ? Math.max(0, final.reachedAt - burst.lastSendAt) / 1000 : null;
  const settleSeconds = Math.max(0, final.lastChangeAt - burst.lastSendAt) / 1000;
  const windowEnd = Math.max(burst.lastSendAt, final.reachedAt || final.lastChangeAt);
  const tasks = longTaskTotals(recording.longTasks, burst.firstSendAt, windowEnd);
  return {
    client: client.kind,
    payload: payload.id,
    rate,
    seconds,
    sent: burst.sent,
    delivered: after.sent - before.sent,
    serverDropped: after.dropped - before.dropped,
    counted,
    drainSeconds,
    settleSeconds,
    frames: frameIntervals(recording.frames, burst.firstSendAt, burst.lastSendAt),
    longTaskMs: tasks.totalMs,
    longestTaskMs: tasks.longestMs,
    sustained: counted === burst.sent && drainSeconds !== null && drainSeconds <= SUSTAINED_DRAIN_SECONDS,
  };
}

export async function runLadder(sim: Simulator, client: BenchClient, options: LadderOptions): Promise<LadderRow[]> {
  const rows: LadderRow[] = [];
  let misses = 0;
  for (const rate of options.rates) {
    const row = await runRung(sim, client, options.payload, rate, options.seconds);
    rows.push(row);
    options.log?.(
      `  ${client.kind} ${options.payload.id} ${rate}/s: counted ${row.counted}/${row.sent} (server dropped ${row.serverDropped}), drain ${row.drainSeconds?.toFixed(2) ?? 'never'} s, ` +
        `frames p95 ${row.frames.p95.toFixed(1)} ms, long tasks ${row.longTaskMs.toFixed(0)} ms`,
    );
    misses = row.sustained ? 0 : misses + 1;
    if (misses >= (options.stopAfterMisses ?? Number.POSITIVE_INFINITY)) break;
    await sleep(300);
  }
  return rows;
}

/** The highest rate whose rung and every lower rung were sustained; 0 when the first one failed. */
export function maxSustainedRate(rows: readonly LadderRow[]): number {
  let best = 0;
  for (const row of [...rows].sort((a, b) => a.rate - b.rate)) {
    if (!row.sustained) break;
    best = row.rate;
  }
  return best;
}
