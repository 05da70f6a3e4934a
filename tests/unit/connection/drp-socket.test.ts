import { describe, expect, it } from 'vitest';
import { openDrpSocket } from '../../../src/connection/drp-socket';
import type { CloseInfo } from '../../../src/connection/drp-socket';

/** Just enough of the WebSocket surface for the wrapper; the real socket is covered by e2e tests. */
class FakeWebSocket {
  readyState = 0;
  binaryType = 'blob';
  sent: string[] = [];
  closeCalls: [number | undefined, string | undefined][] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  send(text: string) {
    this.sent.push(text);
  }
  close(code?: number, reason?: string) {
    this.closeCalls.push([code, reason]);
    this.readyState = 2;
  }
}

function setup() {
  const fake = new FakeWebSocket();
  const log = { opened: 0, frames: [] as string[], binary: [] as number[], closes: [] as CloseInfo[] };
  let url = '';
  const socket = openDrpSocket(
    'ws://127.0.0.1:1/api/v3/ws?token=t',
    {
      onOpen: () => (log.opened += 1),
      onFrame: (text) => log.frames.push(text),
      onBinaryFrame: (bytes) => log.binary.push(bytes),
      onClose: (info) => log.closes.push(info),
    },
    (given) => {
      url = given;
      return fake as unknown as WebSocket;
    },
  );
  return { fake, log, socket, url: () => url };
}

describe('openDrpSocket', () => {
  it('opens the URL as given and asks for ArrayBuffer binary frames', () => {
    const { fake, url } = setup();
    expect(url()).toBe('ws://127.0.0.1:1/api/v3/ws?token=t');
    expect(fake.binaryType).toBe('arraybuffer');
  });

  it('passes text frames through untouched and reports binary frames by size', () => {
    const { fake, log } = setup();
    fake.onmessage?.({ data: '{"Type":"x"}' });
    fake.onmessage?.({ data: new ArrayBuffer(12) });
    expect(log.frames).toEqual(['{"Type":"x"}']);
    expect(log.binary).toEqual([12]);
  });

  it('sends only while open', () => {
    const { fake, socket } = setup();
    expect(socket.send('register a.b.c')).toBe(false);
    fake.readyState = 1;
    fake.onopen?.();
    expect(socket.isOpen).toBe(true);
    expect(socket.send('register a.b.c')).toBe(true);
    expect(fake.sent).toEqual(['register a.b.c']);
  });

  it('closes with a normal-closure code and reports the close once', () => {
    const { fake, socket, log } = setup();
    fake.readyState = 1;
    socket.close();
    socket.close();
    expect(fake.closeCalls).toEqual([[1000, 'closed by user']]);
    fake.onclose?.({ code: 1000, reason: 'closed by user', wasClean: true });
    fake.onclose?.({ code: 1006, reason: '', wasClean: false });
    expect(log.closes).toEqual([{ code: 1000, reason: 'closed by user', wasClean: true }]);
  });
});
