import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { REMEMBERED_SUBSCRIPTIONS_KEY } from '../../../../src/features/subscriptions/remembered-subscriptions';
import { SubscriptionsPanel } from '../../../../src/features/subscriptions/subscriptions-panel';
import { renderWithStore } from '../../support/render-with-store';
import type { TestStore } from '../../support/test-store';

async function connected(view: TestStore, endpoint = 'drp'): Promise<void> {
  await act(async () => {
    await view.actions.connect({ endpoint, auth: 'token', token: 'tok' });
  });
  act(() => view.last().open());
}

function sentRegisters(view: TestStore): string[] {
  return view.sockets.flatMap((socket) => socket.sent).filter((text) => text.startsWith('register '));
}

beforeEach(() => localStorage.clear());

describe('remembered subscriptions', () => {
  it('keeps the list per endpoint and offers it back after a reload; nothing is sent until asked', async () => {
    const first = renderWithStore(<SubscriptionsPanel />);
    await connected(first);
    act(() => {
      first.actions.register('machines.*.*');
      first.actions.register('jobs.*.*');
    });
    const httpBase = first.store.getState().connection.httpBase;
    expect(JSON.parse(localStorage.getItem(REMEMBERED_SUBSCRIPTIONS_KEY) ?? '{}')).toEqual({ [httpBase]: ['machines.*.*', 'jobs.*.*'] });
    cleanup();

    const second = renderWithStore(<SubscriptionsPanel />);
    expect(screen.queryByRole('button', { name: /^Re-register/ })).toBeNull();
    await connected(second, httpBase);
    // Connecting with an empty list does not wipe what was remembered.
    expect(JSON.parse(localStorage.getItem(REMEMBERED_SUBSCRIPTIONS_KEY) ?? '{}')).toEqual({ [httpBase]: ['machines.*.*', 'jobs.*.*'] });
    expect(sentRegisters(second)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Re-register 2 subscriptions' }));
    expect(sentRegisters(second)).toEqual(['register machines.*.*', 'register jobs.*.*']);
    expect(screen.queryByTestId('reregister-prompt')).toBeNull();
  });

  it('"Forget them" drops the remembered specs; another endpoint has its own list', async () => {
    localStorage.setItem(
      REMEMBERED_SUBSCRIPTIONS_KEY,
      JSON.stringify({ 'https://drp:8092': ['profiles.*.*'], 'https://other:8092': ['x.*.*'] }),
    );
    const view = renderWithStore(<SubscriptionsPanel />);
    await connected(view, 'https://drp:8092');
    expect(screen.getByTestId('reregister-prompt').textContent).toContain('profiles.*.*');
    fireEvent.click(screen.getByRole('button', { name: 'Forget them' }));
    expect(screen.queryByTestId('reregister-prompt')).toBeNull();
    expect(JSON.parse(localStorage.getItem(REMEMBERED_SUBSCRIPTIONS_KEY) ?? '{}')).toEqual({ 'https://other:8092': ['x.*.*'] });
    expect(sentRegisters(view)).toEqual([]);
  });
});
