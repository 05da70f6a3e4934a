import { describe, expect, it } from 'vitest';
import { rotatedPath } from '../../../scripts/recorder/capture-writer';
import { eventLineOf } from '../../../scripts/recorder/capture-lines';
import { parseRecordArgs, parseSize, recordUsage, RECORD_FLAGS } from '../../../scripts/recorder/record-options';

const base = ['--endpoint', 'drp', '--token', 'abc', '--out', 'capture.jsonl'];

describe('recorder flags (scripts/recorder/record-options.ts)', () => {
  it('reads sizes in binary units', () => {
    expect(parseSize('2GB')).toBe(2 * 1024 ** 3);
    expect(parseSize('500 mb')).toBe(500 * 1024 ** 2);
    expect(parseSize('1.5K')).toBe(1536);
    expect(parseSize('4096')).toBe(4096);
    for (const bad of ['', 'GB', '2XB', '-1MB', '1e3']) expect(parseSize(bad)).toBeNull();
  });

  it('defaults to *.*.* and no cap, and dedupes repeated filters', () => {
    const result = parseRecordArgs(base);
    expect(result).toMatchObject({ kind: 'run', options: { filters: ['*.*.*'], maxSize: null, rotate: false, progressMs: 5000 } });
    const two = parseRecordArgs([...base, '--filter', 'machines.*.*', '--filter', 'machines.*.*', '--filter', 'jobs.*.*']);
    expect(two).toMatchObject({ kind: 'run', options: { filters: ['machines.*.*', 'jobs.*.*'] } });
  });

  it.each([
    [['--endpoint', 'drp', '--token', 'abc'], '--out is required'],
    [['--token', 'abc', '--out', 'x'], '--endpoint is required'],
    [['--endpoint', 'drp', '--out', 'x'], 'give --token, or --username with --password-file'],
    [[...base, '--username', 'u', '--password-file', 'f'], 'not both'],
    [['--endpoint', 'drp', '--out', 'x', '--username', 'u'], '--username needs --password-file'],
    [[...base, '--filter', 'machines.*'], '--filter "machines.*"'],
    [[...base, '--max-size', 'huge'], 'is not a size'],
    [[...base, '--max-size', '1KB'], 'at least 4096 bytes'],
    [[...base, '--rotate'], '--rotate needs --max-size'],
    [[...base, '--insecure', '--ca-cert', 'c.pem'], 'either --insecure or --ca-cert'],
    [[...base, '--fliter', 'a.b.c'], "Unknown option '--fliter'"],
  ])('%j is refused: %s', (argv, message) => {
    const result = parseRecordArgs(argv);
    expect(result.kind).toBe('error');
    expect(result.kind === 'error' && result.text).toContain(message);
  });

  it('help names every flag', () => {
    for (const name of Object.keys(RECORD_FLAGS)) expect(recordUsage()).toContain(`--${name}`);
  });

  it('numbers rotated files before the extension', () => {
    expect(rotatedPath('capture.jsonl', 0)).toBe('capture.jsonl');
    expect(rotatedPath('/tmp/x/capture.jsonl', 2)).toBe('/tmp/x/capture.2.jsonl');
    expect(rotatedPath('/tmp/x.d/capture', 1)).toBe('/tmp/x.d/capture.1');
  });

  it('keeps a frame as received unless a newline would break the line', () => {
    const frame = '{"Time":"t","Type":"a","Action":"b","Key":"c"}';
    expect(eventLineOf(frame)).toBe(frame);
    expect(eventLineOf('{\n  "Type": "a"\n}')).toBe('{"Type":"a"}');
  });
});
