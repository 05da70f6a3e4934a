import { describe, expect, it } from 'vitest';
import { compilePathPattern, compilePathPatterns, positionalPath, splitPath } from '../../../src/lib/path-pattern';

describe('splitPath', () => {
  it('splits written paths into steps', () => {
    expect(splitPath('Params.bar')).toEqual(['Params', 'bar']);
    expect(splitPath('Tasks[3]')).toEqual(['Tasks', '3']);
    expect(splitPath('Params["odd.key"].x')).toEqual(['Params', 'odd.key', 'x']);
    expect(splitPath('Params["a\\"]b"]')).toEqual(['Params', 'a"]b']);
    expect(splitPath(' .Meta.* ')).toEqual(['Meta', '*']);
    expect(splitPath('')).toEqual([]);
  });

  it('round-trips the positional paths the diff writes', () => {
    for (const segments of [
      ['Params', 'change-stage/map'],
      ['Tasks', 3],
      ['Params', 'odd key', 0],
      ['a.b', 'c'],
    ]) {
      expect(splitPath(positionalPath(segments))).toEqual(segments.map(String));
    }
  });
});

describe('compilePathPattern', () => {
  it('touches the path, what is inside it, and a replaced ancestor', () => {
    const pattern = compilePathPattern('Params.bar');
    expect(pattern.touches('Params.bar')).toBe(true);
    expect(pattern.touches('Params.bar.x')).toBe(true);
    expect(pattern.touches('Params')).toBe(true);
    expect(pattern.touches('')).toBe(true);
    expect(pattern.touches('Params.barn')).toBe(false);
    expect(pattern.touches('Params.foo')).toBe(false);
    expect(pattern.touches('Meta.bar')).toBe(false);
  });

  it('globs within one step', () => {
    expect(compilePathPattern('Params.*').touches('Params.gohai-inventory.CPUs')).toBe(true);
    expect(compilePathPattern('Tasks[*]').touches('Tasks[12]')).toBe(true);
    expect(compilePathPattern('Params.gohai-*').touches('Params.gohai-inventory')).toBe(true);
    expect(compilePathPattern('Params.gohai-*').touches('Params.kernel')).toBe(false);
  });

  it('covers only the place and what is inside it (for Ignore paths)', () => {
    const pattern = compilePathPattern('Meta.*');
    expect(pattern.covers('Meta.color')).toBe(true);
    expect(pattern.covers('Meta')).toBe(false);
    expect(pattern.covers('Params.Meta')).toBe(false);
  });

  it('reads comma- and newline-separated lists', () => {
    expect(compilePathPatterns('Meta.*, Params.gohai-inventory\n\n Validated ').map((p) => p.source)).toEqual([
      'Meta.*',
      'Params.gohai-inventory',
      'Validated',
    ]);
  });
});
