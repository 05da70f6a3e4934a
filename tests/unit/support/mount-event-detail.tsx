import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { EventDetail } from '../../../src/features/event-detail/event-detail';
import type { EventReader } from '../../../src/store/event-reader';
import type { InspectorStore } from '../../../src/store/inspector-state';
import { InspectorContext } from '../../../src/store/store-context';
import { createTestStore } from './test-store';

let root: Root | undefined;
let container: HTMLElement | undefined;

/** Tells React this environment runs updates inside act() (React 19 testing docs); call in beforeAll. */
export function enableActEnvironment(): void {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
}

/** Renders the detail pane over a fresh store holding `frames`; call `unmountEventDetail` in afterEach. */
export function mountEventDetail(
  capacity: number,
  frames: string[],
): { store: InspectorStore; events: EventReader; container: HTMLElement } {
  const { inspector, store, events, ingest } = createTestStore(capacity);
  ingest(...frames);
  const host = document.createElement('div');
  document.body.append(host);
  container = host;
  root = createRoot(host);
  act(() =>
    root?.render(
      <InspectorContext.Provider value={inspector}>
        <EventDetail />
      </InspectorContext.Provider>,
    ),
  );
  return { store, events, container: host };
}

export function unmountEventDetail(): void {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
  container = undefined;
}
