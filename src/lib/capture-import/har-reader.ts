import { isPlainObject } from '../../protocol/plain-object';
import type { ImportTally } from './import-tally';
import { JsonValueScanner } from './json-value-scanner';
import { reportScanProblem } from './scan-problems';

const ENTRY = 0;
const REQUEST_URL = 1;
const MESSAGE = 2;

/** DRP's event socket path (drp-protocol.md §1.1); a proxy id may follow it. */
const DRP_SOCKET_PATH = '/api/v3/ws';

/** WebSocket opcode of a text frame (RFC 6455 §5.2): DRP's events are text frames. */
const TEXT_OPCODE = 1;

/**
 * A HAR file (Chrome's DevTools export; the `_webSocketMessages` member is Chrome's, each message
 * `{type: "send" | "receive", time, opcode, data}`). Only the messages and each entry's request URL
 * are kept as text; everything else (response bodies of other requests can be megabytes) is
 * scanned past. Received text frames are DRP frames: events are imported, acks counted. Sent
 * frames (our register commands), binary frames, and frames of a socket whose URL is not DRP's
 * event socket (a dev server's reload socket) are ignored and counted.
 */
export class HarReader {
  private readonly scanner: JsonValueScanner;
  private url: string | null = null;
  private messages = 0;

  constructor(private readonly tally: ImportTally) {
    this.scanner = new JsonValueScanner(
      {
        patterns: [
          { path: ['log', 'entries', '*'], notifyOnly: true },
          { path: ['log', 'entries', '*', 'request', 'url'] },
          { path: ['log', 'entries', '*', '_webSocketMessages', '*'] },
        ],
        topLevel: 'single',
      },
      {
        onStart: (pattern) => {
          if (pattern === ENTRY) this.url = null;
        },
        onValue: (pattern, text, line) => {
          if (pattern === REQUEST_URL) this.readUrl(text);
          else if (pattern === MESSAGE) this.readMessage(text, line);
        },
        onScalar: (pattern, line) => {
          if (pattern === MESSAGE) tally.error(line, `websocket message at line ${line}: not a JSON object`);
        },
        onProblem: (problem) => reportScanProblem(tally, problem, 'websocket message'),
      },
    );
  }

  get bufferedChars(): number {
    return this.scanner.bufferedChars;
  }

  push(chunk: string): void {
    this.scanner.push(chunk);
  }

  end(): void {
    this.scanner.end();
    this.tally.setLines(this.scanner.lines);
    if (this.messages === 0) this.tally.error(1, 'this HAR holds no websocket messages (_webSocketMessages)', false);
  }

  private readUrl(text: string): void {
    try {
      const url: unknown = JSON.parse(text);
      this.url = typeof url === 'string' ? url : null;
    } catch {
      this.url = null;
    }
  }

  private readMessage(text: string, line: number): void {
    this.messages += 1;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch (err) {
      this.tally.error(line, `websocket message at line ${line}: not JSON (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    if (!isPlainObject(message)) {
      this.tally.error(line, `websocket message at line ${line}: not a JSON object`);
      return;
    }
    const fromOtherSocket = this.url !== null && !this.url.includes(DRP_SOCKET_PATH);
    if (fromOtherSocket || message.type !== 'receive' || message.opcode !== TEXT_OPCODE) {
      this.tally.ignoredFrame();
      return;
    }
    if (typeof message.data !== 'string') {
      this.tally.error(line, `websocket message at line ${line}: its data is not text`);
      return;
    }
    this.tally.value(message.data, line, 'frame at line');
  }
}
