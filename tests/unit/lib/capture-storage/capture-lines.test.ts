import { describe, expect, it } from 'vitest';
import { chunkParts, endLines, endOfLines, headerLines, leadingGaps } from '../../../../src/lib/capture-storage/capture-lines';
import type { CaptureMeta, StoredGap } from '../../../../src/lib/capture-storage/capture-records';
import { decodeChunk, encodeChunk, lineBytesOf, linesOf } from '../../../../src/lib/capture-storage/chunk-codec';
import { createImportParser } from '../../../../src/lib/capture-import/import-parser';
import type { ImportRecord } from '../../../../src/lib/capture-import/import-types';

const encoder = new TextEncoder();
const event = (key: string): string =>
  JSON.stringify({ Time: '2026-03-02T10:00:01Z', Type: 'machines', Action: 'update', Key: key, Object: { Name: key } });
const gap = (afterEvent: number): StoredGap => ({
  afterEvent,
  from: '2026-03-02T10:00:03.000Z',
  to: '2026-03-02T10:00:04.000Z',
  reason: 'connection lost',
});

const meta: CaptureMeta = {
  name: 'lab',
  source: 'live',
  from: 'https://drp.example.com:8092',
  endpoint: 'https://drp.example.com:8092',
  user: 'rocketskates',
  startedAt: '2026-03-02T10:00:00.000Z',
  endedAt: '2026-03-02T10:00:10.000Z',
  firstTime: '',
  lastTime: '',
  events: 4,
  evicted: 0,
  rawBytes: 0,
  storedBytes: 0,
  subscriptions: [{ spec: 'machines.*.*', at: '2026-03-02T10:00:00.201Z', state: 'active' }],
  gaps: [gap(2)],
  ended: true,
};

async function text(parts: BlobPart[]): Promise<string> {
  return new Blob(parts).text();
}

describe('capture lines', () => {
  it('endOfLines finds the end of the n-th line, or the end of the bytes', () => {
    const bytes = encoder.encode('a\nbb\nccc\n');
    expect(endOfLines(bytes, 0)).toBe(0);
    expect(endOfLines(bytes, 1)).toBe(2);
    expect(endOfLines(bytes, 2)).toBe(5);
    expect(endOfLines(bytes, 3)).toBe(9);
    expect(endOfLines(bytes, 7)).toBe(9);
  });

  it('puts a gap marker after the event it follows, inside a chunk or at its end', async () => {
    const bytes = encoder.encode(linesOf([event('a'), event('b'), event('c')]));
    const inside = await text(chunkParts({ firstEvent: 0, count: 3, bytes }, [gap(2)]));
    expect(
      inside.split('\n').map((line) => (line.startsWith('{"$inspector"') ? 'gap' : (JSON.parse(line || '{}') as { Key?: string }).Key)),
    ).toEqual(['a', 'b', 'gap', 'c', undefined]);
    // A gap right after the chunk's last event goes with this chunk, not the next one.
    expect(await text(chunkParts({ firstEvent: 0, count: 3, bytes }, [gap(3)]))).toMatch(/"c".*\n\{"\$inspector":"gap".*\n$/s);
    expect(await text(chunkParts({ firstEvent: 3, count: 3, bytes }, [gap(3)]))).not.toContain('$inspector');
  });

  it('newlines inside a pretty-printed frame become spaces: one event per line, same value', () => {
    const pretty = JSON.stringify({ Key: 'a', Object: { Name: 'x\ny' } }, null, 2);
    const line = linesOf([pretty]);
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toEqual(JSON.parse(pretty));
  });

  it('lines built from the frames’ bytes are the lines built from their text, pretty-printed and non-ASCII ones too', () => {
    const texts = [event('a'), JSON.stringify({ Key: 'b', Object: { Name: 'x\ny' } }, null, 2), event('ü-ñ'), '{\r\n"Key":"c"}'];
    expect(lineBytesOf(texts.map((text) => encoder.encode(text)))).toEqual(encoder.encode(linesOf(texts)));
  });

  it('a whole capture reads back with the import parser: markers, events, gap position, end', async () => {
    const chunk = encoder.encode(linesOf([event('a'), event('b'), event('c'), event('d')]));
    const file = await text([
      ...headerLines(meta),
      ...leadingGaps(meta, 0),
      ...chunkParts({ firstEvent: 0, count: 4, bytes: chunk }, meta.gaps),
      ...endLines(meta, 4),
    ]);
    const records: ImportRecord[] = [];
    const parser = createImportParser((record) => records.push(record));
    parser.push(file);
    const summary = parser.end();
    expect(summary).toMatchObject({ format: 'capture-jsonl', events: 4, markers: 4, skipped: 0, sawEndMarker: true });
    const markers = records.flatMap((record) => (record.kind === 'marker' ? [[record.marker.kind, record.atEvent]] : []));
    expect(markers).toEqual([
      ['capture', 0],
      ['subscription', 0],
      ['gap', 2],
      ['end', 4],
    ]);
  });

  it('gaps before the first event still on disk are written first; no end marker for a capture cut short', () => {
    expect(leadingGaps(meta, 2)).toHaveLength(1);
    expect(leadingGaps(meta, 1)).toHaveLength(0);
    expect(endLines({ ...meta, ended: false }, 4)).toEqual([]);
  });
});

describe('chunk codec', () => {
  it('round-trips through deflate-raw and shrinks near copies of one object', async () => {
    const texts = Array.from({ length: 200 }, (_, index) => event(`machine-${index % 5}`));
    const lines = linesOf(texts);
    const encoded = await encodeChunk(lines);
    expect(encoded.codec).toBe('deflate-raw');
    expect(encoded.rawBytes).toBe(encoder.encode(lines).byteLength);
    expect(encoded.data.byteLength).toBeLessThan(encoded.rawBytes / 5);
    expect(new TextDecoder().decode(await decodeChunk(encoded.data, encoded.codec))).toBe(lines);
  });
});
