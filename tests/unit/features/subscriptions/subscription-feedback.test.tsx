import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SubscriptionsPanel } from '../../../../src/features/subscriptions/subscriptions-panel';
import { ackFrame, eventFrame } from '../../support/frames';
import { renderWithStore } from '../../support/render-with-store';
import type { TestStore } from '../../support/test-store';

async function connected(view: TestStore): Promise<void> {
  await act(async () => {
    await view.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
  });
  act(() => view.last().open());
}

function registerTyped(spec: string): void {
  fireEvent.change(screen.getByLabelText('Subscription'), { target: { value: spec } });
  fireEvent.click(screen.getByRole('button', { name: 'Register' }));
}

function sentRegisters(view: TestStore): string[] {
  return view.sockets.flatMap((socket) => socket.sent).filter((text) => text.startsWith('register '));
}

describe('subscription feedback', () => {
  it('a duplicate Register says it was not sent again', async () => {
    const view = renderWithStore(<SubscriptionsPanel />);
    await connected(view);
    registerTyped('machines.*.*');
    expect(screen.getByTestId('subscription-notice').textContent).toBe('');
    registerTyped('machines.*.*');
    expect(screen.getByTestId('subscription-notice').textContent).toBe('machines.*.* is already waiting for its ack: not sent again');
    expect(sentRegisters(view)).toEqual(['register machines.*.*']);
  });

  it('Object history under an active *.*.* says it is covered and sends nothing', async () => {
    const view = renderWithStore(<SubscriptionsPanel />);
    await connected(view);
    fireEvent.click(screen.getByRole('button', { name: 'Everything' }));
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'machines' } });
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Object history' }));
    expect(screen.getByTestId('subscription-notice').textContent).toBe(
      'machines.*.m1 is already covered by *.*.*: not registered again; its History opens when an event of it arrives',
    );
    expect(sentRegisters(view)).toEqual(['register *.*.*']);
    expect(screen.getAllByTestId('subscription').map((row) => row.getAttribute('data-spec'))).toEqual(['*.*.*']);
    // Not buffered yet: the app selects it once it arrives, with History shown.
    expect(view.store.getState().view).toMatchObject({ detailTab: 'history', pendingObject: { type: 'machines', key: 'm1' } });
  });

  it('Object history covered by *.*.* opens the History of the buffered object, or of the selected event when the fields are empty', async () => {
    const view = renderWithStore(<SubscriptionsPanel />);
    await connected(view);
    fireEvent.click(screen.getByRole('button', { name: 'Everything' }));
    act(() =>
      view.ingest(
        ackFrame('register', '*.*.*'),
        eventFrame('machines', 'update', 'm1'),
        eventFrame('profiles', 'save', 'global'),
        eventFrame('machines', 'update', 'm1'),
      ),
    );
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'machines' } });
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Object history' }));
    expect(screen.getByTestId('subscription-notice').textContent).toBe(
      'machines.*.m1 is already covered by *.*.*: not registered again; showing its History',
    );
    // Its newest version, with History shown.
    expect(view.store.getState().selectedSeq).toBe(3);
    expect(view.store.getState().view.detailTab).toBe('history');

    act(() => {
      view.actions.setView({ detailTab: 'object' });
      view.actions.select(2);
    });
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Object history' }));
    expect(screen.getByTestId('subscription-notice').textContent).toBe(
      'profiles.*.global is already covered by *.*.*: not registered again; showing its History',
    );
    expect(view.store.getState().selectedSeq).toBe(2);
    expect(view.store.getState().view.detailTab).toBe('history');
    expect(sentRegisters(view)).toEqual(['register *.*.*']);
  });

  it('Object history without a covering spec registers type.*.key', async () => {
    const view = renderWithStore(<SubscriptionsPanel />);
    await connected(view);
    fireEvent.click(screen.getByRole('button', { name: 'Jobs' }));
    fireEvent.change(screen.getByLabelText('Type'), { target: { value: 'machines' } });
    fireEvent.change(screen.getByLabelText('Key'), { target: { value: 'm1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Object history' }));
    expect(sentRegisters(view)).toEqual(['register jobs.*.*', 'register machines.*.m1']);
    expect(screen.getByTestId('subscription-notice').textContent).toBe('');
  });

  it('a spec registered while not connected reads "not connected", then pending once sent', async () => {
    const view = renderWithStore(<SubscriptionsPanel />);
    registerTyped('machines.*.*');
    const row = screen.getByTestId('subscription');
    expect(row.getAttribute('data-status')).toBe('unsent');
    expect(within(row).getByText('not connected · sent on connect')).toBeDefined();
    await connected(view);
    expect(screen.getByTestId('subscription').getAttribute('data-status')).toBe('pending');
    expect(sentRegisters(view)).toEqual(['register machines.*.*']);
  });
});
