import { useStore } from 'zustand';
import { useContext } from 'react';
import { CaptureController } from './capture-controller';
import type { CaptureUiState } from './capture-state';
import type { Inspector } from './inspector-store';
import { InspectorContext } from './store-context';

/**
 * One capture controller per inspector store, made on first use: Import, Record to disk and the
 * stored captures need the store and its reader but add nothing to the store itself.
 */
const controllers = new WeakMap<Inspector, CaptureController>();

export function captureControllerOf(inspector: Inspector): CaptureController {
  let controller = controllers.get(inspector);
  if (!controller) {
    controller = new CaptureController(inspector);
    controllers.set(inspector, controller);
  }
  return controller;
}

export function useCaptureController(): CaptureController {
  const inspector = useContext(InspectorContext);
  if (!inspector) throw new Error('capture hooks must be used inside <StoreProvider>');
  return captureControllerOf(inspector);
}

/** One slice of the captures' state (select one value, as with useInspectorStore). */
export function useCaptureState<T>(selector: (state: CaptureUiState) => T): T {
  return useStore(useCaptureController().state, selector);
}
