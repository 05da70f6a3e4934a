import { describe, expect, it } from 'vitest';
import { diffObjects } from '../../../src/lib/json-diff';
import { MASK, maskDiffEntries, maskSecrets } from '../../../src/lib/mask-secrets';

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

  it('masks a hostile 100,000-level nesting without running out of stack, and keeps __proto__ a key', () => {
    const deep: unknown = JSON.parse(`${'['.repeat(100_000)}{"Secret":"s"}${']'.repeat(100_000)}`);
    let node = maskSecrets(deep);
    for (let level = 0; level < 100_000; level++) node = (node as unknown[])[0];
    expect(node).toEqual({ Secret: MASK });
    const proto = maskSecrets(JSON.parse('{"__proto__":{"Token":"t"}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });
});

describe('maskDiffEntries', () => {
  const texts = (before: unknown, after: unknown) =>
    maskDiffEntries(diffObjects(before, after), before, after).map(({ kind, path, before: from, after: to }) => ({ kind, path, from, to }));

  it('masks a secret whose place is secret in either version, even when cleared or set', () => {
    expect(texts({ Secret: 'a', Token: '' }, { Secret: 'b', Token: 'tok' })).toEqual([
      { kind: 'changed', path: 'Secret', from: MASK, to: MASK },
      { kind: 'changed', path: 'Token', from: '', to: MASK },
    ]);
    expect(texts({ Secret: 'a' }, {})).toEqual([{ kind: 'removed', path: 'Secret', from: MASK, to: undefined }]);
  });

  it('masks envelope fields and secret preference values by their parent, and secrets inside added values', () => {
    const envelope = (payload: string) => ({ Params: { pw: { Key: 'k', Nonce: 'n', Payload: payload } } });
    expect(texts(envelope('p1'), envelope('p2'))).toEqual([{ kind: 'changed', path: 'Params.pw.Payload', from: MASK, to: MASK }]);
    expect(texts({ Name: 'systemGrantorSecret', Val: 'x' }, { Name: 'systemGrantorSecret', Val: 'y' })[0]).toMatchObject({
      from: MASK,
      to: MASK,
    });
    expect(texts({}, { Jobs: [{ Token: 't', State: 'ok' }] })).toEqual([
      { kind: 'added', path: 'Jobs', from: undefined, to: [{ Token: MASK, State: 'ok' }] },
    ]);
    expect(texts({ Stage: 'a' }, { Stage: 'b' })).toEqual([{ kind: 'changed', path: 'Stage', from: 'a', to: 'b' }]);
  });
});
