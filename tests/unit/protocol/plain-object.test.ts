import { describe, expect, it } from 'vitest';
import { isPlainObject } from '../../../src/protocol/plain-object';

describe('isPlainObject', () => {
  it('accepts what JSON.parse gives for an object', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(JSON.parse('{"Name":"m","Params":{}}'))).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
  });

  it('rejects null, arrays and every primitive', () => {
    for (const value of [null, undefined, [], [{}], 'text', '', 0, 1.5, true, false]) {
      expect(isPlainObject(value), JSON.stringify(value) ?? String(value)).toBe(false);
    }
  });
});
