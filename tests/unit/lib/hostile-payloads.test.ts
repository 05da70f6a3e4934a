import { describe, expect, it } from 'vitest';
import { formatRawFrame } from '../../../src/lib/format-raw-frame';
import { jsonDepth, jsonDepthExceeds } from '../../../src/lib/json-depth';
import { MASK } from '../../../src/lib/mask-secrets';
import { MAX_NESTING_DEPTH } from '../../../src/lib/payload-limits';

/** `[[[ … ]]]` nested `depth` levels: V8 parses it, recursive code overflows the stack on it. */
const nestedArrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

function eventWith(objectJson: string): string {
  return `{"Time":"2021-08-30T14:02:11.5Z","Type":"machines","Action":"update","Key":"k","Principal":"","Object":${objectJson},"Original":null}`;
}

describe('jsonDepth', () => {
  it('measures depth without recursion, even 200,000 levels deep', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
    expect(jsonDepth(JSON.parse(nestedArrays(200_000)))).toBe(200_000);
  });

  it('stops once past the limit', () => {
    expect(jsonDepth(JSON.parse(nestedArrays(50)), 10)).toBe(11);
    expect(jsonDepthExceeds(JSON.parse(nestedArrays(10)), 10)).toBe(false);
    expect(jsonDepthExceeds(JSON.parse(nestedArrays(11)), 10)).toBe(true);
  });
});

describe('formatRawFrame', () => {
  it('pretty-prints and masks an ordinary event', () => {
    const formatted = formatRawFrame(eventWith('{"Name":"m1","Secret":"s3cr3t"}'), true);
    expect(formatted.ok && formatted.compact).toBe(false);
    expect(formatted.ok ? formatted.text : '').toContain(`"Secret": "${MASK}"`);
    expect(formatted.ok ? formatted.text : '').not.toContain('s3cr3t');
  });

  it('prints a moderately deep frame compact instead of indenting every level', () => {
    const raw = eventWith(nestedArrays(MAX_NESTING_DEPTH * 10));
    const formatted = formatRawFrame(raw, true);
    expect(formatted).toEqual({ ok: true, compact: true, text: raw });
  });

  it('reports a frame too deep to mask instead of throwing', () => {
    const formatted = formatRawFrame(eventWith(nestedArrays(100_000)), true);
    expect(formatted).toEqual({ ok: false, reason: 'too deeply nested or too large to format and mask' });
  });
});
