import { describe, expect, it } from 'vitest';
import { compileFilter, escapeField, formatFilter, matches, parseFilter, splitSpec, unescapeField } from '../../../src/protocol/filter';

const machineUpdate = { Type: 'machines', Action: 'update', Key: '3e7031fe', Object: {} };

describe('escapeField / unescapeField', () => {
  it('escapes . , * as \\1 \\2 \\3 and leaves backslashes alone', () => {
    expect(escapeField('my.ks.tmpl')).toBe('my\\1ks\\1tmpl');
    expect(escapeField('a,b*c')).toBe('a\\2b\\3c');
    expect(escapeField('back\\slash')).toBe('back\\slash');
    expect(unescapeField('my\\1ks\\1tmpl')).toBe('my.ks.tmpl');
    expect(unescapeField('a\\2b\\3c')).toBe('a,b*c');
    expect(unescapeField('\\4\\0\\')).toBe('\\4\\0\\');
  });

  it('unescapes like sequential Go ReplaceAll passes', () => {
    // "\\1" is backslash, backslash, one: the second backslash starts the escape.
    expect(unescapeField('\\\\1')).toBe('\\.');
    expect(unescapeField('\\1\\2\\3')).toBe('.,*');
  });
});

describe('splitSpec', () => {
  it('is SplitN(spec, ".", 3): the key keeps further dots', () => {
    expect(splitSpec('templates.update.my.ks.tmpl')).toEqual(['templates', 'update', 'my.ks.tmpl']);
    expect(splitSpec('*.*.*')).toEqual(['*', '*', '*']);
    expect(splitSpec('a..')).toEqual(['a', '', '']);
    expect(splitSpec('machines.update')).toBeNull();
    expect(splitSpec('*')).toBeNull();
    expect(splitSpec('')).toBeNull();
  });
});

describe('parseFilter', () => {
  it('treats only an exact "*" field as the wildcard', () => {
    expect(parseFilter('*.*.*')).toEqual({ type: '*', action: '*', key: '*' });
    expect(parseFilter('machines,*.update.*')).toEqual({ type: ['machines', '*'], action: ['update'], key: '*' });
    expect(parseFilter('mach*.*. *')).toEqual({ type: ['mach*'], action: '*', key: ['*'] });
  });

  it('splits on commas, then unescapes, then trims each piece', () => {
    expect(parseFilter('machines.create, update .a\\2b,c\\1d')).toEqual({
      type: ['machines'],
      action: ['create', 'update'],
      key: ['a,b', 'c.d'],
    });
    expect(parseFilter('a.b.\\3')).toEqual({ type: ['a'], action: ['b'], key: ['*'] });
  });

  it('trims Go whitespace (NBSP, NEL) but not a BOM', () => {
    expect(parseFilter('a.b.\u00a0k\u0085')?.key).toEqual(['k']);
    expect(parseFilter('a.b.\ufeffk')?.key).toEqual(['\ufeffk']);
  });

  it('returns null when the spec has fewer than 3 fields', () => {
    expect(parseFilter('machines.update')).toBeNull();
  });
});

describe('formatFilter', () => {
  it('escapes list items and keeps the wildcard', () => {
    expect(formatFilter({ type: ['templates'], action: '*', key: ['my.ks.tmpl', 'a,b', '*'] })).toBe(
      'templates.*.my\\1ks\\1tmpl,a\\2b,\\3',
    );
  });

  it('round-trips with parseFilter', () => {
    const spec = { type: ['machines', 'jobs'], action: ['update'], key: ['x.y', ''] } as const;
    expect(parseFilter(formatFilter(spec))).toEqual(spec);
  });

  it('refuses what it cannot express', () => {
    expect(() => formatFilter({ type: [], action: '*', key: '*' })).toThrow(/type list is empty/);
    expect(() => formatFilter({ type: '*', action: '*', key: [' padded'] })).toThrow(/whitespace/);
    expect(() => formatFilter({ type: '*', action: '*', key: ['a\\1b'] })).toThrow(/backslash/);
  });
});

describe('compileFilter / matches', () => {
  const cases: [string, object, boolean][] = [
    ['*.*.*', machineUpdate, true],
    ['machines.*.*', machineUpdate, true],
    ['Machines.*.*', machineUpdate, false],
    ['mach*.*.*', machineUpdate, false],
    ['machines.update.3e7031fe', machineUpdate, true],
    ['machines.update.3e7031f', machineUpdate, false],
    ['machines.save,update.*', machineUpdate, true],
    ['machines.save, update .*', machineUpdate, true],
    ['machines.save,create.*', machineUpdate, false],
    ['jobs,machines.*.*', machineUpdate, true],
    // '*' inside a list is literal (docs/reference/drp-protocol.md §3.2).
    ['jobs,*.*.*', machineUpdate, false],
    ['*.*.other,*', machineUpdate, false],
    ['*.*.*', { ...machineUpdate, Key: '*' }, true],
    ['*.*.x,\\3', { ...machineUpdate, Key: '*' }, true],
    ['*.*.x,*', { ...machineUpdate, Key: '*' }, true],
    // Dotted keys: literal in the last field, or escaped.
    ['templates.update.my.ks.tmpl', { Type: 'templates', Action: 'update', Key: 'my.ks.tmpl', Object: {} }, true],
    ['templates.update.my\\1ks\\1tmpl', { Type: 'templates', Action: 'update', Key: 'my.ks.tmpl', Object: {} }, true],
    ['templates.update.a\\2b', { Type: 'templates', Action: 'update', Key: 'a,b', Object: {} }, true],
    ['templates.update.a,b', { Type: 'templates', Action: 'update', Key: 'a,b', Object: {} }, false],
    // Empty key (posted events) only matches an empty item.
    ['x.y.', { Type: 'x', Action: 'y', Key: '', Object: null }, true],
    ['x.y.', { Type: 'x', Action: 'y', Key: 'k', Object: null }, false],
    // Malformed specs never match.
    ['machines.update', machineUpdate, false],
    ['*', machineUpdate, false],
  ];

  it.each(cases)('%s -> %s', (spec, event, expected) => {
    const e = event as typeof machineUpdate;
    expect(matches(spec, e)).toBe(expected);
    const compiled = compileFilter(spec);
    expect(compiled === null ? false : compiled.test(e)).toBe(expected);
  });

  it('returns null for specs that do not split into 3 and keeps the spec text', () => {
    expect(compileFilter('a.b')).toBeNull();
    expect(compileFilter('a.b.c')?.spec).toBe('a.b.c');
  });

  describe('special job types (§3.4 step 3)', () => {
    const job = (machine: unknown, workOrder?: unknown) => ({
      Type: 'jobs',
      Action: 'update',
      Key: 'job-1',
      Object: { Machine: machine, WorkOrder: workOrder },
    });

    it('machine_jobs matches jobs whose Machine is in the key list', () => {
      expect(matches('machine_jobs.*.m1,m2', job('m2'))).toBe(true);
      expect(matches('machine_jobs.*.m1,m2', job('m3'))).toBe(false);
      expect(matches('machine_jobs.update.m1', job('m1'))).toBe(true);
      expect(matches('machine_jobs.create.m1', job('m1'))).toBe(false);
      expect(matches('machine_jobs.*.job-1', job('m1'))).toBe(false);
      expect(matches('machine_jobs.*.m1', { ...job('m1'), Type: 'machines' })).toBe(false);
    });

    it('work_order_jobs matches on WorkOrder', () => {
      expect(matches('work_order_jobs.*.w1', job('m1', 'w1'))).toBe(true);
      expect(matches('work_order_jobs.*.m1', job('m1', 'w1'))).toBe(false);
    });

    it('with a wildcard key matches every jobs event (assumption; §3.2 gives no rule)', () => {
      expect(matches('machine_jobs.*.*', job(undefined))).toBe(true);
      expect(matches('machine_jobs.*.*', { ...job('m1'), Object: null })).toBe(true);
    });

    it('tolerates odd Objects', () => {
      for (const object of [null, 'str', 5, [], { Machine: 5 }]) {
        expect(matches('machine_jobs.*.m1', { Type: 'jobs', Action: 'update', Key: 'j', Object: object })).toBe(false);
      }
    });

    it('keeps the ordinary meaning of other items in the same list', () => {
      expect(matches('machines,machine_jobs.*.m1', { Type: 'machines', Action: 'update', Key: 'm1', Object: {} })).toBe(true);
      expect(matches('machines,machine_jobs.*.m1', job('m1'))).toBe(true);
      expect(matches('*.*.m1', job('m1'))).toBe(false);
    });
  });
});
