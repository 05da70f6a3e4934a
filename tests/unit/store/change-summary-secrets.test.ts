import { describe, expect, it } from 'vitest';
import { MASK } from '../../../src/lib/mask-secrets';
import { eventFrame as frame } from '../support/frames';
import { createTestStore } from '../support/test-store';

describe('row summaries keep secrets masked', () => {
  it('shows a changed Secret as masked on both sides, vs the previous version and vs Original', () => {
    const { events, ingest } = createTestStore({ capacity: 10 });
    ingest(
      frame('machines', 'save', 'm', { Name: 'm', Secret: 'old-secret' }),
      frame('machines', 'save', 'm', { Name: 'm', Secret: 'new-secret' }),
      frame('users', 'update', 'u', { Name: 'u', PasswordHash: 'hash-2' }, { Name: 'u', PasswordHash: 'hash-1' }),
      frame('machines', 'save', 'm', { Name: 'm', Secret: 'new-secret', Stage: 'x' }),
    );
    expect(events.changeSummary(2)).toMatchObject({
      kind: 'compared',
      paths: ['Secret'],
      values: { change: 'changed', before: MASK, after: MASK },
    });
    expect(events.changeSummary(3)).toMatchObject({ paths: ['PasswordHash'], values: { before: MASK, after: MASK } });
    expect(JSON.stringify([2, 3].map((seq) => events.changeSummary(seq)))).not.toMatch(/secret|hash-/);
    expect(events.changeSummary(4)).toMatchObject({ paths: ['Stage'], values: { change: 'added' } });
  });
});
