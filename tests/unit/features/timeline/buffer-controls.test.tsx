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
