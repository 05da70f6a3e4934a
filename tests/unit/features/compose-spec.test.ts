import { describe, expect, it } from 'vitest';
import { composeSpec, objectHistorySpec } from '../../../src/features/subscriptions/compose-spec';

const parts = (type: string, action: string, key: string, escapeKey = false) => ({ type, action, key, escapeKey });

describe('composeSpec', () => {
  it('fills empty pickers with *', () => {
    expect(composeSpec(parts('', '', ''))).toEqual({ ok: true, spec: '*.*.*' });
    expect(composeSpec(parts('machines', '', ''))).toEqual({ ok: true, spec: 'machines.*.*' });
  });

  it('passes comma lists through and keeps a dotted key literal unless escaping is ticked', () => {
    expect(composeSpec(parts('machines,jobs', 'create,delete', 'a,b'))).toEqual({ ok: true, spec: 'machines,jobs.create,delete.a,b' });
    expect(composeSpec(parts('templates', 'update', 'my.ks.tmpl'))).toEqual({ ok: true, spec: 'templates.update.my.ks.tmpl' });
    expect(composeSpec(parts('templates', 'update', 'my.ks,*', true))).toEqual({ ok: true, spec: 'templates.update.my\\1ks\\2\\3' });
  });

  it('refuses a dot in type or action', () => {
    expect(composeSpec(parts('machines.x', '', '')).ok).toBe(false);
    expect(composeSpec(parts('machines', 'up.date', '')).ok).toBe(false);
  });
});

describe('objectHistorySpec', () => {
  it('builds type.*.key and ignores the action picker', () => {
    expect(objectHistorySpec(parts('machines', 'update', 'f6b2c1d0'))).toEqual({ ok: true, spec: 'machines.*.f6b2c1d0' });
  });

  it('needs a concrete type and key', () => {
    expect(objectHistorySpec(parts('', '', 'k')).ok).toBe(false);
    expect(objectHistorySpec(parts('machines', '', '')).ok).toBe(false);
    expect(objectHistorySpec(parts('*', '', 'k')).ok).toBe(false);
  });
});
