/**
 * Writes capture files (docs/reference/capture-format.md) with a size cap and optional rotation.
 *
 * Lines are queued and written with `writeSync` in whole lines only, at most every FLUSH_MS or
 * once FLUSH_BYTES are queued, so a signal or a crash never leaves half a line behind what was
 * flushed. Markers are flushed at once: they are rare and a reader (or a test) waits for them.
 *
 * `maxSize` caps every file: an event that would push the file past `maxSize - MARKER_RESERVE`
 * is refused (`'full'`) without rotation, or starts the next file with rotation. The reserve keeps
 * room for the end marker and a gap, so even the markers stay under the cap.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { endLine, headerLine, type MarkerLine, type SubscriptionLine } from './capture-lines';

const FLUSH_MS = 200;
const FLUSH_BYTES = 1 << 20;
export const MARKER_RESERVE = 1024;

export interface CaptureWriterOptions {
  path: string;
  maxSize: number | null;
  rotate: boolean;
  endpointOrigin: string;
  user: string;
  now: () => number;
}

export type WriteOutcome = 'written' | 'full';

/** `capture.jsonl` → `capture.3.jsonl`; a name without an extension gets `.3` appended. */
export function rotatedPath(path: string, index: number): string {
  if (index === 0) return path;
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return dot > slash + 1 ? `${path.slice(0, dot)}.${index}${path.slice(dot)}` : `${path}.${index}`;
}

export class CaptureWriter {
  private fd: number;
  private fileIndex = 0;
  private fileBytes = 0;
  private fileEvents = 0;
  private queue: string[] = [];
  private queuedBytes = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** The newest subscription line per spec, repeated at the top of every rotated file. */
  private readonly subscriptions = new Map<string, SubscriptionLine>();
  totalEvents = 0;
  totalBytes = 0;

  /** Creates the first file (refusing one that exists: a capture is never overwritten) and writes its header. */
  constructor(private readonly options: CaptureWriterOptions) {
    this.fd = this.openFile(options.path);
  }

  get currentPath(): string {
    return rotatedPath(this.options.path, this.fileIndex);
  }

  get filesWritten(): number {
    return this.fileIndex + 1;
  }

  /** One event frame (already a single line). */
  writeEvent(line: string): WriteOutcome {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.wouldOverflow(bytes)) {
      if (!this.options.rotate) return 'full';
      this.roll();
    }
    this.enqueue(`${line}\n`, bytes);
    this.fileEvents += 1;
    this.totalEvents += 1;
    return 'written';
  }

  writeMarker(marker: MarkerLine): void {
    if (marker.$inspector === 'subscription') this.subscriptions.set(marker.spec, marker);
    const text = `${JSON.stringify(marker)}\n`;
    this.enqueue(text, Buffer.byteLength(text));
    this.flush();
  }

  /** Writes the end marker and closes the file. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.writeMarker(endLine(this.options.now(), this.fileEvents));
    this.closed = true;
    closeSync(this.fd);
  }

  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.queue.length === 0 || this.closed) return;
    const text = this.queue.join('');
    this.queue = [];
    this.queuedBytes = 0;
    writeSync(this.fd, text);
  }

  /** An event of `bytes` does not fit, unless the file holds no event yet (one huge event is still kept). */
  private wouldOverflow(bytes: number): boolean {
    const { maxSize } = this.options;
    if (maxSize === null || this.fileEvents === 0) return false;
    return this.fileBytes + bytes > maxSize - MARKER_RESERVE;
  }

  private roll(): void {
    this.writeMarker(endLine(this.options.now(), this.fileEvents));
    closeSync(this.fd);
    this.fileIndex += 1;
    this.fileEvents = 0;
    this.fd = this.openFile(this.currentPath);
    for (const line of this.subscriptions.values()) this.writeMarker(line);
  }

  private openFile(path: string): number {
    if (existsSync(path)) throw new Error(`${path} already exists; choose another --out (a capture is never overwritten)`);
    const fd = openSync(path, 'wx');
    this.fileBytes = 0;
    const header = `${JSON.stringify(headerLine(this.options.endpointOrigin, this.options.user, this.options.now()))}\n`;
    this.fileBytes += Buffer.byteLength(header);
    this.totalBytes += Buffer.byteLength(header);
    writeSync(fd, header);
    return fd;
  }

  private enqueue(text: string, bytes: number): void {
    if (this.closed) throw new Error('the capture file is closed');
    this.queue.push(text);
    this.queuedBytes += bytes;
    this.fileBytes += bytes;
    this.totalBytes += bytes;
    if (this.queuedBytes >= FLUSH_BYTES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }
}
