import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { compareDrpTime, parseDrpTime, type DrpTimestamp } from '../../src/protocol/time';
import { formatGoTimeNanos } from '../../simulator/clock';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { basicHeader, ADMIN, connect, credentialsUrl, type SimClient } from './sim-client';

let sim: Simulator | undefined;
let client: SimClient | undefined;

afterEach(async () => {
  await client?.close();
  await sim?.close();
  client = undefined;
  sim = undefined;
});

async function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<SimClient> {
  sim = await startSimulator({ machines: 2, ...options });
  client = await connect(credentialsUrl(sim.wsUrl));
  await client.register('*.*.*');
  return client;
}

function rawFrame(c: SimClient, marker: string): Promise<string> {
  return c.waitFor(() => c.frames.find((f) => f.text.includes(marker))?.text, `frame ${marker}`);
}

describe('event Time: one monotonic clock in the server zone (docs/simulator.md, Fidelity)', () => {
  it('1,000 sampled times are strictly increasing', async () => {
    const c = await start();
    // In batches below melody's 256-message buffer, so none is dropped.
    for (let batch = 0; batch < 10; batch++) {
      for (let i = 0; i < 100; i++) sim?.publish({ Type: 'sampled', Key: String(batch * 100 + i) });
      await c.waitFor(() => c.nonAcks().filter((e) => e.Type === 'sampled').length === (batch + 1) * 100, `batch ${batch}`);
    }
    const times = c
      .nonAcks()
      .filter((e) => e.Type === 'sampled')
      .map((e) => e.Time);
    expect(times).toHaveLength(1000);
    const parsed = times.map((t) => parseDrpTime(t));
    expect(parsed.every((p) => p !== null)).toBe(true);
    for (let i = 1; i < parsed.length; i++) {
      expect(compareDrpTime(parsed[i - 1] as DrpTimestamp, parsed[i] as DrpTimestamp), `${times[i - 1]} < ${times[i]}`).toBeLessThan(0);
    }
    // RFC3339Nano: 0-9 fraction digits, never a trailing zero.
    for (const t of times) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,8}[1-9])?Z$/);
  });

  it('--tz +02:00 writes that offset on events and acks, and it parses to the same instant', async () => {
    const before = Date.now();
    const c = await start({ tz: '+02:00' });
    sim?.publish({ Type: 'zoned' });
    const event = await c.waitForEvent((e) => e.Type === 'zoned', 'zoned event');
    expect(event.Time).toMatch(/\+02:00$/);
    expect(c.acksFor('register', '*.*.*')[0]?.Time).toMatch(/\+02:00$/);
    const parsed = parseDrpTime(event.Time);
    expect(parsed?.epochMs).toBeGreaterThanOrEqual(before);
    expect(parsed?.epochMs).toBeLessThanOrEqual(Date.now());
  });

  it('an IANA zone name gives its offset', async () => {
    const c = await start({ tz: 'Asia/Kolkata' });
    sim?.publish({ Type: 'zoned' });
    expect((await c.waitForEvent((e) => e.Type === 'zoned', 'zoned event')).Time).toMatch(/\+05:30$/);
  });

  it("formats like Go's RFC3339Nano in the zone: zeros trimmed, no fraction when zero, Z only for UTC", () => {
    const at = BigInt(Date.UTC(2021, 7, 30, 14, 2, 11)) * 1_000_000n;
    expect(formatGoTimeNanos(at, -300)).toBe('2021-08-30T09:02:11-05:00');
    expect(formatGoTimeNanos(at + 538_920_400n, 330)).toBe('2021-08-30T19:32:11.5389204+05:30');
    expect(formatGoTimeNanos(at + 1n, 0)).toBe('2021-08-30T14:02:11.000000001Z');
  });

  it('an unknown zone fails the start', async () => {
    await expect(startSimulator({ tz: 'Mars/Olympus' })).rejects.toThrow(/unknown time zone/);
  });
});

describe("Go's JSON encoding on the wire (docs/simulator.md, Fidelity)", () => {
  it('escapes < > & U+2028 U+2029 as Go does, in events and acks', async () => {
    const c = await start();
    await c.register('esc.*.*');
    sim?.publish({ Type: 'esc', Key: 'a<b>&c\u2028d\u2029', Object: { Name: '<x>' } });
    const text = await rawFrame(c, '"Type":"esc"');
    expect(text).toContain('"Key":"a\\u003cb\\u003e\\u0026c\\u2028d\\u2029"');
    expect(text).toContain('"Name":"\\u003cx\\u003e"');
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toMatchObject({ Key: 'a<b>&c\u2028d\u2029' });
  });

  it('keeps struct field order and sorts map keys (Params, Meta, posted payloads) by bytes', async () => {
    const c = await start();
    sim?.publish({
      Type: 'profiles',
      Action: 'update',
      Key: 'order',
      Object: {
        Name: 'order',
        Description: 'd',
        Params: { zeta: 1, '10': { y: 1, b: [{ z: 1, a: 2 }] }, alpha: 2 },
        Meta: { z: 'z', a: 'a' },
      },
    });
    sim?.publish({ Type: 'posted-thing', Object: { b: 1, '10': 2, a: { d: 1, c: 2 } } });
    const profile = await rawFrame(c, '"Key":"order"');
    expect(profile).toMatch(/^\{"Time":"[^"]+","Type":"profiles","Action":"update","Key":"order","Principal":"","Object":/);
    expect(profile).toContain(
      '"Object":{"Name":"order","Description":"d","Params":{"10":{"b":[{"a":2,"z":1}],"y":1},"alpha":2,"zeta":1},"Meta":{"a":"a","z":"z"}}',
    );
    const posted = await rawFrame(c, '"Type":"posted-thing"');
    expect(posted).toContain('"Object":{"10":2,"a":{"c":2,"d":1},"b":1}');
    // Byte order, not UTF-16 order: U+FFFD (EF BF BD) sorts before U+1F600 (F0 9F 98 80).
    sim?.publish({ Type: 'posted-astral', Object: { '\u{1F600}': 1, '\uFFFD': 2, '2': 3, '10': 4 } });
    expect(await rawFrame(c, '"Type":"posted-astral"')).toContain('"Object":{"10":4,"2":3,"\uFFFD":2,"\u{1F600}":1}');
  });

  it('REST bodies go through the same encoder', async () => {
    await start();
    const http = sim as Simulator;
    const put = await fetch(`${http.httpUrl}/api/v3/profiles`, {
      method: 'POST',
      headers: { Authorization: basicHeader(ADMIN.user, ADMIN.password), 'Content-Type': 'application/json' },
      body: JSON.stringify({ Name: 'go-json', Description: '<b>&', Params: { z: 1, a: 2 } }),
    });
    const text = await put.text();
    expect(put.status).toBe(201);
    expect(text).toContain('"Description":"\\u003cb\\u003e\\u0026"');
    expect(text).toContain('"Params":{"a":2,"z":1}');
  });
});

describe('invalid UTF-8 in a text frame (docs/simulator.md, Fidelity)', () => {
  it('is accepted like gorilla does: no 1007 close, the command is handled', async () => {
    const c = await start();
    // "register bad.\xff.*" as a text frame: ws would close with 1007 unless validation is off.
    c.ws.send(Buffer.concat([Buffer.from('register bad.'), Buffer.from([0xff]), Buffer.from('.*')]), { binary: false });
    const ack = await c.waitForEvent((e) => e.Type === 'websocket' && e.Key.startsWith('bad.'), 'ack for the invalid UTF-8 spec');
    expect(ack.Action).toBe('register');
    expect(c.ws.readyState).toBe(WebSocket.OPEN);
    await c.register('still.open.*');
  });
});
