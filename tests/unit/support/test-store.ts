import { createManualScheduler } from '../../../src/store/ingest-batcher';
import { createInspectorStore } from '../../../src/store/inspector-store';
import type { InspectorStoreOptions } from '../../../src/store/inspector-store';

/**
 * A fresh inspector store whose batches flush only by hand, plus `ingest(...frames)` that feeds
 * frame texts through the real ingest path and flushes once (one batch, one revision bump).
 */
export function createTestStore(capacity = 100, options: Partial<InspectorStoreOptions> = {}) {
  const scheduler = createManualScheduler();
  const store = createInspectorStore({ capacity, scheduler, ...options });
  const ingest = (...frames: string[]): void => {
    for (const text of frames) store.getState().actions.ingestFrame(text);
    scheduler.flushAll();
  };
  return { store, scheduler, ingest };
}
