import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusBar } from '../../../src/features/status-bar/status-bar';
import { createManualScheduler } from '../../../src/store/ingest-batcher';
import { createInspectorStore } from '../../../src/store/inspector-store';
import type { Inspector, InspectorStore } from '../../../src/store/inspector-store';
import { InspectorContext } from '../../../src/store/store-context';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
let inspector: Inspector;
let store: InspectorStore;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 1));
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  inspector = createInspectorStore({ scheduler: createManualScheduler() });
  store = inspector.store;
  act(() => root.render(<InspectorContext.Provider value={inspector}>{<StatusBar />}</InspectorContext.Provider>));
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  store.getState().actions.dispose();
  vi.useRealTimers();
});

const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const reconnectButton = () => Array.from(container.querySelectorAll('button')).find((button) => button.textContent === 'Reconnect now');

function reconnecting(attempt: number, nextAttemptAt: number) {
  act(() =>
    store.setState((state) => ({ connection: { ...state.connection, status: 'reconnecting', reconnect: { attempt, nextAttemptAt } } })),
  );
}

describe('StatusBar while reconnecting', () => {
  it('counts down to the next attempt and offers "Reconnect now"', () => {
    reconnecting(2, Date.now() + 7000);
    act(() => vi.advanceTimersByTime(0));
    expect(byTestId('reconnect-countdown')?.textContent).toBe('reconnecting in 7 s');
    act(() => vi.advanceTimersByTime(2100));
    expect(byTestId('reconnect-countdown')?.textContent).toBe('reconnecting in 5 s');
    const reconnectNow = vi.fn();
    act(() => store.setState((state) => ({ actions: { ...state.actions, reconnectNow } })));
    act(() => reconnectButton()?.click());
    expect(reconnectNow).toHaveBeenCalledOnce();
  });

  it('says an attempt is running and disables the button meanwhile', () => {
    reconnecting(3, 0);
    expect(byTestId('reconnect-countdown')?.textContent).toBe('reconnecting (attempt 3)…');
    expect(reconnectButton()?.disabled).toBe(true);
  });

  it('shows the reconnect counter, and no countdown when not reconnecting', () => {
    expect(byTestId('reconnect-countdown')).toBeNull();
    expect(byTestId('reconnect-count')?.textContent).toBe('0');
    act(() => store.setState((state) => ({ counters: { ...state.counters, reconnects: 4 } })));
    expect(byTestId('reconnect-count')?.textContent).toBe('4');
  });
});
