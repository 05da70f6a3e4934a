import { describe, expect, it } from 'vitest';
import { KNOWN_ACTIONS, KNOWN_TYPES, keyFieldOf } from '../../../src/protocol/drp-types';

describe('drp-types', () => {
  it('lists the docs/reference/drp-protocol.md §5 types once each, with preferences (not prefs)', () => {
    expect(new Set(KNOWN_TYPES).size).toBe(KNOWN_TYPES.length);
    expect(KNOWN_TYPES).toHaveLength(30);
    for (const type of ['machines', 'jobs', 'preferences', 'log', 'static', 'tftp', 'work_orders']) {
      expect(KNOWN_TYPES).toContain(type);
    }
    expect(KNOWN_TYPES).not.toContain('prefs');
    expect(KNOWN_TYPES).not.toContain('websocket');
  });

  it('uses delete, never destroy', () => {
    expect(KNOWN_ACTIONS).toEqual(expect.arrayContaining(['create', 'update', 'save', 'delete', 'serve', 'info']));
    expect(KNOWN_ACTIONS).not.toContain('destroy');
    expect(new Set(KNOWN_ACTIONS).size).toBe(KNOWN_ACTIONS.length);
  });

  it.each([
    ['machines', 'Uuid'],
    ['jobs', 'Uuid'],
    ['templates', 'ID'],
    ['pools', 'Id'],
    ['endpoints', 'Id'],
    ['version_sets', 'Id'],
    ['contents', 'Meta.Name'],
    ['profiles', 'Name'],
    ['bootenvs', 'Name'],
    ['some_plugin_type', 'Name'],
    ['toString', 'Name'],
    ['__proto__', 'Name'],
  ])('keyFieldOf(%s) = %s', (type, field) => {
    expect(keyFieldOf(type)).toBe(field);
  });
});
