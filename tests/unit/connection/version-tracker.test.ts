import { describe, expect, it } from 'vitest';
import { VersionTracker } from '../../../src/connection/version-tracker';
import { DeferredOriginalParser } from '../../../src/connection/deferred-original';

const event = (Key: string, Object: unknown, original: unknown = null, Action = 'update', Type = 'machines') => ({
  Type,
  Action,
  Key,
  Object,
  Original: () => original,
});

describe('VersionTracker', () => {
  it('compares each version with the one before it, or with Original for the first', () => {
    const tracker = new VersionTracker();
    expect(tracker.observe(event('m', { a: 1 }), 10)).toMatchObject({ base: 'none', reason: 'first', count: 0 });
    expect(tracker.observe(event('m', { a: 2 }, { a: 9 }), 10)).toMatchObject({
      base: 'previous',
      count: 1,
      paths: ['a'],
      values: [{ path: 'a', change: 'changed', before: '1', after: '2' }],
    });
    expect(tracker.observe(event('n', { a: 2 }, { a: 1 }), 10)).toMatchObject({ base: 'original', paths: ['a'] });
  });

  it('masks secrets in the previews', () => {
    const tracker = new VersionTracker();
    tracker.observe(event('m', { Secret: 'old' }), 10);
    expect(tracker.observe(event('m', { Secret: 'new' }), 10).values).toEqual([
      { path: 'Secret', change: 'changed', before: '••••••••', after: '••••••••' },
    ]);
  });

  it('caps the path list but keeps every root, and counts all changes', () => {
    const tracker = new VersionTracker();
    const params = (v: number) => ({ Params: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`p${i}`, v])), Meta: { x: v } });
    tracker.observe(event('m', params(1)), 10);
    const facts = tracker.observe(event('m', params(2)), 10);
    expect(facts.count).toBe(101);
    expect(facts.paths).toHaveLength(64);
    expect(facts.roots).toEqual(['Params', 'Meta']);
    expect(facts.values).toHaveLength(8);
  });

  it('forgets deleted objects, and the stalest object past its budget', () => {
    const tracker = new VersionTracker(25);
    tracker.observe(event('a', { v: 1 }), 10);
    tracker.observe(event('b', { v: 1 }), 10);
    expect(tracker.observe(event('a', { v: 1 }, null, 'delete'), 10)).toMatchObject({ reason: 'deleted' });
    expect(tracker.observe(event('a', { v: 2 }), 10)).toMatchObject({ reason: 'first' });
    tracker.observe(event('c', { v: 1 }), 10); // over 25 characters: b, the stalest, goes
    expect(tracker.size).toBe(2);
    expect(tracker.observe(event('b', { v: 2 }), 10)).toMatchObject({ reason: 'first' });
  });

  it('words pseudo types and refuses to diff giant or nested-too-deep frames', () => {
    const tracker = new VersionTracker();
    expect(tracker.observe(event('frontend', { Message: 'hello' }, null, 'info', 'log'), 10)).toMatchObject({
      reason: 'pseudo',
      text: 'hello',
    });
    expect(tracker.observe(event('m', { v: 1 }), 5_000_000)).toMatchObject({ reason: 'large' });
    const deep = JSON.parse(`${'['.repeat(20_000)}1${']'.repeat(20_000)}`);
    tracker.observe(event('d', deep), 10);
    expect(tracker.observe(event('d', JSON.parse(`${'['.repeat(20_000)}2${']'.repeat(20_000)}`)), 10)).toMatchObject({
      reason: 'too-deep',
    });
  });
});

describe('DeferredOriginalParser', () => {
  const text = (object: unknown, original: unknown, extra = '') =>
    `{"Time":"2021-08-30T14:01:59Z","Type":"machines","Action":"update","Key":"m","Principal":"u","Object":${JSON.stringify(object)}${extra},"Original":${JSON.stringify(original)}}`;

  it('reads the event without Original and parses Original only when asked', () => {
    const parser = new DeferredOriginalParser();
    const frame = text({ a: 1, Original: { trap: 1 } }, { a: 0 });
    const parsed = parser.parse(frame);
    expect(parsed.frame).toMatchObject({ kind: 'event', bytes: frame.length, event: { Object: { a: 1, Original: { trap: 1 } } } });
    expect(parsed.hasOriginal).toBe(true);
    expect(parsed.original()).toEqual({ a: 0 });
    expect(parser.parse(text({ a: 1 }, null)).hasOriginal).toBe(false);
  });

  it('falls back to the full parse when the marker is not the top-level last field', () => {
    const parser = new DeferredOriginalParser();
    // The last `,"Original":` is inside a string / nested value: the head does not parse.
    const nested = `{"Time":"t","Type":"machines","Action":"update","Key":"m","Original":{"x":1},"Object":{"note":",\\"Original\\":1}"}}`;
    const parsed = parser.parse(nested);
    expect(parsed.frame).toMatchObject({ kind: 'event', event: { Object: { note: ',"Original":1}' } } });
    expect(parsed.original()).toEqual({ x: 1 });
    expect(parser.parse('{"Time":"t","Type":"machines","Action":"update","Key":"m","Original":').frame.kind).toBe('error');
  });

  it('keeps an ack an ack', () => {
    const ack = '{"Time":"t","Type":"websocket","Action":"register","Key":"machines.*.*","Principal":"","Object":null,"Original":null}';
    expect(new DeferredOriginalParser().parse(ack).frame).toMatchObject({ kind: 'ack', bytes: ack.length });
  });
});
