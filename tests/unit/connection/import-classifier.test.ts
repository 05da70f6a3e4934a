import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFrameText } from '../../../src/connection/frame-text';
import type { ClassifiedImportNotice } from '../../../src/connection/import-messages';
import { startCaptureImport } from '../../../src/connection/start-capture-import';

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'import');

function importHere(name: string, chunkBytes = 64): Promise<ClassifiedImportNotice[]> {
  return readFile(path.join(FIXTURES, name)).then(
    (bytes) =>
      new Promise((resolve) => {
        const notices: ClassifiedImportNotice[] = [];
        startCaptureImport(
          new Blob([bytes]),
          (notice) => {
            notices.push(notice);
            if (notice.type === 'done' || notice.type === 'failed' || notice.type === 'cancelled') resolve(notices);
          },
          { createWorker: () => null, chunkBytes, batchEvents: 1 },
        );
      }),
  );
}

describe('classified import', () => {
  it('hands the store packed event frames with headers and changed paths, numbered across batches', async () => {
    const notices = await importHere('capture.jsonl');
    const batches = notices.flatMap((notice) => (notice.type === 'frames' ? [notice] : []));
    const frames = batches.flatMap((batch) => batch.frames);
    expect(frames).toHaveLength(4);
    expect(batches.map((batch) => batch.firstEvent)).toEqual(
      batches.map((_, index) => batches.slice(0, index).reduce((n, b) => n + b.frames.length, 0)),
    );
    const jobs = frames.filter((frame) => frame.kind === 'event' && frame.header.Type === 'jobs');
    expect(jobs).toHaveLength(2);
    const [first, second] = jobs;
    if (first.kind !== 'event' || second.kind !== 'event') throw new Error('not events');
    expect(first.header.Time).toBe('2026-03-02T10:00:01.873210446Z');
    expect(JSON.parse(decodeFrameText(first.text))).toMatchObject({ Type: 'jobs', Action: 'create' });
    // The second version of the job is compared with the first one of the file.
    expect(second.header.changes.base).toBe('previous');
    expect(second.header.changes.paths.length).toBeGreaterThan(0);
    const gap = batches.flatMap((batch) => batch.markers).find((item) => item.marker.kind === 'gap');
    expect(gap?.atEvent).toBe(2);
    expect(notices[notices.length - 1]).toMatchObject({ type: 'done', summary: { events: 4 } });
  });
});
