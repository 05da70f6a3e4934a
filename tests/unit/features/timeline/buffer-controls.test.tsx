import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BufferControls } from '../../../../src/features/timeline/buffer-controls';
import { eventFrame } from '../../support/frames';
import { renderWithStore } from '../../support/render-with-store';

describe('BufferControls', () => {
  it('shows how many events arrived while paused on the Resume button', () => {
    const view = renderWithStore(<BufferControls />);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => view.ingest(...Array.from({ length: 7 }, (_, i) => eventFrame('machines', 'update', `m${i}`))));
    const resume = screen.getByRole('button', { name: 'Resume (7 new)' });
    expect(within(resume).getByTestId('pending-count').textContent).toBe('7');
    fireEvent.click(resume);
    expect(screen.getByRole('button', { name: 'Pause' })).toBeDefined();
    expect(screen.queryByRole('button', { name: /^Resume/ })).toBeNull();
  });
});

describe('BufferControls capacity', () => {
  it('says so when an out-of-range capacity is not applied, and clears the message on a valid one', () => {
    const view = renderWithStore(<BufferControls />, { capacity: 1000 });
    const input = screen.getByLabelText('Buffer capacity');
    fireEvent.change(input, { target: { value: '10000000' } });
    fireEvent.blur(input);
    expect(view.store.getState().capacity).toBe(1000);
    expect((input as HTMLInputElement).value).toBe('1000');
    expect(screen.getByTestId('capacity-error').textContent).toBe('10000000 is not a whole number from 1 to 1,000,000: kept 1,000');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(input, { target: { value: '500' } });
    fireEvent.blur(input);
    expect(view.store.getState().capacity).toBe(500);
    expect(screen.getByTestId('capacity-error').textContent).toBe('');
  });
});
