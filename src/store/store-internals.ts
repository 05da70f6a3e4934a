import type { EventBuffer } from './event-buffer';
import type { InspectorStore } from './inspector-state';

/**
 * The mutable, non-serialisable parts of a store (the ring and its indexes). They live beside the
 * zustand state, not in it, so React never holds or copies the ring (CONTRIBUTING.md, house rule 3); read helpers
 * reach them through the store object.
 */
export interface StoreInternals {
  buffer: EventBuffer;
}

const internalsByStore = new WeakMap<InspectorStore, StoreInternals>();

export function attachInternals(store: InspectorStore, internals: StoreInternals): void {
  internalsByStore.set(store, internals);
}

export function internalsOf(store: InspectorStore): StoreInternals {
  const internals = internalsByStore.get(store);
  if (!internals) throw new Error('not an inspector store (use createInspectorStore)');
  return internals;
}
