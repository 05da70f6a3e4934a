import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator, type ConnectionStats, type Simulator, type SimulatorOptions } from '../../simulator/simulator';
import { connect, credentialsUrl, type SimClient } from './sim-client';

/** melody's timings shortened (DRP: ping 54 s, pong wait 60 s, write deadline 10 s). */
const TIMINGS = { pingIntervalMs: 150, pongWaitMs: 1_500, writeDeadlineMs: 150 };

let sim: Simulator | undefined;
const clients: SimClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) {
    socketOf(c).resume();
    await c.close();
  }
  await sim?.close();
  sim = undefined;
});

async function open(options: SimulatorOptions): Promise<SimClient> {
  sim ??= await startSimulator({ machines: 2, ...options });
  const c = await connect(credentialsUrl(sim.wsUrl));
  clients.push(c);
  await c.register('*.*.*');
  return c;
}

function socketOf(c: SimClient): Socket {
  // The TCP socket under the ws client: pausing it stops reading, the way a blocked tab does.
  return (c.ws as unknown as { _socket: Socket })._socket;
}

function pingCounter(c: SimClient): { count: number } {
  const counter = { count: 0 };
  c.ws.on('ping', () => counter.count++);
  return counter;
}

function onlyConnection(): ConnectionStats | undefined {
  return sim?.stats().connections[0];
}

/** 1 MB events until the kernel buffers are full and writes stay unflushed. */
function flood(until: () => boolean): Promise<void> {
  const big = 'x'.repeat(1_000_000);
  return expect
    .poll(
      () => {
        if (!until()) sim?.publish({ Type: 'machines', Action: 'update', Key: 'flood', Object: { Name: big } });
        return until();
      },
      { timeout: 20_000, interval: 20 },
    )
    .toBe(true);
}

describe('a stalled reader (docs/simulator.md, Fidelity)', () => {
  it('with dropStalledReaders, the writer stops at the write deadline: no frames, no pings, then 1006', async () => {
    const c = await open({ dropStalledReaders: true, timings: TIMINGS });
    const pings = pingCounter(c);
    await expect.poll(() => pings.count, { timeout: 5_000 }).toBeGreaterThan(0);

    socketOf(c).pause();
    await flood(() => onlyConnection()?.writerStopped === true);
    const atStop = onlyConnection() as ConnectionStats;
    sim?.publish({ Type: 'marker', Key: 'after-stop' });
    expect(onlyConnection()?.dropped).toBeGreaterThan(atStop.dropped);

    // No pong can come back, so the read deadline ends the session server-side.
    await expect.poll(() => sim?.stats().connections.length, { timeout: 10_000 }).toBe(0);
    socketOf(c).resume();
    const closed = await c.closed;
    expect(closed.code).toBe(1006);
    expect(c.frames.length).toBeLessThanOrEqual(atStop.sent);
    expect(c.frames.some((f) => f.text.includes('after-stop'))).toBe(false);
    expect(pings.count).toBeLessThanOrEqual(atStop.pings);
  });

  it('by default a paused reader keeps its session and gets everything once it reads again', async () => {
    const c = await open({ timings: { ...TIMINGS, pongWaitMs: 60_000 } });
    socketOf(c).pause();
    // Writes stay unflushed for longer than the write deadline: several ping periods pass.
    let pingsAtFull = 0;
    await flood(() => {
      const stats = onlyConnection();
      if (!stats) return false;
      if (pingsAtFull === 0 && stats.sent > 20) pingsAtFull = stats.pings;
      return pingsAtFull > 0 && stats.pings >= pingsAtFull + 3;
    });
    expect(onlyConnection()?.writerStopped).toBe(false);
    sim?.publish({ Type: 'marker', Key: 'after-pause' });
    socketOf(c).resume();
    await c.waitFor(() => c.frames.some((f) => f.text.includes('after-pause')), 'the marker after the pause', 20_000);
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('the switch can be turned on at run time through /sim/control', async () => {
    const c = await open({ timings: TIMINGS });
    expect(await sim?.control({ action: 'drop-stalled-readers', enabled: true, writeDeadlineMs: 100 })).toEqual({
      dropStalledReaders: true,
      writeDeadlineMs: 100,
      pongWaitMs: TIMINGS.pongWaitMs,
    });
    socketOf(c).pause();
    await flood(() => onlyConnection()?.writerStopped === true);
    await expect.poll(() => sim?.stats().connections.length, { timeout: 10_000 }).toBe(0);
  });
});

describe('pings and the pong deadline are per socket (docs/simulator.md, Fidelity)', () => {
  it('a socket that never pongs is closed without a close frame a pong wait after it opened; one that pongs stays', async () => {
    const timings = { pingIntervalMs: 100, pongWaitMs: 600, writeDeadlineMs: 10_000 };
    const answering = await open({ timings });
    const answeringPings = pingCounter(answering);
    const openedAt = performance.now();
    const silent = new WebSocket(credentialsUrl((sim as Simulator).wsUrl), { autoPong: false });
    const silentClosed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)));
    silent.on('error', () => {});
    const silentPings = { count: 0 };
    silent.on('ping', () => silentPings.count++);

    expect(await silentClosed).toBe(1006);
    expect(performance.now() - openedAt).toBeGreaterThanOrEqual(timings.pongWaitMs - 5);
    expect(silentPings.count).toBeGreaterThan(0);
    // The answering socket outlives several pong waits of its own.
    await expect.poll(() => answeringPings.count, { timeout: 10_000 }).toBeGreaterThan((3 * timings.pongWaitMs) / timings.pingIntervalMs);
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
  });
});
