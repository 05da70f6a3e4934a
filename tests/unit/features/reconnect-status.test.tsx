import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusBar } from '../../../src/features/status-bar/status-bar';
import { renderWithStore } from '../support/render-with-store';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 1));
});

afterEach(() => {
  vi.useRealTimers();
});

type View = ReturnType<typeof renderWithStore>;

function reconnecting(view: View, attempt: number, nextAttemptAt: number) {
  act(() =>
    view.store.setState((state) => ({
      connection: { ...state.connection, status: 'reconnecting', reconnect: { attempt, nextAttemptAt } },
    })),
  );
}

const countdown = () => screen.queryByTestId('reconnect-countdown');
const reconnectButton = () => screen.getByRole('button', { name: 'Reconnect now' }) as HTMLButtonElement;

describe('StatusBar while reconnecting', () => {
  it('counts down to the next attempt and offers "Reconnect now"', () => {
    const view = renderWithStore(<StatusBar />);
    reconnecting(view, 2, Date.now() + 7000);
    act(() => vi.advanceTimersByTime(0));
    expect(countdown()?.textContent).toBe('reconnecting in 7 s');
    act(() => vi.advanceTimersByTime(2100));
    expect(countdown()?.textContent).toBe('reconnecting in 5 s');
    const reconnectNow = vi.fn();
    act(() => view.store.setState((state) => ({ actions: { ...state.actions, reconnectNow } })));
    fireEvent.click(reconnectButton());
    expect(reconnectNow).toHaveBeenCalledOnce();
  });

  it('says an attempt is running and disables the button meanwhile', () => {
    const view = renderWithStore(<StatusBar />);
    reconnecting(view, 3, 0);
    expect(countdown()?.textContent).toBe('reconnecting (attempt 3)…');
    expect(reconnectButton().disabled).toBe(true);
  });

  it('shows the reconnect counter, and no countdown when not reconnecting', () => {
    const view = renderWithStore(<StatusBar />);
    expect(countdown()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reconnect now' })).toBeNull();
    expect(screen.getByTestId('reconnect-count').textContent).toBe('0');
    act(() => view.store.setState((state) => ({ counters: { ...state.counters, reconnects: 4 } })));
    expect(screen.getByTestId('reconnect-count').textContent).toBe('4');
  });
});
