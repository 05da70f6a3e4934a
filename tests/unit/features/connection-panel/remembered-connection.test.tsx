import { cleanup, fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConnectionPanel } from '../../../../src/features/connection-panel/connection-panel';
import { REMEMBERED_CONNECTION_KEY } from '../../../../src/features/connection-panel/remembered-connection';
import { renderWithStore } from '../../support/render-with-store';

beforeEach(() => localStorage.clear());

describe('remembered connection', () => {
  it('Connect remembers endpoint and username, never the password; a reload fills them in', () => {
    renderWithStore(<ConnectionPanel />);
    fireEvent.change(screen.getByLabelText('Endpoint'), { target: { value: 'drp.example.com' } });
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'operator' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'hunter2-secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect(JSON.parse(localStorage.getItem(REMEMBERED_CONNECTION_KEY) ?? 'null')).toEqual({
      endpoint: 'drp.example.com',
      username: 'operator',
    });
    expect(JSON.stringify({ ...localStorage })).not.toContain('hunter2-secret');
    cleanup();

    renderWithStore(<ConnectionPanel />);
    expect((screen.getByLabelText('Endpoint') as HTMLInputElement).value).toBe('drp.example.com');
    expect((screen.getByLabelText('Username') as HTMLInputElement).value).toBe('operator');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
  });
});
