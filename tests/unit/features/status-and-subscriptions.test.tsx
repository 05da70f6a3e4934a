import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../../src/features/status-bar/status-bar';
import { SubscriptionList } from '../../../src/features/subscriptions/subscription-list';
import { eventFrame } from '../support/frames';
import { renderWithStore } from '../support/render-with-store';

type View = ReturnType<typeof renderWithStore>;

/** `count` machine updates through the real ingest path, one batch. */
function ingestMachines(view: View, count: number) {
  const frames = Array.from({ length: count }, (_, i) => eventFrame('machines', 'update', `m${i}`));
  act(() => view.ingest(...frames));
}

describe('StatusBar', () => {
  it('shows the received count as a bare integer', () => {
    const view = renderWithStore(<StatusBar />, { capacity: 1000 });
    const status = within(screen.getByRole('status'));
    expect(status.getByTestId('received-count').textContent).toBe('0');
    ingestMachines(view, 1234);
    expect(status.getByTestId('received-count').textContent).toBe('1234');
    expect(status.getByTestId('buffered-count').textContent).toBe('1000');
    expect(status.getByTestId('evicted-count').textContent).toBe('234');
  });
});

describe('SubscriptionList', () => {
  it('renders each subscription with spec, status, count and a deregister button', () => {
    const view = renderWithStore(<SubscriptionList />);
    act(() => view.actions.register('machines.*.*'));
    ingestMachines(view, 3);
    const row = screen.getByRole('listitem');
    expect(row.getAttribute('data-spec')).toBe('machines.*.*');
    expect(row.getAttribute('data-status')).toBe('unsent');
    expect(within(row).getByTestId('subscription-count').textContent).toBe('3');
    fireEvent.click(within(row).getByRole('button', { name: 'Deregister machines.*.*' }));
    // Not connected: nothing to tell the server, the entry goes at once.
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });
});
