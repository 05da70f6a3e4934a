import { cleanup, render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach, beforeAll } from 'vitest';
import { InspectorContext } from '../../../src/store/store-context';
import { createTestStore } from './test-store';
import type { TestStore, TestStoreOptions } from './test-store';

// Testing Library sets the act environment and unmounts after each test by itself only when
// Vitest's globals are on, and they are not (vitest.config.ts).
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const rendered: TestStore[] = [];

afterEach(() => {
  cleanup();
  for (const harness of rendered.splice(0)) harness.store.getState().actions.dispose();
});

/**
 * Renders `ui` inside the store provider over a fresh test store (test-store.ts). Returns Testing
 * Library's render result (query it through `screen`) and the store harness. Unmounting and
 * disposing the store happen after each test. Store changes the test makes go inside `act`.
 */
export function renderWithStore(ui: ReactElement, options: TestStoreOptions = {}) {
  const harness = createTestStore(options);
  rendered.push(harness);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <InspectorContext.Provider value={harness.inspector}>{children}</InspectorContext.Provider>
  );
  return { ...harness, ...render(ui, { wrapper }) };
}
