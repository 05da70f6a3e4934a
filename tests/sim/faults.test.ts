import { describe, expect, it } from 'vitest';
import { DEFAULT_MALFORMED_TEXT, HOSTILE_MARKUP } from '../../simulator/faults';
import { SEND_BUFFER_MESSAGES } from '../../simulator/hub-connection';
import { api, connect, credentialsUrl, watchSimulator } from './sim-client';

const env = watchSimulator({ machines: 4 }, '*.*.*', 'test');

describe('fault injection (docs/simulator.md)', () => {
  it('drop-sockets ends every socket without a close frame (1006)', async () => {
    const second = await connect(credentialsUrl(env.sim.wsUrl));
    expect(await env.sim.control({ action: 'drop-sockets' })).toEqual({ dropped: 2 });
    expect((await env.client.closed).code).toBe(1006);
    expect((await second.closed).code).toBe(1006);
  });

  it('malformed sends a text frame that is not JSON, and a custom text when given', async () => {
    await env.sim.control({ action: 'malformed' });
    await env.sim.control({ action: 'malformed', text: 'not json at all' });
    const texts = await env.client.waitFor(() => {
      const t = env.client.frames.filter((f) => !f.binary).map((f) => f.text);
      return t.includes('not json at all') ? t : undefined;
    }, 'malformed frames');
    expect(texts).toContain(DEFAULT_MALFORMED_TEXT);
    expect(() => JSON.parse(DEFAULT_MALFORMED_TEXT) as unknown).toThrow();
  });

  it('binary sends a binary frame', async () => {
    expect(await env.sim.control({ action: 'binary' })).toEqual({ sentTo: 1 });
    await env.client.waitFor(() => env.client.frames.some((f) => f.binary), 'binary frame');
  });

  it('huge sends one valid event frame of about the requested size', async () => {
    const result = (await env.sim.control({ action: 'huge', bytes: 300_000 })) as { bytes: number };
    const frame = await env.client.waitFor(() => env.client.frames.find((f) => f.text.length > 100_000), 'huge frame');
    expect(frame.text.length).toBe(result.bytes);
    expect(frame.text.length).toBeGreaterThan(300_000 * 0.95);
    expect(frame.text.length).toBeLessThan(300_000 * 1.05);
    expect(JSON.parse(frame.text)).toMatchObject({ Type: 'machines', Action: 'update' });
  });

  it('hostile sends valid events carrying markup in every string field', async () => {
    const result = (await env.sim.control({ action: 'hostile' })) as { sent: number };
    const events = await env.client.waitFor(() => {
      const found = env.client.nonAcks();
      return found.length >= result.sent ? found : undefined;
    }, 'hostile events');
    expect(events.some((e) => e.Type === HOSTILE_MARKUP)).toBe(true);
    expect(events.some((e) => e.Principal.includes('<img'))).toBe(true);
    expect(events.some((e) => Object.keys(e.Object as object).includes(HOSTILE_MARKUP))).toBe(true);
  });

  it('stall holds delivery, flushes afterwards, and drops silently beyond the 256-message buffer', async () => {
    const stalled = env.sim.control({ action: 'stall', ms: 300 });
    const total = SEND_BUFFER_MESSAGES + 44;
    for (let i = 0; i < total; i++) env.sim.publish({ Type: 'machines', Action: 'update', Key: `m${i}` });
    expect(env.client.nonAcks()).toHaveLength(0);
    await stalled;
    env.sim.publish({ Type: 'sentinel', Action: 'done', Key: 'after-stall' });
    await env.client.waitForEvent((e) => e.Type === 'sentinel', 'sentinel');
    const keys = env.client
      .nonAcks()
      .filter((e) => e.Type === 'machines')
      .map((e) => e.Key);
    expect(keys).toEqual(Array.from({ length: SEND_BUFFER_MESSAGES }, (_, i) => `m${i}`));
    const stats = env.sim.stats().connections[0];
    expect(stats.dropped).toBe(44);
    expect(env.client.ws.readyState).toBe(env.client.ws.OPEN);
  });

  it('workload starts and stops background events', async () => {
    expect(await env.sim.control({ action: 'workload', rate: 200 })).toEqual({ rate: 200 });
    await env.client.waitFor(() => env.client.nonAcks().length >= 20, '20 workload events');
    expect(await env.sim.control({ action: 'workload', rate: 0 })).toEqual({ rate: 0 });
  });
});

describe('burst', () => {
  const droppedTotal = (): number => env.sim.stats().connections.reduce((sum, connection) => sum + connection.dropped, 0);

  it('sends exactly rate*seconds machine updates with Original, no faster than the rate', async () => {
    // Counted from here: the client's Basic login was published too, as its log.audit.frontend line.
    const publishedBefore = env.sim.stats().published;
    const droppedBefore = droppedTotal();
    const result = (await env.sim.control({ action: 'burst', rate: 400, seconds: 1 })) as {
      sent: number;
      firstSendAt: number;
      lastSendAt: number;
    };
    expect(result.sent).toBe(400);
    // Sends never run ahead of the schedule: event n goes out no earlier than (n-1)/rate after the first.
    expect(result.lastSendAt - result.firstSendAt).toBeGreaterThanOrEqual(Math.floor((399 / 400) * 1000) - 2);
    // Every event the simulator delivered arrives. A stalled test process can make it drop a few for a
    // slow reader, as DRP's 256-message buffer does; those are counted, not expected.
    const delivered = 400 - (droppedTotal() - droppedBefore);
    const updates = await env.client.waitFor(() => {
      const found = env.client.nonAcks();
      return found.length >= delivered ? found : undefined;
    }, 'the delivered burst events');
    expect(updates).toHaveLength(delivered);
    expect(updates.every((e) => e.Type === 'machines' && e.Action === 'update' && e.Original !== null)).toBe(true);
    const first = updates[0];
    expect((first.Object as { Uuid: string }).Uuid).toBe(first.Key);
    expect(env.sim.stats().published - publishedBefore).toBe(400);
  });

  it('honours objectBytes and withOriginal', async () => {
    await env.sim.control({ action: 'burst', rate: 100, seconds: 0.1, objectBytes: 30_000, withOriginal: false });
    const events = await env.client.waitFor(() => {
      const found = env.client.nonAcks();
      return found.length >= 10 ? found : undefined;
    }, 'large burst events');
    for (const e of events) {
      expect(e.Original).toBeNull();
      const size = JSON.stringify(e.Object).length;
      expect(size).toBeGreaterThan(27_000);
      expect(size).toBeLessThan(33_000);
    }
  });

  it('under 1,000 objectBytes sends cut-down machines (the deep-window bench’s ~0.9 KB frames)', async () => {
    await env.sim.control({ action: 'burst', rate: 100, seconds: 0.1, objectBytes: 300, withOriginal: true });
    const events = await env.client.waitFor(() => {
      const found = env.client.nonAcks().filter((e) => e.Type === 'machines');
      return found.length >= 10 ? found : undefined;
    }, 'small burst events');
    for (const e of events) {
      const object = e.Object as Record<string, unknown>;
      expect(object.Uuid).toBe(e.Key);
      expect(object.Params).toEqual({});
      expect(JSON.stringify(object).length).toBeLessThan(450);
      expect(JSON.stringify(e).length).toBeLessThan(1100);
    }
  });

  it('spreads the events over `objects` distinct machines', async () => {
    const burstEvents = () => env.client.nonAcks().filter((e) => e.Type === 'machines');
    let droppedBefore = droppedTotal();
    await env.sim.control({ action: 'burst', rate: 1000, seconds: 0.3, objects: 300 });
    const many = await env.client.waitFor(() => {
      const found = burstEvents();
      return found.length >= 300 - (droppedTotal() - droppedBefore) ? found : undefined;
    }, 'one event per object');
    expect(new Set(many.map((e) => e.Key)).size).toBe(many.length);
    env.client.frames.length = 0;
    droppedBefore = droppedTotal();
    await env.sim.control({ action: 'burst', rate: 500, seconds: 0.1, objects: 1 });
    const versions = await env.client.waitFor(() => {
      const found = burstEvents();
      return found.length >= 50 - (droppedTotal() - droppedBefore) ? found : undefined;
    }, 'versions of one object');
    expect(new Set(versions.map((e) => e.Key)).size).toBe(1);
  });

  it('is reachable over POST /sim/control and rejects bad commands with 400', async () => {
    const ok = await api(env.sim.httpUrl, '/sim/control', {
      method: 'POST',
      auth: null,
      body: JSON.stringify({ action: 'burst', rate: 50, seconds: 0.2 }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ sent: 10 });
    const bad = await api(env.sim.httpUrl, '/sim/control', { method: 'POST', auth: null, body: JSON.stringify({ action: 'explode' }) });
    expect(bad.status).toBe(400);
    const badRate = await api(env.sim.httpUrl, '/sim/control', {
      method: 'POST',
      auth: null,
      body: JSON.stringify({ action: 'burst', rate: 'fast', seconds: 1 }),
    });
    expect(badRate.status).toBe(400);
    const stats = await api(env.sim.httpUrl, '/sim/stats', { auth: null });
    expect(stats.body).toMatchObject({ connections: [{ id: expect.any(Number), user: 'rocketskates', registrations: ['*.*.*'] }] });
  });

  it('drop-stalled-readers is off by default, switches over HTTP and rejects bad fields', async () => {
    expect(env.sim.stats().connections[0]).toMatchObject({ writerStopped: false, pings: 0 });
    const post = (body: unknown) => api(env.sim.httpUrl, '/sim/control', { method: 'POST', auth: null, body: JSON.stringify(body) });
    const on = await post({ action: 'drop-stalled-readers', enabled: true });
    expect(on).toMatchObject({ status: 200, body: { dropStalledReaders: true, writeDeadlineMs: 10_000, pongWaitMs: 60_000 } });
    expect((await post({ action: 'drop-stalled-readers' })).status).toBe(400);
    expect((await post({ action: 'drop-stalled-readers', enabled: 'yes' })).status).toBe(400);
    expect((await post({ action: 'drop-stalled-readers', enabled: true, writeDeadlineMs: 0 })).status).toBe(400);
    const off = await post({ action: 'drop-stalled-readers', enabled: false, writeDeadlineMs: 2_000 });
    expect(off.body).toEqual({ dropStalledReaders: false, writeDeadlineMs: 2_000, pongWaitMs: 60_000 });
  });
});
