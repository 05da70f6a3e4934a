import { describe, expect, it } from 'vitest';
import { VersionTracker } from '../../../src/connection/version-tracker';

const event = (Key: string, Object: unknown, Original: unknown = null, Action = 'update', Type = 'machines') => ({
  Type,
  Action,
  Key,
  Object,
  Original,
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
