import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_VIEW, decodeViewHash, encodeViewHash, viewFromHash } from '../../../src/app/url-view-state';
import type { UrlViewState } from '../../../src/app/url-view-state';
import { EMPTY_TIMELINE_FILTER } from '../../../src/store/timeline-filter';

/** A small seeded PRNG (mulberry32), so a failure names its seed and replays. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters that break naive URL handling: separators, escapes, spaces, plus, slashes, NUL, non-ASCII, astral. */
const ODD = [
  '&',
  '=',
  '#',
  '%',
  '%2F',
  '/',
  '+',
  ' ',
  '?',
  '\\',
  '"',
  "'",
  '\u0000',
  '\n',
  'é',
  '中',
  '😀',
  '[',
  ']',
  '.',
  '*',
  ',',
  'a',
  'Z',
  '0',
  '~',
];

function oddText(next: () => number, max = 12): string {
  const length = Math.floor(next() * max);
  let text = '';
  for (let index = 0; index < length; index++) text += ODD[Math.floor(next() * ODD.length)];
  return text;
}

function nonEmpty(next: () => number): string {
  return oddText(next) || 'x';
}

function randomView(next: () => number): UrlViewState {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  return {
    mode: pick(['events', 'objects'] as const),
    filter: {
      type: oddText(next),
      action: oddText(next),
      key: oddText(next),
      principal: oddText(next),
      text: oddText(next),
      regex: next() < 0.5,
      caseSensitive: next() < 0.5,
      invert: next() < 0.5,
      changedPath: oddText(next),
      object: next() < 0.5 ? { type: nonEmpty(next), key: oddText(next) } : null,
    },
    selected: next() < 0.5 ? { type: nonEmpty(next), key: oddText(next) } : null,
    detailTab: pick(['object', 'diff', 'raw', 'history', 'blame']),
    diffLayout: pick(['inline', 'side-by-side'] as const),
  };
}

describe('view state in the URL hash', () => {
  it('round-trips any view, odd keys and types included (1,000 random views)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const view = randomView(random(seed));
      const hash = encodeViewHash(view);
      // Only hash-safe characters: nothing a browser would rewrite or cut at.
      expect(hash, `seed ${seed}`).toMatch(/^[A-Za-z0-9%&=+._*~-]*$/);
      const { diffLayoutGiven, ...back } = viewFromHash(`#${hash}`);
      expect(back, `seed ${seed}: ${hash}`).toEqual(view);
      expect(diffLayoutGiven).toBe(view.diffLayout !== 'inline');
    }
  });

  it('writes the example of the issue, and nothing for the default view', () => {
    expect(encodeViewHash(DEFAULT_URL_VIEW)).toBe('');
    const hash = encodeViewHash({
      ...DEFAULT_URL_VIEW,
      mode: 'objects',
      filter: { ...EMPTY_TIMELINE_FILTER, type: 'machines', changedPath: 'Params.bar' },
      selected: { type: 'profiles', key: 'global' },
      detailTab: 'history',
      diffLayout: 'side-by-side',
    });
    expect(hash).toBe('view=objects&type=machines&changed=Params.bar&obj=profiles%2Fglobal&tab=history&diff=side-by-side');
  });

  it('splits an object at the first slash only: keys keep theirs, types are escaped', () => {
    const hash = encodeViewHash({ ...DEFAULT_URL_VIEW, selected: { type: 'a/b', key: 'c/d/e' } });
    expect(decodeViewHash(hash).selected).toEqual({ type: 'a/b', key: 'c/d/e' });
  });

  it('ignores what it does not know and broken values, and never throws', () => {
    const decoded = decodeViewHash('#view=nope&obj=noslash&follow=%E0%A4%A/x&tab=%3Cscript%3E&diff=sideways&regex=yes&token=secret');
    expect(decoded).toEqual({ filter: { regex: false } });
    expect(() => decodeViewHash('%%%&&==')).not.toThrow();
  });

  it('a lone surrogate in a hostile Key does not throw; an absurdly long Key is left out', () => {
    expect(() => encodeViewHash({ ...DEFAULT_URL_VIEW, selected: { type: 'machines\uD800', key: 'x\uDC00y' } })).not.toThrow();
    expect(encodeViewHash({ ...DEFAULT_URL_VIEW, selected: { type: 'machines', key: 'k'.repeat(5000) } })).toBe('');
  });
});
