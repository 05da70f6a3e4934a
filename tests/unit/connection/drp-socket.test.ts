import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDrpSocket } from '../../../src/connection/drp-socket';
import { RELAY_FLUSH_MS } from '../../../src/connection/frame-relay';
import type { DrpSocketHandlers } from '../../../src/connection/drp-socket';
import type { IngestFrame } from '../../../src/connection/frame-text';
import type { CloseInfo, SocketCommand, SocketNotice } from '../../../src/connection/socket-messages';
import { FakeWebSocket } from './fake-web-socket';

const URL_WITH_TOKEN = 'ws://127.0.0.1:1/api/v3/ws?token=t';
const eventText = (key: string) => JSON.stringify({ Time: 't', Type: 'machines', Action: 'update', Key: key });

function recorder() {
  const log = { opened: 0, batches: [] as (readonly IngestFrame[])[], closes: [] as CloseInfo[] };
  const handlers: DrpSocketHandlers = {
    onOpen: () => (log.opened += 1),
    onFrames: (frames) => log.batches.push(frames),
    onClose: (info) => log.closes.push(info),
  };
  return { log, handlers };
}

/** The page side of a worker: records commands; the test plays the worker's notices and errors. */
class FakeWorker {
  commands: SocketCommand[] = [];
  terminated = false;
  onmessage: ((event: { data: SocketNotice }) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  postMessage(command: SocketCommand) {
    this.commands.push(command);
  }
  terminate() {
    this.terminated = true;
  }
  notify(notice: SocketNotice) {
    this.onmessage?.({ data: notice });
  }
  fail() {
    this.onerror?.({ preventDefault: () => undefined });
  }
}

function onMainThread() {
  const fake = new FakeWebSocket();
  const { log, handlers } = recorder();
  const socket = openDrpSocket(URL_WITH_TOKEN, handlers, {
    createWorker: () => null,
    createWebSocket: () => fake as unknown as WebSocket,
  });
  return { fake, log, socket };
}

function inWorker() {
  const worker = new FakeWorker();
  const fallbackSockets: string[] = [];
  const { log, handlers } = recorder();
  const socket = openDrpSocket(URL_WITH_TOKEN, handlers, {
    createWorker: () => worker as unknown as Worker,
    createWebSocket: (url) => {
      fallbackSockets.push(url);
      return new FakeWebSocket() as unknown as WebSocket;
    },
  });
  return { worker, fallbackSockets, log, socket };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('openDrpSocket on the main thread (no Worker)', () => {
  it('delivers open, batched frames and one close', () => {
    const { fake, log, socket } = onMainThread();
    expect(socket.isOpen).toBe(false);
    fake.accept();
    expect(log.opened).toBe(1);
    expect(socket.isOpen).toBe(true);
    fake.receive(eventText('a'));
    fake.receive(eventText('b'));
    expect(log.batches).toHaveLength(0);
    vi.advanceTimersByTime(RELAY_FLUSH_MS);
    expect(log.batches).toHaveLength(1);
    expect(log.batches[0].map((frame) => frame.kind === 'event' && frame.header.Key)).toEqual(['a', 'b']);
    fake.closeFromServer(1006);
    expect(log.closes).toEqual([{ code: 1006, reason: '', wasClean: false }]);
    expect(socket.isOpen).toBe(false);
  });

  it('sends only while open, and not once closing', () => {
    const { fake, socket } = onMainThread();
    expect(socket.send('register a.b.c')).toBe(false);
    fake.accept();
    expect(socket.send('register a.b.c')).toBe(true);
    socket.close();
    socket.close();
    expect(socket.isOpen).toBe(false);
    expect(socket.send('register d.e.f')).toBe(false);
    expect(fake.sent).toEqual(['register a.b.c']);
    expect(fake.closeCalls).toEqual([[1000, 'closed by user']]);
  });
});

describe('openDrpSocket with the socket worker', () => {
  it('asks the worker to open the URL and relays its notices; the worker ends with the connection', () => {
    const { worker, log, socket } = inWorker();
    expect(worker.commands).toEqual([{ type: 'open', url: URL_WITH_TOKEN }]);
    worker.notify({ type: 'open' });
    expect(log.opened).toBe(1);
    expect(socket.send('register machines.*.*')).toBe(true);
    expect(worker.commands[1]).toEqual({ type: 'send', text: 'register machines.*.*' });
    worker.notify({ type: 'frames', frames: [{ kind: 'error', reason: 'binary frame', bytes: 3, preview: '' }] });
    worker.notify({ type: 'frames', frames: [] });
    expect(log.batches).toHaveLength(1);
    socket.close();
    expect(worker.commands[2]).toEqual({ type: 'close' });
    expect(worker.terminated).toBe(false);
    worker.notify({ type: 'close', info: { code: 1000, reason: 'closed by user', wasClean: true } });
    expect(log.closes).toEqual([{ code: 1000, reason: 'closed by user', wasClean: true }]);
    expect(worker.terminated).toBe(true);
    worker.notify({ type: 'frames', frames: [{ kind: 'error', reason: 'late', bytes: 1, preview: '' }] });
    expect(log.batches).toHaveLength(1);
  });

  it('an open that arrives after the page asked to close is not reported', () => {
    const { worker, log, socket } = inWorker();
    socket.close();
    worker.notify({ type: 'open' });
    expect(log.opened).toBe(0);
    expect(socket.isOpen).toBe(false);
  });

  it('falls back to a main-thread socket when the worker fails to start, replaying the open', () => {
    const { worker, fallbackSockets, log } = inWorker();
    worker.fail();
    expect(worker.terminated).toBe(true);
    expect(fallbackSockets).toEqual([URL_WITH_TOKEN]);
    expect(log.closes).toHaveLength(0);
  });

  it('reports a worker that fails mid-connection as a dropped connection', () => {
    const { worker, fallbackSockets, log } = inWorker();
    worker.notify({ type: 'open' });
    worker.fail();
    expect(fallbackSockets).toEqual([]);
    expect(log.closes).toEqual([{ code: 1006, reason: 'the socket worker failed', wasClean: false }]);
  });
});
