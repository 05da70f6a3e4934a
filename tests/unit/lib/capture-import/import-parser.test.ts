import { describe, expect, it } from 'vitest';
import { receiveTextFrame } from '../../../../src/connection/received-frame';
import type { ImportRecord } from '../../../../src/lib/capture-import/import-types';
import { fixtureText, parseText } from './import-fixtures';

const eventLines = (records: ImportRecord[]): number[] => records.flatMap((record) => (record.kind === 'event' ? [record.line] : []));
const errors = (records: ImportRecord[]): { line: number; message: string }[] =>
  records.flatMap((record) => (record.kind === 'error' ? [{ line: record.line, message: record.message }] : []));

describe('capture JSON Lines', () => {
  it('reads events and every marker kind, and counts an unknown kind', () => {
    const { records, summary } = parseText(fixtureText('capture.jsonl'));
    expect(summary).toMatchObject({ format: 'capture-jsonl', events: 4, markers: 5, unknownMarkers: 1, skipped: 0, errorCount: 0 });
    expect(summary).toMatchObject({ truncated: false, sawEndMarker: true, lines: 10, acks: 0 });
    expect(eventLines(records)).toEqual([4, 5, 7, 9]);
    const markers = records.flatMap((record) => (record.kind === 'marker' ? [record] : []));
    expect(markers.map(({ marker, atEvent }) => [marker.kind, marker.line, atEvent])).toEqual([
      ['capture', 1, 0],
      ['subscription', 2, 0],
      ['subscription', 3, 0],
      ['gap', 6, 2],
      ['end', 10, 4],
    ]);
    expect(markers[3].marker).toMatchObject({ kind: 'gap', reason: 'socket closed 1006' });
  });

  it('keeps each event line as it was, with its own Time, ready for receiveTextFrame', () => {
    const text = fixtureText('capture.jsonl');
    const lines = text.split('\n');
    const { records } = parseText(text);
    const events = records.flatMap((record) => (record.kind === 'event' ? [record] : []));
    for (const event of events) expect(event.text).toBe(lines[event.line - 1]);
    const frame = receiveTextFrame(events[0].text);
    expect(frame.kind).toBe('event');
    if (frame.kind === 'event')
      expect(frame.header).toMatchObject({ Time: '2026-03-02T10:00:01.512998101Z', Type: 'machines', Action: 'update' });
  });

  it('reports a bad line in the middle with its number and imports the rest', () => {
    const { records, summary } = parseText(fixtureText('capture-bad-lines.jsonl'));
    expect(summary).toMatchObject({ events: 2, skipped: 2, errorCount: 2, markers: 5, truncated: false, sawEndMarker: true });
    expect(eventLines(records)).toEqual([4, 9]);
    expect(errors(records)).toEqual([
      { line: 5, message: expect.stringMatching(/^line 5: not JSON/) },
      { line: 7, message: 'line 7: missing Key' },
    ]);
    expect(summary.errors).toEqual(errors(records));
  });

  it('reports a cut-short last line and keeps everything before it', () => {
    const { records, summary } = parseText(fixtureText('capture-cut-short.jsonl'));
    expect(summary).toMatchObject({ events: 3, skipped: 1, markers: 4, truncated: true, sawEndMarker: false, lines: 8 });
    expect(eventLines(records)).toEqual([4, 5, 7]);
    expect(errors(records).map((error) => error.line)).toEqual([8, 8]);
    expect(errors(records)[1].message).toBe('line 8: cut short (no newline at the end of the file)');
  });

  it('keeps a complete last line that only lacks its newline, and still says so', () => {
    const text = fixtureText('capture.jsonl').trimEnd();
    const { summary } = parseText(text);
    expect(summary).toMatchObject({ events: 4, skipped: 0, truncated: true, errorCount: 1 });
    expect(summary.errors[0].message).toBe('line 10: the file ends without a newline after it (kept)');
  });

  it('reads CRLF lines, blank lines and a BOM; rejects a known marker with a mistyped member', () => {
    const event = '{"Time":"2026-03-02T10:00:00Z","Type":"profiles","Action":"save","Key":"global","Object":{}}';
    const text = `\uFEFF${event}\r\n\r\n{"$inspector":"gap","from":"a","to":1,"reason":"r"}\r\n${event}\r\n`;
    const { records, summary } = parseText(text);
    expect(summary).toMatchObject({ format: 'capture-jsonl', events: 2, skipped: 1, markers: 0 });
    expect(eventLines(records)).toEqual([1, 4]);
    expect(errors(records)).toEqual([{ line: 3, message: 'line 3: "gap" marker: member to is not a string' }]);
  });

  it('skips and counts acks in any format', () => {
    const ack = '{"Time":"2026-03-02T10:00:00Z","Type":"websocket","Action":"register","Key":"*.*.*","Principal":"","Object":null}';
    expect(parseText(`${ack}\n`).summary).toMatchObject({ events: 0, acks: 1, skipped: 0 });
  });
});

describe('drpcli events watch output', () => {
  it('reads pretty-printed values one after another', () => {
    const { records, summary } = parseText(fixtureText('drpcli-watch.txt'));
    expect(summary).toMatchObject({ format: 'drpcli-watch', events: 3, skipped: 0, errorCount: 0, truncated: false, lines: 144 });
    expect(eventLines(records)).toEqual([1, 64, 94]);
    const first = records[0];
    expect(first.kind === 'event' && JSON.parse(first.text)).toMatchObject({
      Time: '2026-03-02T10:00:01.512998101Z',
      Key: '3e7031fe-3062-45f1-835c-92541bc9cbd3',
    });
  });

  it('starts over at a value cut off by the next one, and keeps the rest', () => {
    const { records, summary } = parseText(fixtureText('drpcli-watch-broken.txt'));
    expect(summary).toMatchObject({ events: 2, skipped: 1, truncated: false });
    expect(eventLines(records)).toEqual([1, 74]);
    expect(errors(records)).toEqual([{ line: 64, message: 'value at line 64: cut short (a new value begins at line 74)' }]);
  });

  it('reads compact values run together, indented values, and skips stray text by line', () => {
    const event = (key: string): string => `{"Time":"2026-03-02T10:00:00Z","Type":"machines","Action":"update","Key":"${key}"}`;
    const text = `${event('a')}${event('b')}\n  ${event('c')}\nError: websocket closed\n{\n  "Key": "d", "Time": "t", "Type": "x", "Action": "y"\n}\n`;
    const { records, summary } = parseText(text);
    expect(summary).toMatchObject({ format: 'drpcli-watch', events: 4, skipped: 1 });
    expect(eventLines(records)).toEqual([1, 1, 2, 4]);
    expect(errors(records)).toEqual([{ line: 3, message: 'line 3: text outside any JSON value (skipped to the end of the line)' }]);
  });
});

describe('JSON array', () => {
  it('reads every element with its line and keeps its text', () => {
    const { records, summary } = parseText(fixtureText('events.json'));
    expect(summary).toMatchObject({ format: 'json-array', events: 4, skipped: 0, errorCount: 0, truncated: false, lines: 182 });
    expect(eventLines(records)).toEqual([2, 65, 95, 146]);
    const last = records[3];
    expect(last.kind === 'event' && JSON.parse(last.text)).toMatchObject({ Action: 'delete', Time: '2026-03-02T10:00:09.25Z' });
  });

  it('reports an array cut short inside an element', () => {
    const { records, summary } = parseText(fixtureText('events-cut-short.json'));
    expect(summary).toMatchObject({ events: 2, skipped: 1, truncated: true });
    expect(errors(records)).toEqual([{ line: 95, message: 'element at line 95: cut short (the file ends inside it)' }]);
  });

  it('reports elements that are not events and keeps the others', () => {
    const event = '{"Time":"t","Type":"a","Action":"b","Key":"c"}';
    const { records, summary } = parseText(`[\n${event},\n42,\n"text",\n{"Type":"a"},\n${event}\n]\n`);
    expect(summary).toMatchObject({ events: 2, skipped: 3 });
    expect(errors(records)).toEqual([
      { line: 3, message: 'element at line 3: not a JSON object' },
      { line: 4, message: 'element at line 4: not a JSON object (got string)' },
      { line: 5, message: 'element at line 5: missing Time' },
    ]);
  });
});

describe('HAR', () => {
  it('takes received DRP text frames, counts acks and ignores the rest', () => {
    const { records, summary } = parseText(fixtureText('websocket.har'));
    expect(summary).toMatchObject({ format: 'har', events: 3, acks: 2, ignoredFrames: 4, skipped: 0, errorCount: 0, truncated: false });
    expect(eventLines(records)).toEqual([134, 140, 152]);
    const texts = records.flatMap((record) => (record.kind === 'event' ? [JSON.parse(record.text) as { Time: string }] : []));
    expect(texts.map((event) => event.Time)).toEqual([
      '2026-03-02T10:00:01.512998101Z',
      '2026-03-02T10:00:01.873210446Z',
      '2026-03-02T10:00:07.100042001Z',
    ]);
  });

  it('reports a frame that is not JSON with its line and keeps the others', () => {
    const { records, summary } = parseText(fixtureText('websocket-bad-frame.har'));
    expect(summary).toMatchObject({ events: 3, acks: 2, ignoredFrames: 4, skipped: 1 });
    expect(eventLines(records)).toEqual([134, 140, 158]);
    expect(errors(records)).toEqual([{ line: 146, message: expect.stringMatching(/^frame at line 146: not JSON/) }]);
  });

  it('says so when a HAR holds no websocket messages', () => {
    const { summary } = parseText('{"log":{"version":"1.2","entries":[{"request":{"url":"https://x/api/v3/info"}}]}}');
    expect(summary).toMatchObject({ format: 'har', events: 0, errorCount: 1 });
    expect(summary.errors[0].message).toMatch(/no websocket messages/);
  });
});

describe('content that is no known format', () => {
  it('is refused with what it begins with', () => {
    const { summary } = parseText('<!doctype html><html></html>');
    expect(summary).toMatchObject({ format: null, events: 0, errorCount: 1 });
    expect(summary.errors[0].message).toMatch(/begins with "<!doctype html>/);
  });

  it('an empty or blank file says it is empty', () => {
    expect(parseText('').summary.errors[0].message).toBe('the file is empty');
    expect(parseText(' \n\n ').summary.errors[0].message).toBe('the file is empty');
  });

  it('lists at most 100 errors but counts them all', () => {
    const { summary } = parseText('{"Time":"t","Type":"a","Action":"b","Key":"c"}\n' + 'oops\n'.repeat(250));
    expect(summary).toMatchObject({ events: 1, skipped: 250, errorCount: 250 });
    expect(summary.errors).toHaveLength(100);
    expect(summary.errors[99].line).toBe(101);
  });
});
