import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConnectionPanel } from '../../../../src/features/connection-panel/connection-panel';
import { renderWithStore } from '../../support/render-with-store';

describe('Connect button', () => {
  it('is disabled while connected, with a hint, and enabled again after Disconnect', async () => {
    const view = renderWithStore(<ConnectionPanel />);
    const connect = () => screen.getByRole('button', { name: 'Connect' }) as HTMLButtonElement;
    expect(connect().disabled).toBe(false);
    expect(screen.queryByTestId('connect-hint')).toBeNull();

    await act(async () => {
      await view.actions.connect({ endpoint: 'drp', auth: 'token', token: 'tok' });
    });
    expect(connect().disabled).toBe(true);
    expect(screen.getByTestId('connect-hint').textContent).toBe('connecting…');
    act(() => view.last().open());
    expect(connect().disabled).toBe(true);
    expect(screen.getByTestId('connect-hint').textContent).toBe('connected: Disconnect to change endpoint or credentials');

    act(() => screen.getByRole('button', { name: 'Disconnect' }).click());
    act(() => view.last().serverClose(1000));
    expect(connect().disabled).toBe(false);
  });
});
