import { parseFrame } from '../../protocol/parse-frame';
import { readMarker } from './capture-markers';
import type { ImportFormat, ImportIssue, ImportRecord, ImportSummary } from './import-types';

export const MAX_LISTED_ERRORS = 100;
const MESSAGE_CHARS = 300;

/** A fresh copy (not a slice that could pin a big chunk or frame; see protocol/parse-frame.ts). */
function clipMessage(message: string): string {
  const clipped = message.length > MESSAGE_CHARS ? `${message.slice(0, MESSAGE_CHARS)}…` : message;
  return Array.from(clipped).join('');
}

const MARKER_MEMBER = '"$inspector"';

/**
 * Counts what an import found and hands each record to the sink. Every reader (JSON Lines, value
 * streams, HAR) ends in `value()` or `error()`, so the rules for what is an event, an ack or a
 * marker live in one place.
 */
export class ImportTally {
  private readonly summary: ImportSummary = {
    format: null,
    events: 0,
    skipped: 0,
    acks: 0,
    markers: 0,
    unknownMarkers: 0,
    ignoredFrames: 0,
    errors: [],
    errorCount: 0,
    truncated: false,
    sawEndMarker: false,
    lines: 0,
  };

  constructor(private readonly emit: (record: ImportRecord) => void) {}

  get errorCount(): number {
    return this.summary.errorCount;
  }

  setFormat(format: ImportFormat): void {
    this.summary.format = format;
  }

  /** A problem that costs one line or value: reported, counted as skipped when `skipped`. */
  error(line: number, message: string, skipped = true): void {
    const text = clipMessage(message);
    if (skipped) this.summary.skipped += 1;
    this.summary.errorCount += 1;
    if (this.summary.errors.length < MAX_LISTED_ERRORS) this.summary.errors.push({ line, message: text });
    this.emit({ kind: 'error', line, message: text });
  }

  truncated(line: number, message: string, skipped: boolean): void {
    this.summary.truncated = true;
    this.error(line, message, skipped);
  }

  ignoredFrame(): void {
    this.summary.ignoredFrames += 1;
  }

  setLines(lines: number): void {
    this.summary.lines = lines;
  }

  /**
   * One JSON text that should be an event or a marker. Only a text that names `$inspector` is
   * parsed here; an event is parsed once, by `parseFrame`, which also says why a bad one is bad.
   */
  value(text: string, line: number, what = 'line'): void {
    if (text.includes(MARKER_MEMBER) && this.marker(text, line, what)) return;
    const frame = parseFrame(text);
    if (frame.kind === 'ack') {
      this.summary.acks += 1;
      return;
    }
    if (frame.kind === 'error') {
      this.error(line, `${what} ${line}: ${frame.reason}`);
      return;
    }
    this.summary.events += 1;
    this.emit({ kind: 'event', text, line });
  }

  /** True when the text was a marker (known or not) or a broken one; false for an event. */
  private marker(text: string, line: number, what: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return false; // parseFrame reports it
    }
    const read = readMarker(value, line);
    switch (read.kind) {
      case 'not-a-marker':
        return false;
      case 'unknown':
        this.summary.unknownMarkers += 1;
        return true;
      case 'invalid':
        this.error(line, `${what} ${line}: ${read.message}`);
        return true;
      case 'marker':
        this.summary.markers += 1;
        if (read.marker.kind === 'end') this.summary.sawEndMarker = true;
        this.emit({ kind: 'marker', marker: read.marker, atEvent: this.summary.events });
        return true;
    }
  }

  result(): ImportSummary {
    return { ...this.summary, errors: [...this.summary.errors] };
  }
}

export type { ImportIssue };
