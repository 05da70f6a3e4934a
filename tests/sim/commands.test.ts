import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDrpTime } from '../../src/protocol/time';
import { startSimulator, type Simulator } from '../../simulator/simulator';
import { connect, credentialsUrl, type SimClient } from './sim-client';

let sim: Simulator;
let client: SimClient;

beforeEach(async () => {
  sim = await startSimulator({ machines: 2 });
  client = await connect(credentialsUrl(sim.wsUrl));
});
afterEach(async () => {
  await client.close();
  await sim.close();
});

/**
 * Publishes `events`, then a sentinel the client is registered for, and waits for the sentinel.
 * Delivery on one socket is in order, so anything from `events` that was going to arrive has
 * arrived by then: "nothing else came" without waiting on a timer.
 */
async function publishThenSentinel(events: Array<{ Type: string; Action: string; Key: string; Object?: unknown }>): Promise<void> {
  await client.register('sentinel.done.*');
  const key = `s${Math.random()}`;
  for (const e of events) sim.publish(e);
  sim.publish({ Type: 'sentinel', Action: 'done', Key: key });
  await client.waitForEvent((e) => e.Type === 'sentinel' && e.Key === key, 'sentinel');
}

function delivered(type: string): string[] {
  return client
    .nonAcks()
    .filter((e) => e.Type === type)
    .map((e) => `${e.Action}:${e.Key}`);
}

describe('acks (docs/reference/drp-protocol.md §2.3)', () => {
  it('acks every valid command with the exact shape and key order, only to that socket', async () => {
    const other = await connect(credentialsUrl(sim.wsUrl));
    await other.register('x.y.z');
    client.send('register machines.*.*');
    await client.waitFor(() => client.frames.length > 0, 'ack');
    const raw = client.frames[0].text;
    const ack = JSON.parse(raw) as Record<string, unknown>;
    expect(Object.keys(ack)).toEqual(['Time', 'Type', 'Action', 'Key', 'Principal', 'Object', 'Original']);
    expect(ack).toMatchObject({ Type: 'websocket', Action: 'register', Key: 'machines.*.*', Principal: '', Object: null, Original: null });
    expect(parseDrpTime(ack.Time as string)).not.toBeNull();
    await publishThenSentinel([]);
    await other.register('sentinel2.*.*');
    expect(other.acksFor('register', 'machines.*.*')).toHaveLength(0);
    await other.close();
  });

  it('trims the whole message and keeps the spec after the first space unmodified', async () => {
    client.send('  register machines.update.*  \n');
    await client.waitFor(() => client.acksFor('register', 'machines.update.*')[0], 'trimmed ack');
    client.send('register  profiles.*.*');
    await client.waitFor(() => client.acksFor('register', ' profiles.*.*')[0], 'leading-space ack');
    expect(sim.stats().connections[0].registrations).toEqual(['machines.update.*', ' profiles.*.*']);
    await client.deregister('profiles.*.*');
    expect(sim.stats().connections[0].registrations).toEqual(['machines.update.*', ' profiles.*.*']);
    // A v3 server would never match ' profiles'; v4.5.4+ list matching trims each item (§3.2),
    // and the simulator matches like a v4 server, so the stored spec does match.
    await publishThenSentinel([{ Type: 'profiles', Action: 'update', Key: 'global' }]);
    expect(delivered('profiles')).toEqual(['update:global']);
  });

  it('deduplicates by exact string but still acks', async () => {
    await client.register('machines.*.*');
    await client.register('machines.*.*');
    expect(client.acksFor('register', 'machines.*.*')).toHaveLength(2);
    expect(sim.stats().connections[0].registrations).toEqual(['machines.*.*']);
  });

  it('deregister removes only the exact string and is acked even when nothing matched', async () => {
    await client.register('machines.update.*');
    await client.register('machines.create.*');
    await client.deregister('machines.*.*');
    expect(sim.stats().connections[0].registrations).toEqual(['machines.update.*', 'machines.create.*']);
    await client.deregister('machines.update.*');
    expect(sim.stats().connections[0].registrations).toEqual(['machines.create.*']);
    await publishThenSentinel([
      { Type: 'machines', Action: 'update', Key: 'a' },
      { Type: 'machines', Action: 'create', Key: 'b' },
    ]);
    expect(delivered('machines')).toEqual(['create:b']);
  });
});

describe('ignored input (§2.1, §2.2)', () => {
  it('ignores unknown verbs, tabs, bare verbs and binary frames, and keeps the socket open', async () => {
    client.send('Register machines.*.*');
    client.send('register\tmachines.*.*');
    client.send('register');
    client.send('subscribe *.*.*');
    client.send('hello');
    client.ws.send(Buffer.from('register *.*.*'), { binary: true });
    await client.register('jobs.*.*');
    expect(client.events().map((e) => `${e.Action} ${e.Key}`)).toEqual(['register jobs.*.*']);
    expect(sim.stats().connections[0].registrations).toEqual(['jobs.*.*']);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it('stores a spec with fewer than 3 parts, acks it, and never matches or crashes on it', async () => {
    await client.register('*');
    await client.register('machines.update');
    expect(sim.stats().connections[0].registrations).toEqual(['*', 'machines.update']);
    await publishThenSentinel([
      { Type: 'machines', Action: 'update', Key: 'k' },
      { Type: '*', Action: 'update', Key: 'k' },
    ]);
    expect(delivered('machines')).toEqual([]);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it('accepts a 512-byte command and closes with 1009 above 512 bytes', async () => {
    const spec512 = `machines.*.${'a'.repeat(512 - 'register machines.*.'.length)}`;
    await client.register(spec512);
    client.send(`register machines.*.${'b'.repeat(512 - 'register machines.*.'.length + 1)}`);
    const closed = await client.closed;
    expect(closed.code).toBe(1009);
  });
});

describe('matching (§3.1, §3.2)', () => {
  it('matches *, comma lists and escapes per field', async () => {
    await client.register('machines,profiles.update,create.*');
    await client.register('templates.update.my\\1ks\\1tmpl');
    await client.register('params.*.a\\2b,c');
    await publishThenSentinel([
      { Type: 'machines', Action: 'update', Key: 'm1' },
      { Type: 'machines', Action: 'delete', Key: 'm2' },
      { Type: 'profiles', Action: 'create', Key: 'p1' },
      { Type: 'jobs', Action: 'update', Key: 'j1' },
      { Type: 'templates', Action: 'update', Key: 'my.ks.tmpl' },
      { Type: 'templates', Action: 'update', Key: 'myXks.tmpl' },
      { Type: 'params', Action: 'save', Key: 'a,b' },
      { Type: 'params', Action: 'save', Key: 'c' },
      { Type: 'params', Action: 'save', Key: 'a' },
    ]);
    expect(delivered('machines')).toEqual(['update:m1']);
    expect(delivered('profiles')).toEqual(['create:p1']);
    expect(delivered('jobs')).toEqual([]);
    expect(delivered('templates')).toEqual(['update:my.ks.tmpl']);
    expect(delivered('params')).toEqual(['save:a,b', 'save:c']);
  });

  it('keeps further dots in the key field and treats * inside a list as literal', async () => {
    await client.register('templates.update.my.ks.tmpl');
    await client.register('machines,*.update.*');
    await publishThenSentinel([
      { Type: 'templates', Action: 'update', Key: 'my.ks.tmpl' },
      { Type: 'jobs', Action: 'update', Key: 'x' },
      { Type: '*', Action: 'update', Key: 'y' },
    ]);
    expect(delivered('templates')).toEqual(['update:my.ks.tmpl']);
    expect(delivered('jobs')).toEqual([]);
    expect(delivered('*')).toEqual(['update:y']);
  });

  it('delivers an event once even when several specs match', async () => {
    await client.register('*.*.*');
    await client.register('machines.*.*');
    await client.register('machines.update.m1');
    await publishThenSentinel([{ Type: 'machines', Action: 'update', Key: 'm1' }]);
    expect(delivered('machines')).toEqual(['update:m1']);
  });

  it('matches machine_jobs against the job Machine field', async () => {
    await client.register('machine_jobs.*.m-uuid');
    await publishThenSentinel([
      { Type: 'jobs', Action: 'create', Key: 'job-1', Object: { Machine: 'm-uuid' } },
      { Type: 'jobs', Action: 'create', Key: 'job-2', Object: { Machine: 'other' } },
    ]);
    expect(delivered('jobs')).toEqual(['create:job-1']);
  });
});
