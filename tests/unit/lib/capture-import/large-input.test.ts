import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createImportParser } from '../../../../src/lib/capture-import/import-parser';

// A real collection, so heap samples measure what is still held, not garbage not yet swept.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const TOTAL_CHARS = 50 * 1024 * 1024;
const CHUNK_CHARS = 1024 * 1024;

function event(index: number): string {
  const uuid = `3e7031fe-3062-45f1-835c-${String(index).padStart(12, '0')}`;
  return JSON.stringify({
    Time: `2026-03-02T10:${String(Math.floor(index / 60000) % 60).padStart(2, '0')}:00.${String(index % 1e9).padStart(9, '0')}Z`,
    Type: 'machines',
    Action: 'update',
    Key: uuid,
    Principal: 'user:rocketskates',
    Object: {
      Uuid: uuid,
      Name: `m-${index}`,
      Stage: 'discover',
      Params: { 'kernel-console': 'console=ttyS1,115200', note: 'x'.repeat(600) },
    },
    Original: null,
  });
}

/** The input as 1 MB chunks made on demand: the test itself never holds the whole text either. */
function* chunks(format: 'jsonl' | 'array' | 'har'): Generator<string> {
  const [open, separator, close] =
    format === 'jsonl'
      ? ['', '\n', '\n']
      : format === 'array'
        ? ['[\n', ',\n', '\n]\n']
        : [
            '{"log":{"version":"1.2","entries":[{"request":{"url":"wss://drp.example.com:8092/api/v3/ws"},"_webSocketMessages":[\n',
            ',\n',
            '\n]}]}}\n',
          ];
  const wrap = (text: string): string =>
    format === 'har' ? JSON.stringify({ type: 'receive', time: 1772445600.5, opcode: 1, data: text }) : text;
  let pending = open;
  let written = 0;
  for (let index = 0; written < TOTAL_CHARS; index++) {
    const piece = (index === 0 ? '' : separator) + wrap(event(index));
    pending += piece;
    written += piece.length;
    if (pending.length >= CHUNK_CHARS) {
      yield pending;
      pending = '';
    }
  }
  yield pending + close;
}

describe.each(['jsonl', 'array', 'har'] as const)('a 50 MB %s input', (format) => {
  it('parses in bounded memory and reasonable time', () => {
    let events = 0;
    let eventChars = 0;
    let maxBuffered = 0;
    let maxGrowth = 0;
    const parser = createImportParser((record) => {
      if (record.kind !== 'event') return;
      events += 1;
      eventChars += record.text.length;
    });
    collect();
    const baseline = process.memoryUsage().heapUsed;
    const started = performance.now();
    let index = 0;
    for (const chunk of chunks(format)) {
      parser.push(chunk);
      maxBuffered = Math.max(maxBuffered, parser.bufferedChars);
      if (++index % 10 === 0) {
        collect();
        maxGrowth = Math.max(maxGrowth, process.memoryUsage().heapUsed - baseline);
      }
    }
    const summary = parser.end();
    const seconds = (performance.now() - started) / 1000;
    expect(summary).toMatchObject({ events, skipped: 0, errorCount: 0, truncated: false });
    expect(eventChars).toBeGreaterThan(TOTAL_CHARS * 0.8);
    // What the parser holds between pushes is at most one unfinished event and one chunk.
    expect(maxBuffered).toBeLessThan(CHUNK_CHARS + 4096);
    // 50 MB of input, and what stays on the heap is a few chunks' worth, never the input.
    expect(maxGrowth).toBeLessThan(16 * 1024 * 1024);
    // Several times this on an idle machine; the bound leaves room for two shared cores.
    expect(seconds).toBeLessThan(60);
    console.log(
      `${format}: ${events} events, ${(TOTAL_CHARS / 1024 / 1024 / seconds).toFixed(0)} MB/s, heap growth ≤ ${(maxGrowth / 1024 / 1024).toFixed(1)} MB`,
    );
  }, 120_000);
});
