import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameRelay, RELAY_FLUSH_MS } from '../../../src/connection/frame-relay';
import { decodeFrameText } from '../../../src/connection/frame-text';
import type { FrameRelayOptions } from '../../../src/connection/frame-relay';
import type { SocketNotice } from '../../../src/connection/socket-messages';
import { FakeWebSocket } from './fake-web-socket';

const event = (key: string) =>
  JSON.stringify({ Time: 't', Type: 'machines', Action: 'update', Key: key, Principal: '', Object: {}, Original: null });

function setup(options: Partial<FrameRelayOptions> = {}) {
  const sockets: FakeWebSocket[] = [];
  const urls: string[] = [];
  const notices: SocketNotice[] = [];
  const transfers: Transferable[][] = [];
  const relay = new FrameRelay(
    (notice, transfer) => {
      notices.push(notice);
      transfers.push(transfer);
    },
    {
      createWebSocket: (url) => {
        urls.push(url);
        const socket = new FakeWebSocket();
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      ...options,
    },
  );
  relay.handle({ type: 'open', url: 'ws://127.0.0.1:1/api/v3/ws?token=t' });
  const socket = sockets[0];
  return { relay, socket, sockets, urls, notices, transfers };
}

const keysOf = (notice: SocketNotice | undefined) =>
  notice?.type === 'frames' ? notice.frames.map((frame) => (frame.kind === 'event' ? frame.header.Key : frame.kind)) : null;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** Lets the batch timer run out (frames wait at most RELAY_FLUSH_MS for company). */
const flushTimer = () => vi.advanceTimersByTime(RELAY_FLUSH_MS);

describe('FrameRelay', () => {
  it('opens one socket per relay, as given, asking for ArrayBuffer binary frames', () => {
    const { relay, sockets, urls, socket } = setup();
    relay.handle({ type: 'open', url: 'ws://elsewhere/' });
    expect(urls).toEqual(['ws://127.0.0.1:1/api/v3/ws?token=t']);
    expect(sockets).toHaveLength(1);
    expect(socket.binaryType).toBe('arraybuffer');
  });

  it('reports the open at once and frames in one classified batch when the flush timer fires', () => {
    const { socket, notices } = setup();
    socket.accept();
    expect(notices).toEqual([{ type: 'open' }]);
    socket.receive(event('a'));
    socket.receive('garbage');
    socket.receive(new ArrayBuffer(12));
    socket.receive(event('b'));
    expect(notices).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(RELAY_FLUSH_MS - 1);
    expect(notices).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(notices).toHaveLength(2);
    expect(keysOf(notices[1])).toEqual(['a', 'error', 'error', 'b']);
    const batch = notices[1];
    if (batch.type !== 'frames') throw new Error('expected frames');
    expect(batch.frames[2]).toEqual({ kind: 'error', reason: 'binary frame', bytes: 12, preview: '' });
    const first = batch.frames[0];
    expect(first.kind === 'event' && decodeFrameText(first.text)).toBe(event('a'));
  });

  it('transfers the batch buffer that holds its event texts, and nothing with other notices', () => {
    const { socket, notices, transfers } = setup();
    socket.accept();
    socket.receive(event('a'));
    socket.receive(event('b'));
    flushTimer();
    socket.receive('garbage');
    flushTimer();
    expect(transfers[0]).toEqual([]);
    const batch = notices[1];
    if (batch.type !== 'frames' || batch.frames[0].kind !== 'event' || batch.frames[1].kind !== 'event')
      throw new Error('expected two events');
    expect(transfers[1]).toEqual([batch.frames[0].text.buffer]);
    expect(batch.frames[1].text.buffer).toBe(batch.frames[0].text.buffer);
    // A batch without events has no buffer to hand over.
    expect(transfers[2]).toEqual([]);
  });

  it('posts at once when a batch reaches its frame or character limit', () => {
    const { socket, notices } = setup({ maxBatchFrames: 3, maxBatchChars: 1_000_000 });
    socket.accept();
    for (const key of ['a', 'b', 'c', 'd']) socket.receive(event(key));
    expect(keysOf(notices[1])).toEqual(['a', 'b', 'c']);
    flushTimer();
    expect(keysOf(notices[2])).toEqual(['d']);

    const big = setup({ maxBatchFrames: 100, maxBatchChars: 200 });
    big.socket.accept();
    big.socket.receive(event('x'.repeat(250)));
    expect(big.notices).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('posts every frame received before a close ahead of the close notice', () => {
    const { socket, notices } = setup();
    socket.accept();
    socket.receive(event('last'));
    socket.closeFromServer(1006);
    expect(notices.map((notice) => notice.type)).toEqual(['open', 'frames', 'close']);
    expect(keysOf(notices[1])).toEqual(['last']);
    expect(notices[2]).toEqual({ type: 'close', info: { code: 1006, reason: '', wasClean: false } });
    expect(vi.getTimerCount()).toBe(0);
    // A second close event (some doubles and old browsers send one) is not reported twice.
    socket.closeFromServer(1000);
    expect(notices).toHaveLength(3);
  });

  it('sends commands only while the socket is open and closes it once with a normal-closure code', () => {
    const { relay, socket } = setup();
    relay.handle({ type: 'send', text: 'register too.early.*' });
    socket.accept();
    relay.handle({ type: 'send', text: 'register machines.*.*' });
    relay.handle({ type: 'close' });
    relay.handle({ type: 'close' });
    relay.handle({ type: 'send', text: 'register after.close.*' });
    expect(socket.sent).toEqual(['register machines.*.*']);
    expect(socket.closeCalls).toEqual([[1000, 'closed by user']]);
  });
});
