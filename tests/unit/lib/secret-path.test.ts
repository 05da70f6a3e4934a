import { describe, expect, it } from 'vitest';
import { isSecretPath } from '../../../src/lib/secret-path';

describe('isSecretPath', () => {
  const object = {
    Name: 'm',
    Secret: 'hunter2',
    Params: {
      'secure-param': { Key: 'k', Nonce: 'n', Payload: 'p' },
      plain: { Key: 'only a key' },
    },
    Prefs: [{ Name: 'systemGrantorSecret', Val: { deep: 'x' } }],
  };

  it('holds secrets by name, secure-param envelopes and secret preferences, and what is inside them', () => {
    expect(isSecretPath(object, ['Secret'])).toBe(true);
    expect(isSecretPath(object, ['Params', 'secure-param', 'Payload'])).toBe(true);
    expect(isSecretPath(object, ['Prefs', 0, 'Val', 'deep'])).toBe(true);
  });

  it('leaves other values alone', () => {
    expect(isSecretPath(object, ['Name'])).toBe(false);
    expect(isSecretPath(object, ['Params', 'plain', 'Key'])).toBe(false);
    expect(isSecretPath(object, ['Prefs', 0, 'Name'])).toBe(false);
    expect(isSecretPath(object, ['Missing', 'Secret'])).toBe(false);
    expect(isSecretPath(null, ['Secret'])).toBe(false);
  });
});
