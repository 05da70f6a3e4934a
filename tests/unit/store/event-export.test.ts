import { createTestStore } from '../support/test-store';
import { describe, expect, it } from 'vitest';
import { MASK } from '../../../src/lib/mask-secrets';
import { exportEvents } from '../../../src/store/event-export';
import { eventFrame } from '../support/frames';

function setup(frames: string[], capacity = 100) {
  const { events, ingest } = createTestStore({ capacity });
  ingest(...frames);
  return events;
}

const machine = eventFrame('machines', 'update', 'm1', {
  Name: 'm1',
  Secret: 'machine-secret',
  Params: { p: { Key: 'k', Nonce: 'n', Payload: 'secure-payload' } },
});
const user = eventFrame('users', 'save', 'bob', { Name: 'bob', PasswordHash: 'hash-of-bob' });
const job = eventFrame('jobs', 'create', 'j1', { Uuid: 'j1', Token: 'job-token' });

describe('exportEvents', () => {
  it('writes one masked JSON document per line by default', async () => {
    const reader = setup([machine, user, job]);
    const result = await exportEvents(reader, [1, 2, 3], { mask: true });
    expect(result).toMatchObject({ exported: 3, skipped: 0, missing: 0 });
    const text = result.lines.join('');
    expect(text.endsWith('\n')).toBe(true);
    for (const secret of ['machine-secret', 'secure-payload', 'hash-of-bob', 'job-token']) expect(text).not.toContain(secret);
    const events = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { Key: string; Object: Record<string, unknown> });
    expect(events.map((event) => event.Key)).toEqual(['m1', 'bob', 'j1']);
    expect(events[0]?.Object.Secret).toBe(MASK);
  });

  it('exports the frames exactly as received when masking is off', async () => {
    const reader = setup([machine, user]);
    const result = await exportEvents(reader, [2, 1], { mask: false });
    expect(result.lines).toEqual([`${user}\n`, `${machine}\n`]);
  });

  it('yields between chunks and counts events evicted meanwhile', async () => {
    const reader = setup([machine, user, job], 2);
    let yields = 0;
    const result = await exportEvents(reader, [1, 2, 3], { mask: true, chunkSize: 1, yieldToUi: async () => void (yields += 1) });
    expect(yields).toBe(2);
    expect(result).toMatchObject({ exported: 2, missing: 1 });
  });

  it('leaves out an event too deeply nested to mask rather than exporting it unmasked', async () => {
    const deep = `{"Time":"t","Type":"machines","Action":"update","Key":"deep","Object":{"Secret":"x","n":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`;
    const reader = setup([deep, job]);
    const result = await exportEvents(reader, [1, 2], { mask: true });
    expect(result).toMatchObject({ exported: 1, skipped: 1 });
    expect(result.lines.join('')).not.toContain('"deep"');
  });
});
