import { describe, expect, it } from 'vitest';
import { importedGapOf } from '../../../src/store/capture-gaps';
import { liveOriginOf, newCaptureMeta, newOutcomes, originOf, storedGapOf, subscriptionOutcomes } from '../../../src/store/capture-meta';
import type { ConnectionState } from '../../../src/store/inspector-state';
import type { Subscription } from '../../../src/store/subscription-registry';

const AT = Date.parse('2026-03-02T10:00:00.000Z');
const sub = (spec: string, status: Subscription['status'], sentAt = AT): Subscription => ({ spec, status, count: 0, sentAt });

describe('capture meta', () => {
  it('keeps only the origin of an endpoint: never userinfo, path or query', () => {
    expect(originOf('https://admin:secret@drp.example.com:8092/api/v3?token=abc')).toBe('https://drp.example.com:8092');
    expect(originOf('not a url')).toBe('');
    const connection = { httpBase: 'https://drp.example.com:8092', endpoint: 'drp.example.com', user: 'rocketskates' } as ConnectionState;
    expect(liveOriginOf(connection)).toEqual({
      source: 'live',
      from: 'https://drp.example.com:8092',
      endpoint: 'https://drp.example.com:8092',
      user: 'rocketskates',
    });
  });

  it('a new capture starts with the outcomes so far; later changes add only new outcomes', () => {
    const list = [sub('machines.*.*', 'active'), sub('jobs.*.*', 'pending'), sub('bad', 'failed')];
    expect(subscriptionOutcomes(list, AT).map((item) => `${item.spec} ${item.state}`)).toEqual(['machines.*.* active', 'bad failed']);
    const next = [sub('machines.*.*', 'active'), sub('jobs.*.*', 'active'), sub('bad', 'failed')];
    expect(newOutcomes(list, next, AT)).toEqual([{ spec: 'jobs.*.*', at: '2026-03-02T10:00:00.000Z', state: 'active' }]);
  });

  it('names a live capture after its host and start, an imported one after its file', () => {
    expect(newCaptureMeta({ source: 'live', from: 'x', endpoint: 'https://drp.example.com:8092', user: 'u' }, [], AT).name).toBe(
      'drp.example.com:8092 2026-03-02 10:00:00',
    );
    expect(newCaptureMeta({ source: 'imported', from: 'run.jsonl', endpoint: '', user: '' }, [], AT)).toMatchObject({
      name: 'run.jsonl (imported)',
      events: 0,
      ended: false,
    });
  });

  it('gaps go to disk with ISO times (an open one without its end) and come back closed', () => {
    expect(storedGapOf({ id: 1, afterSeq: 5, from: AT, to: 0, cause: 'lost' }, 3)).toEqual({
      afterEvent: 3,
      from: '2026-03-02T10:00:00.000Z',
      to: '',
      reason: 'connection lost',
    });
    const marker = {
      kind: 'gap' as const,
      line: 4,
      from: '2026-03-02T10:00:03.000Z',
      to: '2026-03-02T10:00:03.412Z',
      reason: 'socket closed 1006',
    };
    expect(importedGapOf(marker, 7, 99)).toEqual({
      id: 99,
      afterSeq: 7,
      from: Date.parse(marker.from),
      to: Date.parse(marker.to),
      cause: 'lost',
    });
    // Never to = 0, which would read as a gap still open.
    expect(importedGapOf({ ...marker, to: '' }, 7, 99).to).toBe(Date.parse(marker.from));
    expect(importedGapOf({ ...marker, from: 'x', to: 'y' }, 7, 99).to).toBeGreaterThan(0);
  });
});
