import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packFrames } from '../../../src/connection/frame-text';
import { receiveBinaryFrame, receiveTextFrame } from '../../../src/connection/received-frame';
import type { RestResult, ServerInfo } from '../../../src/connection/rest-client';
import { INFO } from '../support/fake-network';
import { ackFrame, eventFrame } from '../support/frames';
import { createTestStore } from '../support/test-store';
import type { TestStoreOptions } from '../support/test-store';

const setup = (network: TestStoreOptions['network'] = {}) => createTestStore({ network });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('connect', () => {
  it('checks the token over REST, then opens the socket with ?token=', async () => {
    const t = setup();
    await t.actions.connect({ endpoint: 'drp.example:8092', auth: 'token', token: 'abcdef=' });
    expect(t.infoCalls).toEqual([{ httpBase: 'https://drp.example:8092', auth: { kind: 'bearer', token: 'abcdef=' } }]);
    expect(t.last().url).toBe('wss://drp.example:8092/api/v3/ws?token=abcdef%3D');
    const { connection } = t.store.getState();
    expect(connection.status).toBe('connecting');
    expect(connection.serverVersion).toBe('v4.12.0');
    expect(connection.tokenMask).toBe('abcd…');
    expect(JSON.stringify(t.store.getState())).not.toContain('abcdef');
    t.last().open();
    expect(t.store.getState().connection.status).toBe('open');
  });

  it('grants a token from username/password and never puts the password in the URL', async () => {
    const t = setup();
    await t.actions.connect({ endpoint: 'http://127.0.0.1:9000', auth: 'password', username: 'rocketskates', password: 'r0cketsk8ts' });
    expect(t.grantCalls).toEqual([{ httpBase: 'http://127.0.0.1:9000', username: 'rocketskates', ttl: 3600 }]);
    expect(t.infoCalls[0]?.auth).toEqual({ kind: 'bearer', token: 'granted+token/==' });
    expect(t.last().url).toBe(`ws://127.0.0.1:9000/api/v3/ws?token=${encodeURIComponent('granted+token/==')}`);
    expect(t.last().url).not.toContain('r0cketsk8ts');
    expect(t.store.getState().connection.authMode).toBe('granted-token');
  });

  it('falls back to user:password in the socket URL when the grant is refused', async () => {
    const t = setup({ fetchUserToken: async () => ({ ok: false, failure: { kind: 'http', status: 404 } }) });
    await t.actions.connect({ endpoint: 'drp', auth: 'password', username: 'u', password: 'p&w' });
    expect(t.infoCalls[0]?.auth).toEqual({ kind: 'basic', username: 'u', password: 'p&w' });
    expect(t.last().url).toBe('wss://drp:8092/api/v3/ws?token=u%3Ap%26w');
    expect(t.store.getState().connection.authMode).toBe('password-in-url');
    expect(t.store.getState().connection.tokenMask).toBe('');
  });

  it('reports wrong credentials without falling back or opening a socket', async () => {
    const t = setup({ fetchUserToken: async () => ({ ok: false, failure: { kind: 'credentials', status: 403 } }) });
    await t.actions.connect({ endpoint: 'drp', auth: 'password', username: 'u', password: 'bad' });
    expect(t.sockets).toHaveLength(0);
    expect(t.infoCalls).toHaveLength(0);
    expect(t.store.getState().connection).toMatchObject({ status: 'error', message: 'wrong credentials' });
  });

  it('reports an untrusted certificate with the URL to accept it', async () => {
    const t = setup({ fetchInfo: async () => ({ ok: false, failure: { kind: 'certificate', acceptUrl: 'https://drp:8092/' } }) });
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    expect(t.sockets).toHaveLength(0);
    const { connection } = t.store.getState();
    expect(connection.status).toBe('error');
    expect(connection.certificateUrl).toBe('https://drp:8092/');
    expect(connection.message).toContain('open https://drp:8092/ to accept the certificate');
  });

  it('refuses an unusable endpoint or missing credentials before any request', async () => {
    const t = setup();
    await t.actions.connect({ endpoint: 'ftp://drp', auth: 'token', token: 'tok' });
    expect(t.store.getState().connection.status).toBe('error');
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: '  ' });
    expect(t.store.getState().connection.status).toBe('error');
    expect(t.infoCalls).toHaveLength(0);
  });

  it('shows close code, reason and wasClean, and disconnects cleanly', async () => {
    const t = setup();
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    t.actions.disconnect();
    expect(t.last().closedByClient).toBe(true);
    expect(t.store.getState().connection).toMatchObject({ status: 'closed', closeCode: 1000, wasClean: true });
  });

  it('explains a 1006 during the handshake on https', async () => {
    const t = setup();
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().serverClose(1006);
    const { connection } = t.store.getState();
    expect(connection).toMatchObject({ status: 'closed', closeCode: 1006, wasClean: false, certificateUrl: 'https://drp:8092/' });
  });

  it('restarts the received counter on a new connect', async () => {
    const t = setup();
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    t.ingest(eventFrame('machines', 'update', 'a'), eventFrame('machines', 'update', 'b'));
    expect(t.store.getState().counters.received).toBe(2);
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    expect(t.store.getState().counters.received).toBe(0);
    expect(t.store.getState().buffered).toBe(2);
  });

  it('ignores the result of a connect superseded by disconnect', async () => {
    let release: (value: RestResult<ServerInfo>) => void = () => undefined;
    const t = setup({ fetchInfo: () => new Promise((resolve) => (release = resolve)) });
    const pending = t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    expect(t.store.getState().connection.status).toBe('checking');
    t.actions.disconnect();
    release(INFO);
    await pending;
    expect(t.sockets).toHaveLength(0);
    expect(t.store.getState().connection.status).toBe('closed');
  });
});

describe('subscriptions', () => {
  async function connected() {
    const t = setup();
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    return t;
  }

  it('sends a register, goes pending, then active on its ack', async () => {
    const t = await connected();
    expect(t.actions.register('machines.*.*')).toEqual({ ok: true, text: 'register machines.*.*' });
    expect(t.last().sent).toEqual(['register machines.*.*']);
    expect(t.store.getState().subscriptions[0]).toMatchObject({ spec: 'machines.*.*', status: 'pending' });
    t.ingest(ackFrame('register', 'machines.*.*'));
    expect(t.store.getState().subscriptions[0]?.status).toBe('active');
    expect(t.store.getState().buffered).toBe(0);
    expect(t.store.getState().counters.acks).toBe(1);
    expect(t.store.getState().counters.received).toBe(0);
  });

  it('rejects an invalid spec with a reason and sends nothing', async () => {
    const t = await connected();
    const check = t.actions.register('machines.*');
    expect(check.ok).toBe(false);
    expect(t.last().sent).toEqual([]);
    expect(t.store.getState().subscriptions).toEqual([]);
  });

  it('does not send a duplicate register', async () => {
    const t = await connected();
    t.actions.register('jobs.*.*');
    t.actions.register('jobs.*.*');
    t.ingest(ackFrame('register', 'jobs.*.*'));
    t.actions.register('jobs.*.*');
    expect(t.last().sent).toEqual(['register jobs.*.*']);
    expect(t.store.getState().subscriptions).toHaveLength(1);
  });

  it('marks a register failed when no ack comes within 5 s, and accepts a late ack', async () => {
    const t = await connected();
    t.actions.register('jobs.*.*');
    vi.advanceTimersByTime(4999);
    expect(t.store.getState().subscriptions[0]?.status).toBe('pending');
    vi.advanceTimersByTime(1);
    expect(t.store.getState().subscriptions[0]?.status).toBe('failed');
    t.ingest(ackFrame('register', 'jobs.*.*'));
    expect(t.store.getState().subscriptions[0]?.status).toBe('active');
  });

  it('counts events per subscription by local matching, and unattributed ones', async () => {
    const t = await connected();
    t.actions.register('machines.*.*');
    t.actions.register('*.update.*');
    t.ingest(
      ackFrame('register', 'machines.*.*'),
      eventFrame('machines', 'update', 'm1'),
      eventFrame('machines', 'create', 'm2'),
      eventFrame('jobs', 'update', 'j1'),
      eventFrame('profiles', 'save', 'p1'),
    );
    const [machines, updates] = t.store.getState().subscriptions;
    expect(machines?.count).toBe(2);
    expect(updates?.count).toBe(2);
    expect(t.store.getState().counters.unattributed).toBe(1);
    expect(t.store.getState().counters.received).toBe(4);
  });

  it('ingests the socket’s pre-classified batches without parsing them again, jobs specs included', async () => {
    const t = await connected();
    t.actions.register('machine_jobs.*.m-1');
    const job = receiveTextFrame(eventFrame('jobs', 'update', 'j1', { Machine: 'm-1', State: 'running' }));
    const other = receiveTextFrame(eventFrame('jobs', 'update', 'j2', { Machine: 'm-2' }));
    if (job.kind !== 'event' || other.kind !== 'event') throw new Error('fixtures must be events');
    // The store trusts the header: a frame text it re-parsed would not yield this Key.
    const relabelled = { ...job, header: { ...job.header, Key: 'from-the-header' } };
    const batch = packFrames([receiveTextFrame(ackFrame('register', 'machine_jobs.*.m-1')), relabelled, other, receiveBinaryFrame(5)]);
    t.last().handlers.onFrames(batch.frames);
    expect(t.store.getState().counters.received).toBe(0);
    t.scheduler.flushAll();
    const state = t.store.getState();
    expect(state.revision).toBe(1);
    expect(state.subscriptions[0]).toMatchObject({ status: 'active', count: 1 });
    expect(state.counters).toMatchObject({ received: 2, unattributed: 1, malformed: 1, acks: 1 });
    expect(t.events.record(1)).toMatchObject({ key: 'from-the-header', type: 'jobs', raw: job.raw });
  });

  it('drops a replaced socket’s late batch: its events belong to the old session', async () => {
    const t = await connected();
    const old = t.last();
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok2' });
    t.last().open();
    old.handlers.onFrames(packFrames([receiveTextFrame(eventFrame('machines', 'update', 'late', {}))]).frames);
    t.last().handlers.onFrames(packFrames([receiveTextFrame(eventFrame('machines', 'update', 'fresh', {}))]).frames);
    t.scheduler.flushAll();
    expect(t.store.getState().counters.received).toBe(1);
    expect(t.events.record(1)).toMatchObject({ key: 'fresh' });
  });

  it('deregisters: sends the command and removes the entry on its ack', async () => {
    const t = await connected();
    t.actions.register('jobs.*.*');
    t.ingest(ackFrame('register', 'jobs.*.*'));
    t.actions.deregister('jobs.*.*');
    expect(t.last().sent).toEqual(['register jobs.*.*', 'deregister jobs.*.*']);
    expect(t.store.getState().subscriptions[0]?.status).toBe('deregistering');
    t.ingest(ackFrame('deregister', 'jobs.*.*'));
    expect(t.store.getState().subscriptions).toEqual([]);
  });

  it('queues registers made before the socket opens and re-sends all on every open', async () => {
    const t = setup();
    t.actions.register('machines.*.*');
    expect(t.store.getState().subscriptions[0]).toMatchObject({ status: 'pending', sentAt: 0 });
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    t.actions.register('jobs.*.*');
    expect(t.last().sent).toEqual(['register machines.*.*', 'register jobs.*.*']);
    t.ingest(ackFrame('register', 'machines.*.*'), ackFrame('register', 'jobs.*.*'));
    t.last().serverClose(1006);
    expect(t.store.getState().subscriptions.map((s) => s.status)).toEqual(['pending', 'pending']);
    await t.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    t.last().open();
    expect(t.last().sent).toEqual(['register machines.*.*', 'register jobs.*.*']);
    t.ingest(ackFrame('register', 'machines.*.*'));
    expect(t.store.getState().subscriptions.map((s) => s.status)).toEqual(['active', 'pending']);
  });
});
