import { readSeedFrames } from '../../fixtures/seed-events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFrame } from '../../../src/protocol/parse-frame';

const seedLines = readSeedFrames();

const full = {
  Time: '2021-08-30T14:02:13.01Z',
  Type: 'log',
  Action: 'info',
  Key: 'frontend',
  Principal: 'user:rocketskates',
  Object: { Level: 'info', Message: 'hi' },
  Original: null,
};

function errorReason(text: string): string {
  const frame = parseFrame(text);
  if (frame.kind !== 'error') throw new Error(`expected an error frame, got ${frame.kind}`);
  return frame.reason;
}

describe('parseFrame', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parses a v3.13+ event with all seven keys', () => {
    const text = JSON.stringify(full);
    expect(parseFrame(text)).toEqual({ kind: 'event', event: full, bytes: text.length });
  });

  it('parses the seed fixtures (pre-Principal/Original) and fills the defaults', () => {
    expect(seedLines).toHaveLength(2);
    const frames = seedLines.map(parseFrame);
    for (const [i, frame] of frames.entries()) {
      expect(frame.kind).toBe('event');
      if (frame.kind !== 'event') continue;
      expect(frame.bytes).toBe(seedLines[i].length);
      expect(frame.event.Type).toBe('profiles');
      expect(frame.event.Action).toBe('save');
      expect(frame.event.Key).toBe('global');
      expect(frame.event.Principal).toBe('');
      expect(frame.event.Original).toBeNull();
      expect(frame.event.Object).toMatchObject({ Name: 'global' });
    }
    const [first, second] = frames;
    if (first.kind === 'event' && second.kind === 'event') {
      expect(first.event.Time).toBe('2017-12-21T23:26:43.412554192Z');
      expect((first.event.Object as { Params: Record<string, unknown> }).Params.bar).toBe('blatz');
      expect((second.event.Object as { Params: Record<string, unknown> }).Params).not.toHaveProperty('bar');
    }
  });

  it('recognises register and deregister acks', () => {
    const ack =
      '{"Time":"2021-08-30T14:01:59.100000001Z","Type":"websocket","Action":"register","Key":"machines.*.*","Principal":"","Object":null,"Original":null}';
    expect(parseFrame(ack)).toEqual({
      kind: 'ack',
      ack: { verb: 'register', spec: 'machines.*.*', Time: '2021-08-30T14:01:59.100000001Z' },
      bytes: ack.length,
    });
    const dereg = JSON.stringify({ Time: 't', Type: 'websocket', Action: 'deregister', Key: ' odd spec ' });
    const frame = parseFrame(dereg);
    expect(frame).toMatchObject({ kind: 'ack', ack: { verb: 'deregister', spec: ' odd spec ' } });
  });

  it('treats other websocket actions (e.g. a posted event) as plain events', () => {
    const frame = parseFrame(JSON.stringify({ ...full, Type: 'websocket', Action: 'Register' }));
    expect(frame.kind).toBe('event');
  });

  it('keeps Object of any JSON type and drops unknown keys', () => {
    for (const object of [42, 'text', [1, 2], null, { deep: { x: [] } }, true]) {
      const frame = parseFrame(JSON.stringify({ ...full, Object: object, Extra: 1 }));
      expect(frame).toMatchObject({ kind: 'event', event: { Object: object } });
      if (frame.kind === 'event') expect(Object.keys(frame.event).sort()).toEqual(Object.keys(full).sort());
    }
    const noObject = parseFrame(JSON.stringify({ Time: 't', Type: 'x', Action: 'y', Key: '' }));
    expect(noObject).toMatchObject({ kind: 'event', event: { Object: null, Original: null, Principal: '', Key: '' } });
  });

  it('explains non-JSON and non-object frames', () => {
    expect(errorReason('not json')).toMatch(/^not JSON/);
    expect(errorReason('')).toMatch(/^not JSON/);
    expect(errorReason('{"Time":')).toMatch(/^not JSON/);
    expect(errorReason('[1,2]')).toBe('not a JSON object (got array)');
    expect(errorReason('null')).toBe('not a JSON object (got null)');
    expect(errorReason('"str"')).toBe('not a JSON object (got string)');
    expect(errorReason('12')).toBe('not a JSON object (got number)');
  });

  it('names the missing field', () => {
    for (const field of ['Time', 'Type', 'Action', 'Key']) {
      const copy: Record<string, unknown> = { ...full };
      delete copy[field];
      expect(errorReason(JSON.stringify(copy))).toBe(`missing ${field}`);
    }
  });

  it('names the field with the wrong type', () => {
    expect(errorReason(JSON.stringify({ ...full, Type: 7 }))).toBe('field Type is not a string (got number)');
    expect(errorReason(JSON.stringify({ ...full, Key: { a: 1 } }))).toBe('field Key is not a string (got object)');
    expect(errorReason(JSON.stringify({ ...full, Action: null }))).toBe('field Action is not a string (got null)');
    expect(errorReason(JSON.stringify({ ...full, Time: [] }))).toBe('field Time is not a string (got array)');
    expect(errorReason(JSON.stringify({ ...full, Principal: false }))).toBe('field Principal is not a string (got boolean)');
  });

  it('reports raw length and a 200-char preview on errors', () => {
    const text = `x${'y'.repeat(5000)}`;
    const frame = parseFrame(text);
    expect(frame).toMatchObject({ kind: 'error', bytes: 5001 });
    if (frame.kind === 'error') expect(frame.preview).toBe(text.slice(0, 200));
  });

  it('does not throw on huge or deeply nested input', () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    expect(parseFrame(deep)).toMatchObject({ kind: 'error', bytes: 400_000 });
    const deepObject = `{"Time":"t","Type":"a","Action":"b","Key":"c","Object":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    expect(() => parseFrame(deepObject)).not.toThrow();
    const big = JSON.stringify({ ...full, Object: { blob: 'z'.repeat(5_000_000) } });
    expect(parseFrame(big)).toMatchObject({ kind: 'event', bytes: big.length });
  });

  it('reports a RangeError from the JSON parser as too deeply nested', () => {
    vi.spyOn(JSON, 'parse').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(errorReason('[[[]]]')).toBe('JSON too deeply nested to parse (Maximum call stack size exceeded)');
  });

  it('never throws on non-string input', () => {
    expect(parseFrame(undefined as unknown as string)).toMatchObject({ kind: 'error', reason: 'frame is not text' });
  });
});
