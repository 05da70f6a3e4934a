import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RestResult, ServerInfo } from '../../../src/connection/rest-client';
import { COMMAND_TOO_LONG_MESSAGE } from '../../../src/store/close-reason';
import { INFO } from '../support/fake-network';
import { ackFrame, eventFrame } from '../support/frames';
import { createTestStore } from '../support/test-store';
import type { TestStoreOptions } from '../support/test-store';

const PASSWORD = 'r0cketsk8ts';
const START = Date.UTC(2026, 0, 1, 12, 0, 0);

/** random() = 0: the first retry comes after exactly 100 ms, every later one after the 1 s base, so the tests can step to them. */
function setup(network: TestStoreOptions['network'] = {}, options: TestStoreOptions = {}) {
  return createTestStore({ network, reconnectPolicy: { random: () => 0 }, ...options });
}

async function connectedWithPassword(t: ReturnType<typeof setup>, specs: string[] = ['machines.*.*']) {
  await t.actions.connect({ endpoint: 'http://127.0.0.1:9000', auth: 'password', username: 'rocketskates', password: PASSWORD });
  t.last().open();
  for (const spec of specs) t.actions.register(spec);
  t.ingest(...specs.map((spec) => ackFrame('register', spec)));
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reconnect after an unexpected close', () => {
  it('waits the backoff, grants a fresh token, re-registers, and resumes on the acks', async () => {
    const t = setup();
    await connectedWithPassword(t, ['machines.*.*', 'jobs.*.*']);
    t.ingest(eventFrame('machines', 'update', 'a'), eventFrame('machines', 'update', 'b'));

    t.last().serverClose(1006);

    const { connection } = t.store.getState();
    expect(connection.status).toBe('reconnecting');
    expect(connection.reconnect).toEqual({ attempt: 1, nextAttemptAt: START + 100 });
    expect(connection.message).toContain('connection lost');
    expect(t.store.getState().subscriptions.map((s) => s.status)).toEqual(['pending', 'pending']);
    expect(t.store.getState().gaps).toEqual([{ id: 1, afterSeq: 2, from: START, to: 0, cause: 'lost' }]);

    await vi.advanceTimersByTimeAsync(99);
    expect(t.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.grantCalls).toHaveLength(2);
    expect(t.infoCalls[1]?.auth).toEqual({ kind: 'bearer', token: 'granted-2' });
    expect(t.sockets).toHaveLength(2);
    expect(t.last().url).toBe('ws://127.0.0.1:9000/api/v3/ws?token=granted-2');
    expect(t.store.getState().connection.reconnect).toEqual({ attempt: 1, nextAttemptAt: 0 });

    t.last().open();
    expect(t.store.getState().connection.status).toBe('open');
    expect(t.last().sent).toEqual(['register machines.*.*', 'register jobs.*.*']);
    // Events may flow before every ack is in; the gap stays open until then.
    t.ingest(ackFrame('register', 'machines.*.*'), eventFrame('machines', 'update', 'c'));
    expect(t.store.getState().gaps[0]?.to).toBe(0);
    expect(t.store.getState().counters.reconnects).toBe(0);

    vi.setSystemTime(START + 1500);
    t.ingest(ackFrame('register', 'jobs.*.*'));
    expect(t.store.getState().subscriptions.map((s) => s.status)).toEqual(['active', 'active']);
    expect(t.store.getState().gaps).toEqual([{ id: 1, afterSeq: 2, from: START, to: START + 1500, cause: 'lost' }]);
    expect(t.store.getState().counters.reconnects).toBe(1);
    // Received counts since Connect: a reconnect does not restart them.
    expect(t.store.getState().counters.received).toBe(3);
  });

  it('places the gap after frames that arrived before the close but were not flushed yet', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.store.getState().actions.ingestFrame(eventFrame('machines', 'update', 'queued'));
    expect(t.store.getState().buffered).toBe(0);
    t.last().serverClose(1006);
    expect(t.store.getState().buffered).toBe(1);
    expect(t.store.getState().gaps[0]?.afterSeq).toBe(1);
  });

  it('keeps the password out of state and reuses a typed token as it is', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    expect(JSON.stringify(t.store.getState())).not.toContain(PASSWORD);

    const u = setup();
    await u.actions.connect({ endpoint: 'drp', auth: 'token', token: 'typed-token' });
    u.last().open();
    u.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    expect(u.grantCalls).toHaveLength(0);
    expect(u.last().url).toBe('wss://drp:8092/api/v3/ws?token=typed-token');
  });

  it('resumes without acks when there is nothing to re-register', async () => {
    const t = setup();
    await connectedWithPassword(t, []);
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    t.last().open();
    expect(t.store.getState().gaps[0]?.to).toBe(START + 1000);
    expect(t.store.getState().counters.reconnects).toBe(1);
  });

  it('resumes when a re-register times out (old servers never ack)', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    t.last().open();
    await vi.advanceTimersByTimeAsync(5000);
    expect(t.store.getState().subscriptions[0]?.status).toBe('failed');
    expect(t.store.getState().gaps[0]?.to).toBe(START + 6000);
  });

  it('explains a 1009 close in words and still reconnects', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1009, 'message too big', true);
    const { connection } = t.store.getState();
    expect(connection).toMatchObject({ status: 'reconnecting', closeCode: 1009, message: COMMAND_TOO_LONG_MESSAGE });
    expect(COMMAND_TOO_LONG_MESSAGE).toContain('a command exceeded 512 bytes; the server closed the socket');
  });

  it('backs off while /api/v3/info keeps failing: never an attempt before its delay', async () => {
    let failing = false;
    let infoCalls = 0;
    const fetchInfo = async (): Promise<RestResult<ServerInfo>> => {
      infoCalls += 1;
      return failing ? { ok: false, failure: { kind: 'unreachable', detail: 'network error' } } : INFO;
    };
    // random() = 1: the largest delay each step allows: 300 ms first, then 3 s, 9 s, 27 s, then the 30 s cap.
    const t = setup({ fetchInfo }, { reconnectPolicy: { random: () => 1 } });
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    failing = true;
    t.last().serverClose(1006);
    const callsAfterConnect = infoCalls;

    const expectedDelays = [300, 3000, 9000, 27_000, 30_000, 30_000];
    for (const [index, delay] of expectedDelays.entries()) {
      const { reconnect } = t.store.getState().connection;
      expect(reconnect?.nextAttemptAt).toBe(Date.now() + delay);
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(infoCalls).toBe(callsAfterConnect + index);
      await vi.advanceTimersByTimeAsync(1);
      expect(infoCalls).toBe(callsAfterConnect + index + 1);
      expect(t.store.getState().connection).toMatchObject({
        status: 'reconnecting',
        message: `reconnect attempt ${index + 1} failed: unreachable (network error)`,
      });
    }
    expect(t.sockets).toHaveLength(1);

    failing = false;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(t.sockets).toHaveLength(2);
  });

  it('retries when the handshake of an attempt fails', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    t.last().serverClose(1006);
    expect(t.store.getState().connection).toMatchObject({ status: 'reconnecting', reconnect: { attempt: 2 } });
    expect(t.store.getState().gaps).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.sockets).toHaveLength(3);
  });

  it('stops when the server refuses the credentials, and says so', async () => {
    let refuse = false;
    const t = setup({
      fetchInfo: async () => (refuse ? { ok: false, failure: { kind: 'credentials', status: 403 } } : INFO),
    });
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    refuse = true;
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.store.getState().connection.status).toBe('error');
    expect(t.store.getState().connection.message).toContain('reconnect stopped: wrong credentials');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sockets).toHaveLength(1);
  });

  it('"Reconnect now" skips the rest of the delay', async () => {
    const t = setup({}, { reconnectPolicy: { random: () => 1 } });
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    expect(t.store.getState().connection.reconnect?.nextAttemptAt).toBe(START + 300);
    t.actions.reconnectNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sockets).toHaveLength(2);
    // The scheduled attempt was cancelled, not merely raced.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.sockets).toHaveLength(2);
  });
});

describe('the user disconnecting', () => {
  it('never triggers a reconnect', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.actions.disconnect();
    expect(t.store.getState().connection).toMatchObject({ status: 'closed', closeCode: 1000 });
    expect(t.store.getState().connection.reconnect).toBeUndefined();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.grantCalls).toHaveLength(1);
    expect(t.store.getState().gaps).toEqual([{ id: 1, afterSeq: 0, from: START, to: 0, cause: 'user' }]);
  });

  it('cancels a pending reconnect', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    t.actions.disconnect();
    expect(t.store.getState().connection).toMatchObject({ status: 'closed', message: 'reconnect cancelled' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sockets).toHaveLength(1);
  });

  it("during the handshake of an attempt: the close is the user's, no retry and no new gap", async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.sockets).toHaveLength(2);
    t.actions.disconnect();
    expect(t.last().closedByClient).toBe(true);
    expect(t.store.getState().connection).toMatchObject({ status: 'closed', closeCode: 1000 });
    expect(t.store.getState().connection.reconnect).toBeUndefined();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sockets).toHaveLength(2);
    expect(t.store.getState().gaps).toEqual([{ id: 1, afterSeq: 0, from: START, to: 0, cause: 'lost' }]);
  });

  it('dispose stops a pending reconnect and leaves no timer behind', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.last().serverClose(1006);
    t.actions.register('jobs.*.*');
    t.actions.dispose();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sockets).toHaveLength(1);
  });

  it('cancels an attempt in flight', async () => {
    let release: (value: RestResult<ServerInfo>) => void = () => undefined;
    let calls = 0;
    const t = setup({
      fetchInfo: (): Promise<RestResult<ServerInfo>> => {
        calls += 1;
        return calls === 1 ? Promise.resolve(INFO) : new Promise((resolve) => (release = resolve));
      },
    });
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    t.actions.disconnect();
    release(INFO);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.store.getState().connection.status).toBe('closed');
  });

  it('a new Connect ends the old gap once its registers are acked, without counting a reconnect', async () => {
    const t = setup();
    await connectedWithPassword(t);
    t.actions.disconnect();
    vi.setSystemTime(START + 5000);
    await t.actions.connect({ endpoint: 'http://127.0.0.1:9000', auth: 'password', username: 'rocketskates', password: PASSWORD });
    t.last().open();
    t.ingest(ackFrame('register', 'machines.*.*'));
    expect(t.store.getState().gaps).toEqual([{ id: 1, afterSeq: 0, from: START, to: START + 5000, cause: 'user' }]);
    expect(t.store.getState().counters.reconnects).toBe(0);
  });
});

describe('gaps and the ring', () => {
  it('drop a gap once it no longer borders a buffered event', async () => {
    const t = setup({}, { capacity: 3 });
    await connectedWithPassword(t, []);
    t.ingest(eventFrame('machines', 'update', 'a'), eventFrame('machines', 'update', 'b'));
    t.last().serverClose(1006);
    await vi.advanceTimersByTimeAsync(1000);
    t.last().open();
    expect(t.store.getState().gaps).toHaveLength(1);
    t.ingest(eventFrame('machines', 'update', 'c'), eventFrame('machines', 'update', 'd'));
    // Ring holds b, c, d: b (seq 2) is right before the gap, so it still marks something.
    expect(t.store.getState().gaps).toHaveLength(1);
    t.ingest(eventFrame('machines', 'update', 'e'));
    // Ring holds c, d, e: the gap still marks the boundary before the oldest event.
    expect(t.store.getState().gaps).toHaveLength(1);
    t.ingest(eventFrame('machines', 'update', 'f'));
    expect(t.store.getState().gaps).toEqual([]);
  });

  it('keep one gap per disconnected interval', async () => {
    const t = setup();
    await connectedWithPassword(t, []);
    for (let i = 0; i < 3; i += 1) {
      t.ingest(eventFrame('machines', 'update', `k${i}`));
      t.last().serverClose(1006);
      await vi.advanceTimersByTimeAsync(1000);
      // Still down: the failed handshake continues the same gap.
      t.last().serverClose(1006);
      await vi.advanceTimersByTimeAsync(1000);
      t.last().open();
      await vi.advanceTimersByTimeAsync(10_000);
    }
    expect(t.store.getState().gaps.map((gap) => gap.afterSeq)).toEqual([1, 2, 3]);
    expect(t.store.getState().counters.reconnects).toBe(3);
  });
});
