import { describe, expect, it } from 'vitest';
import { KNOWN_ACTIONS, KNOWN_TYPES, keyFieldOf } from '../../../src/protocol/drp-types';

describe('drp-types', () => {
  it('lists the docs/reference/drp-protocol.md §5 types once each, with preferences (not prefs)', () => {
    expect(new Set(KNOWN_TYPES).size).toBe(KNOWN_TYPES.length);
    expect(KNOWN_TYPES).toHaveLength(31);
    for (const type of ['machines', 'jobs', 'preferences', 'log', 'static', 'tftp', 'work_orders', 'alerts']) {
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

  it("knows every log level, the plugin lifecycle and the IPMI provider's machine actions", () => {
    for (const action of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'panic', 'audit']) expect(KNOWN_ACTIONS).toContain(action);
    for (const action of ['start', 'stop', 'config', 'configed', 'stopped', 'remove']) expect(KNOWN_ACTIONS).toContain(action);
    for (const action of ['poweron', 'poweroff', 'powercycle', 'nextbootpxe', 'nextbootdisk', 'identify'])
      expect(KNOWN_ACTIONS).toContain(action);
  });

  it.each([
    ['machines', 'Uuid'],
    ['jobs', 'Uuid'],
    ['templates', 'ID'],
    ['pools', 'Id'],
    ['endpoints', 'Id'],
    ['version_sets', 'Id'],
    ['alerts', 'Uuid'],
    ['work_orders', 'Uuid'],
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
