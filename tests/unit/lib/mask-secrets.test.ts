import { describe, expect, it } from 'vitest';
import { MASK, maskSecrets } from '../../../src/lib/mask-secrets';

describe('maskSecrets', () => {
  it('masks machine Secret, user PasswordHash and job Token at any depth', () => {
    const event = {
      Type: 'machines',
      Object: { Name: 'm1', Secret: '6SDpJFbKWz3uT0bq', Params: { nested: [{ Token: 'eyJhbGciOi' }] } },
      Original: { Name: 'u', PasswordHash: 'JDJhJDEwJGZha2VoYXNo' },
    };
    expect(maskSecrets(event)).toEqual({
      Type: 'machines',
      Object: { Name: 'm1', Secret: MASK, Params: { nested: [{ Token: MASK }] } },
      Original: { Name: 'u', PasswordHash: MASK },
    });
  });

  it('masks the three fields of a secure-param envelope and keeps other fields', () => {
    const params = { 'ipmi/password': { Key: 'a2V5', Nonce: 'bm9uY2U=', Payload: 'cGF5bG9hZA==' }, 'ipmi/username': 'root' };
    expect(maskSecrets({ Params: params })).toEqual({
      Params: { 'ipmi/password': { Key: MASK, Nonce: MASK, Payload: MASK }, 'ipmi/username': 'root' },
    });
  });

  it('leaves an object with a Key field alone when it is not an envelope', () => {
    const value = { Key: 'machines.update.abc', Name: 'x' };
    expect(maskSecrets(value)).toEqual(value);
  });

  it('masks the value of a secret preference', () => {
    expect(maskSecrets({ Name: 'systemGrantorSecret', Val: 'hunter2', Meta: {} })).toEqual({
      Name: 'systemGrantorSecret',
      Val: MASK,
      Meta: {},
    });
    expect(maskSecrets({ Name: 'defaultStage', Val: 'discover' })).toEqual({ Name: 'defaultStage', Val: 'discover' });
  });

  it('keeps empty secrets visible and does not modify the input', () => {
    const input = { Secret: '', Token: null, PasswordHash: 'x' };
    const masked = maskSecrets(input);
    expect(masked).toEqual({ Secret: '', Token: null, PasswordHash: MASK });
    expect(input.PasswordHash).toBe('x');
  });

  it('passes primitives and null through', () => {
    expect(maskSecrets(null)).toBeNull();
    expect(maskSecrets('Secret')).toBe('Secret');
    expect(maskSecrets([1, 'a'])).toEqual([1, 'a']);
  });
});
