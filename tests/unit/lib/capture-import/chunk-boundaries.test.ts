import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../../src/lib/capture-import/import-runner';
import type { ImportNotice } from '../../../../src/lib/capture-import/import-messages';
import { FIXTURE_NAMES, fixtureText, parseChunks, parseText, splitAt } from './import-fixtures';

describe('chunk boundaries', () => {
  it.each(FIXTURE_NAMES)('%s: any split gives the same records and summary', (name) => {
    const text = fixtureText(name);
    const whole = parseText(text);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: text.length }), { maxLength: 40 }), (cuts) => {
        expect(parseChunks(splitAt(text, cuts))).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it.each(FIXTURE_NAMES)('%s: one character at a time', (name) => {
    const text = fixtureText(name);
    expect(parseChunks(Array.from(text))).toEqual(parseText(text));
  });

  it('multi-byte characters split between file slices decode whole', async () => {
    const event = (key: string): string =>
      JSON.stringify({
        Time: '2026-03-02T10:00:00Z',
        Type: 'profiles',
        Action: 'save',
        Key: key,
        Object: { Description: 'façade ✓ 🚀 中文' },
      });
    const lines = ['é-1', '🚀-2', '中-3'].map(event);
    const file = new Blob([`${lines.join('\n')}\n`]);
    for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
      const events: string[] = [];
      const notices: ImportNotice[] = [];
      await runImport(
        file,
        (notice) => (notice.type === 'batch' ? events.push(...notice.events) : notices.push(notice)),
        () => false,
        { chunkBytes },
      );
      expect(events).toEqual(lines);
      expect(notices.at(-1)).toMatchObject({ type: 'done', summary: { events: 3, errorCount: 0 } });
    }
  });
});
