import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../src/lib/capture-import/detect-format';
import { runImport } from '../../../../src/lib/capture-import/import-runner';
import type { ImportNotice } from '../../../../src/lib/capture-import/import-messages';
import { FIXTURE_NAMES, fixtureText } from './import-fixtures';

const EXPECTED = {
  'capture.jsonl': 'capture-jsonl',
  'capture-bad-lines.jsonl': 'capture-jsonl',
  'capture-cut-short.jsonl': 'capture-jsonl',
  'drpcli-watch.txt': 'drpcli-watch',
  'drpcli-watch-broken.txt': 'drpcli-watch',
  'events.json': 'json-array',
  'events-cut-short.json': 'json-array',
  'websocket.har': 'har',
  'websocket-bad-frame.har': 'har',
} as const;

/** A name that says the wrong thing about each fixture. */
const MISLEADING = {
  'capture-jsonl': 'events.har',
  'drpcli-watch': 'capture.jsonl',
  'json-array': 'watch.txt',
  har: 'export.json',
} as const;

describe('detectFormat', () => {
  it.each(FIXTURE_NAMES)('tells %s from its first bytes', (name) => {
    const head = fixtureText(name).slice(0, 200);
    expect(detectFormat(head, false)).toEqual({ kind: 'format', format: EXPECTED[name] });
  });

  it('waits while the head cannot tell, and decides at the end', () => {
    expect(detectFormat('  ', false)).toEqual({ kind: 'need-more' });
    expect(detectFormat('{', false)).toEqual({ kind: 'need-more' });
    expect(detectFormat('{\n  ', false)).toEqual({ kind: 'need-more' });
    expect(detectFormat('{"Time":"t"', false)).toEqual({ kind: 'need-more' });
    expect(detectFormat('{"Time":"t"', true)).toEqual({ kind: 'format', format: 'drpcli-watch' });
    expect(detectFormat('{"Time":"t"}', true)).toEqual({ kind: 'format', format: 'capture-jsonl' });
    expect(detectFormat('', true)).toEqual({ kind: 'empty' });
  });

  it('knows a HAR however its first key is spaced, and JSON Lines from a long first line', () => {
    expect(detectFormat('{\n\t"log" :{', false)).toEqual({ kind: 'format', format: 'har' });
    expect(detectFormat(`{"Time":"${'x'.repeat(70_000)}`, false)).toEqual({ kind: 'format', format: 'capture-jsonl' });
    expect(detectFormat('{"Key":"a"}{"Key":"b"}\n', false)).toEqual({ kind: 'format', format: 'drpcli-watch' });
  });

  it('names what it found when it is no format', () => {
    expect(detectFormat('\n  Time,Type,Action\n', false)).toEqual({ kind: 'unknown', found: 'Time,Type,Action\n' });
  });
});

describe('the format comes from content, not the file name', () => {
  it.each(FIXTURE_NAMES)('%s imported under a misleading name', async (name) => {
    const format = EXPECTED[name];
    const file = new File([fixtureText(name)], MISLEADING[format], { type: 'application/json' });
    const notices: ImportNotice[] = [];
    await runImport(
      file,
      (notice) => notices.push(notice),
      () => false,
      { chunkBytes: 256 },
    );
    const done = notices.at(-1);
    expect(done?.type === 'done' && done.summary.format).toBe(format);
  });
});
