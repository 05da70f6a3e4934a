import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { receiveBinaryFrame, receiveTextFrame } from '../../../src/connection/received-frame';
import { compileFilter } from '../../../src/protocol/filter';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { readSeedFrames } from '../../fixtures/seed-events';

const machineSave = {
  Time: '2021-08-30T14:02:13.010000001Z',
  Type: 'machines',
  Action: 'save',
  Key: '3f1c5a4e-0000-4000-8000-000000000001',
  Principal: 'user:rocketskates',
  Object: { Name: 'm1', Machine: 'not-a-job-link', Params: { big: 'x'.repeat(500) } },
  Original: { Name: 'm1' },
};

describe('receiveTextFrame', () => {
  it('keeps the text and the header of an event, and drops the parsed trees', () => {
    const text = JSON.stringify(machineSave);
    expect(receiveTextFrame(text)).toEqual({
      kind: 'event',
      raw: text,
      bytes: text.length,
      header: {
        Time: machineSave.Time,
        Type: 'machines',
        Action: 'save',
        Key: machineSave.Key,
        Principal: 'user:rocketskates',
        // Only jobs events carry job links; a machine's own `Machine` field is not one.
        Object: null,
        hasOriginal: true,
        // Compared with its Original (no earlier version seen): what this save changed.
        changes: expect.objectContaining({ base: 'original' }),
        facts: expect.objectContaining({ name: machineSave.Object.Name }),
      },
    });
  });

  it('fills the defaults of old servers: no Principal, no Original', () => {
    for (const line of readSeedFrames()) {
      const frame = receiveTextFrame(line);
      if (frame.kind !== 'event') throw new Error(`expected an event, got ${frame.kind}`);
      expect(frame.header).toMatchObject({ Type: 'profiles', Action: 'save', Key: 'global', Principal: '', hasOriginal: false });
      expect(frame.raw).toBe(line);
    }
    const nullOriginal = receiveTextFrame(JSON.stringify({ ...machineSave, Original: null }));
    expect(nullOriginal.kind === 'event' && nullOriginal.header.hasOriginal).toBe(false);
  });

  it('keeps only the string job links of a jobs event', () => {
    const job = (object: unknown) => receiveTextFrame(JSON.stringify({ ...machineSave, Type: 'jobs', Object: object }));
    expect(job({ Machine: 'm-1', WorkOrder: 'wo-1', State: 'running' })).toMatchObject({
      header: { Object: { Machine: 'm-1', WorkOrder: 'wo-1' } },
    });
    expect(job({ Machine: 7, WorkOrder: null })).toMatchObject({ header: { Object: {} } });
    expect(job([1, 2])).toMatchObject({ header: { Object: null } });
    expect(job(null)).toMatchObject({ header: { Object: null } });
  });

  it('passes acks and errors through as parseFrame classifies them', () => {
    const ack = JSON.stringify({
      Time: 't',
      Type: 'websocket',
      Action: 'register',
      Key: 'machines.*.*',
      Principal: '',
      Object: null,
      Original: null,
    });
    expect(receiveTextFrame(ack)).toEqual(parseFrame(ack));
    expect(receiveTextFrame('{"Type":1}')).toEqual(parseFrame('{"Type":1}'));
    expect(receiveTextFrame('not json')).toMatchObject({ kind: 'error', bytes: 8, preview: 'not json' });
  });

  it('reports a binary frame as an error of its size', () => {
    expect(receiveBinaryFrame(12)).toEqual({ kind: 'error', reason: 'binary frame', bytes: 12, preview: '' });
  });

  it('a compiled subscription filter gives the same answer on the header as on the whole event', () => {
    const specs = [
      '*.*.*',
      'machines.*.*',
      'jobs.update.j1',
      'machine_jobs.*.m-1',
      'machine_jobs,work_order_jobs.*.wo-1,m-2',
      'work_order_jobs.create.*',
      'machines,machine_jobs.save,update.m-1',
    ].map((spec) => compileFilter(spec)!);
    const value = fc.constantFrom('m-1', 'm-2', 'wo-1', 'j1', 'other');
    const event = fc.record({
      Time: fc.constant('2021-08-30T14:02:13Z'),
      Type: fc.constantFrom('jobs', 'machines', 'work_orders'),
      Action: fc.constantFrom('create', 'update', 'save'),
      Key: value,
      Principal: fc.constant(''),
      Object: fc.oneof(
        fc.constant(null),
        fc.record({ Machine: fc.oneof(value, fc.integer()), WorkOrder: fc.oneof(value, fc.constant(null)) }, { requiredKeys: [] }),
      ),
      Original: fc.constant(null),
    });
    fc.assert(
      fc.property(event, (e) => {
        const frame = receiveTextFrame(JSON.stringify(e));
        if (frame.kind !== 'event') return false;
        return specs.every((filter) => filter.test(frame.header) === filter.test(e));
      }),
      { numRuns: 500 },
    );
  });
});
