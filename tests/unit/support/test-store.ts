import { createManualScheduler } from '../../../src/store/ingest-batcher';
import { createInspectorStore } from '../../../src/store/inspector-store';
import type { InspectorStoreOptions } from '../../../src/store/inspector-store';
import { createFakeNetwork } from './fake-network';

export interface TestStoreOptions extends Omit<InspectorStoreOptions, 'scheduler'> {
  /** Default 100 events. */
  capacity?: number;
}

/**
 * The one store harness of the unit and component tests: a fresh inspector store over a fake
 * network (fake-network.ts; `network` replaces single calls) whose batches flush only by hand.
 * `ingest(...frames)` feeds frame texts through the real ingest path and flushes once (one batch,
 * one revision bump). Time is the test's: use `vi.useFakeTimers()` for the store's timers and clock.
 */
export function createTestStore({ capacity = 100, network: overrides, ...options }: TestStoreOptions = {}) {
  const scheduler = createManualScheduler();
  const fake = createFakeNetwork(overrides);
  // The only line that knows what createInspectorStore returns.
  const inspector = createInspectorStore({ capacity, scheduler, network: fake.network, ...options });
  const { store, events } = inspector;
  const ingest = (...frames: string[]): void => {
    for (const text of frames) store.getState().actions.ingestFrame(text);
    scheduler.flushAll();
  };
  return { ...fake, inspector, store, events, actions: store.getState().actions, scheduler, ingest };
}

export type TestStore = ReturnType<typeof createTestStore>;
