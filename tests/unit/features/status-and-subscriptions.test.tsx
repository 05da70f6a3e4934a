import { act } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../../src/features/status-bar/status-bar';
import { BufferControls } from '../../../src/features/status-bar/buffer-controls';
import { SubscriptionList } from '../../../src/features/subscriptions/subscription-list';
import { createManualScheduler } from '../../../src/store/ingest-batcher';
import { createInspectorStore } from '../../../src/store/inspector-store';
import type { Inspector, InspectorStore } from '../../../src/store/inspector-store';
import { InspectorContext } from '../../../src/store/store-context';
import { eventFrame } from '../store/frames';

// Tells React this environment wraps updates in act() (no testing-library here).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let inspector: Inspector;
let store: InspectorStore;
let scheduler: ReturnType<typeof createManualScheduler>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  scheduler = createManualScheduler();
  inspector = createInspectorStore({ scheduler, capacity: 1000 });
  store = inspector.store;
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  store.getState().actions.dispose();
});

function render(node: ReactNode) {
  act(() => root.render(<InspectorContext.Provider value={inspector}>{node}</InspectorContext.Provider>));
}

function ingest(count: number) {
  act(() => {
    for (let i = 0; i < count; i += 1) store.getState().actions.ingestFrame(eventFrame('machines', 'update', `m${i}`));
    scheduler.flushAll();
  });
}

const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

describe('StatusBar', () => {
  it('shows the received count as a bare integer', () => {
    render(<StatusBar />);
    expect(byTestId('received-count')?.textContent).toBe('0');
    ingest(1234);
    expect(byTestId('received-count')?.textContent).toBe('1234');
    expect(byTestId('buffered-count')?.textContent).toBe('1000');
    expect(byTestId('evicted-count')?.textContent).toBe('234');
  });
});

describe('BufferControls', () => {
  it('shows how many events arrived while paused on the Resume button', () => {
    render(<BufferControls />);
    const button = () => container.querySelector('button');
    expect(button()?.textContent).toBe('Pause');
    act(() => button()?.click());
    ingest(7);
    expect(button()?.textContent).toBe('Resume (7 new)');
    expect(byTestId('pending-count')?.textContent).toBe('7');
    act(() => button()?.click());
    expect(button()?.textContent).toBe('Pause');
  });
});

describe('SubscriptionList', () => {
  it('renders each subscription with spec, status, count and a deregister button', () => {
    render(<SubscriptionList />);
    act(() => {
      store.getState().actions.register('machines.*.*');
    });
    ingest(3);
    const row = container.querySelector('[data-testid="subscription"]');
    expect(row?.getAttribute('data-spec')).toBe('machines.*.*');
    expect(row?.getAttribute('data-status')).toBe('pending');
    expect(row?.querySelector('[data-testid="subscription-count"]')?.textContent).toBe('3');
    const deregister = row?.querySelector('button[aria-label="Deregister machines.*.*"]') as HTMLButtonElement | null;
    expect(deregister).not.toBeNull();
    act(() => deregister?.click());
    // Not connected: nothing to tell the server, the entry goes at once.
    expect(container.querySelectorAll('[data-testid="subscription"]')).toHaveLength(0);
  });
});
