import { createManualScheduler } from '../../../src/store/ingest-batcher';
import { createInspectorStore } from '../../../src/store/inspector-store';
import type { InspectorStoreOptions } from '../../../src/store/inspector-store';

/**
 * A fresh inspector store (and its event reader) whose batches flush only by hand, plus `ingest(...frames)` that feeds
 * frame texts through the real ingest path and flushes once (one batch, one revision bump).
 */
export function createTestStore(capacity = 100, options: Partial<InspectorStoreOptions> = {}) {
  const scheduler = createManualScheduler();
  const inspector = createInspectorStore({ capacity, scheduler, ...options });
  const { store, events } = inspector;
  const ingest = (...frames: string[]): void => {
    for (const text of frames) store.getState().actions.ingestFrame(text);
    scheduler.flushAll();
  };
  return { inspector, store, events, scheduler, ingest };
}
