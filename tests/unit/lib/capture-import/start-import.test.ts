import { describe, expect, it } from 'vitest';
import { runImport } from '../../../../src/lib/capture-import/import-runner';
import type { ImportBatch, ImportNotice } from '../../../../src/lib/capture-import/import-messages';
import { startImport } from '../../../../src/lib/capture-import/start-import';
import type { ImportSummary } from '../../../../src/lib/capture-import/import-types';
import { fixtureText } from './import-fixtures';

const eventLine = (index: number): string =>
  JSON.stringify({
    Time: `2026-03-02T10:00:00.${String(index).padStart(9, '0')}Z`,
    Type: 'machines',
    Action: 'update',
    Key: `m-${index}`,
    Object: { Name: `m-${index}` },
  });

function manyEvents(count: number): Blob {
  return new Blob([Array.from({ length: count }, (_, index) => `${eventLine(index)}\n`).join('')]);
}

describe('runImport', () => {
  it('posts batches of at most batchEvents, in order, then progress up to the total, then done', async () => {
    const file = manyEvents(2500);
    const notices: ImportNotice[] = [];
    await runImport(
      file,
      (notice) => notices.push(notice),
      () => false,
      { chunkBytes: 64 * 1024, batchEvents: 1000 },
    );
    const batches = notices.flatMap((notice) => (notice.type === 'batch' ? [notice] : []));
    expect(Math.max(...batches.map((batch) => batch.events.length))).toBeLessThanOrEqual(1000);
    expect(batches.flatMap((batch) => batch.events)).toEqual(Array.from({ length: 2500 }, (_, index) => eventLine(index)));
    const progress = notices.flatMap((notice) => (notice.type === 'progress' ? [notice.bytesRead] : []));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(file.size);
    expect(notices.at(-1)).toMatchObject({ type: 'done', summary: { events: 2500, format: 'capture-jsonl' } });
  });

  it('cuts a batch by characters too', async () => {
    const notices: ImportNotice[] = [];
    await runImport(
      manyEvents(100),
      (notice) => notices.push(notice),
      () => false,
      { batchChars: 1000 },
    );
    const sizes = notices.flatMap((notice) => (notice.type === 'batch' ? [notice.events.reduce((sum, text) => sum + text.length, 0)] : []));
    expect(sizes.length).toBeGreaterThan(5);
    // A batch closes at the first event that reaches the limit, so it holds at most one event more.
    for (const size of sizes) expect(size).toBeLessThan(1000 + eventLine(99).length);
  });

  it('sends markers with the batch they arrive in, placed by event count', async () => {
    const notices: ImportNotice[] = [];
    await runImport(
      new Blob([fixtureText('capture.jsonl')]),
      (notice) => notices.push(notice),
      () => false,
    );
    const markers = notices.flatMap((notice) => (notice.type === 'batch' ? notice.markers : []));
    expect(markers.map(({ marker, atEvent }) => `${marker.kind}@${atEvent}`)).toEqual([
      'capture@0',
      'subscription@0',
      'subscription@0',
      'gap@2',
      'end@4',
    ]);
  });

  it('stops at the next slice once cancelled, and says so instead of done', async () => {
    const notices: ImportNotice[] = [];
    let cancelled = false;
    await runImport(
      manyEvents(5000),
      (notice) => {
        notices.push(notice);
        if (notice.type === 'progress') cancelled = true;
      },
      () => cancelled,
      { chunkBytes: 4096 },
    );
    expect(notices.filter((notice) => notice.type === 'progress')).toHaveLength(1);
    expect(notices.at(-1)).toEqual({ type: 'cancelled' });
  });
});

describe('startImport without a Worker (the main-thread fallback)', () => {
  function run(
    file: Blob,
    cancelAfterFirstBatch: boolean,
  ): Promise<{ batches: ImportBatch[]; summary: ImportSummary | null; cancelled: boolean }> {
    return new Promise((resolve, reject) => {
      const batches: ImportBatch[] = [];
      const handle = startImport(
        file,
        {
          onBatch: (batch) => {
            batches.push(batch);
            if (cancelAfterFirstBatch) handle.cancel();
          },
          onDone: (summary) => resolve({ batches, summary, cancelled: false }),
          onCancelled: () => resolve({ batches, summary: null, cancelled: true }),
          onFailed: (message) => reject(new Error(message)),
        },
        { createWorker: () => null, chunkBytes: 8192 },
      );
    });
  }

  it('imports a file and reports its summary', async () => {
    const { batches, summary } = await run(new Blob([fixtureText('websocket.har')]), false);
    expect(batches.flatMap((batch) => batch.events)).toHaveLength(3);
    expect(summary).toMatchObject({ format: 'har', events: 3, acks: 2 });
  });

  it('cancel() ends it with onCancelled and no summary', async () => {
    const result = await run(manyEvents(3000), true);
    expect(result.cancelled).toBe(true);
    expect(result.summary).toBeNull();
    expect(result.batches.length).toBeLessThan(10);
  });
});
