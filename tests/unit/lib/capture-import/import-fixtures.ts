import { readFileSync } from 'node:fs';
import { createImportParser } from '../../../../src/lib/capture-import/import-parser';
import type { ImportRecord, ImportSummary } from '../../../../src/lib/capture-import/import-types';

const FIXTURES = new URL('../../../fixtures/import/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export interface Parsed {
  records: ImportRecord[];
  summary: ImportSummary;
}

/** Parses `chunks` in order with one parser. */
export function parseChunks(chunks: readonly string[]): Parsed {
  const records: ImportRecord[] = [];
  const parser = createImportParser((record) => records.push(record));
  for (const chunk of chunks) parser.push(chunk);
  return { records, summary: parser.end() };
}

export function parseText(text: string): Parsed {
  return parseChunks([text]);
}

/** Cuts `text` at the given offsets (sorted, deduplicated, inside the text). */
export function splitAt(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.max(0, Math.min(text.length, cut))))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let start = 0;
  for (const point of points) {
    pieces.push(text.slice(start, point));
    start = point;
  }
  pieces.push(text.slice(start));
  return pieces;
}

export const FIXTURE_NAMES = [
  'capture.jsonl',
  'capture-bad-lines.jsonl',
  'capture-cut-short.jsonl',
  'drpcli-watch.txt',
  'drpcli-watch-broken.txt',
  'events.json',
  'events-cut-short.json',
  'websocket.har',
  'websocket-bad-frame.har',
] as const;
