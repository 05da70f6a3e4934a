/** Just enough of the WebSocket surface for the relay; the real socket is covered by e2e tests. */
export class FakeWebSocket {
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
  /** Server side: the handshake completed. */
  accept() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(data: unknown) {
    this.onmessage?.({ data });
  }
  closeFromServer(code: number, reason = '', wasClean = false) {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean });
  }
}
