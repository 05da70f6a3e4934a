import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PaneSeparator } from '../../../src/app/pane-separator';

function renderSeparator(value: number) {
  const onResize = vi.fn<(width: number) => void>();
  render(<PaneSeparator label="Resize event detail" value={value} min={280} max={600} onResize={onResize} />);
  return { separator: screen.getByRole('separator', { name: 'Resize event detail' }), onResize };
}

describe('PaneSeparator', () => {
  afterEach(cleanup);

  it('is a focusable vertical splitter whose value is the detail width', () => {
    const { separator } = renderSeparator(400);
    expect(separator.getAttribute('aria-orientation')).toBe('vertical');
    expect(separator.getAttribute('aria-valuenow')).toBe('400');
    expect(separator.getAttribute('aria-valuemin')).toBe('280');
    expect(separator.getAttribute('aria-valuemax')).toBe('600');
    expect(separator.tabIndex).toBe(0);
  });

  it('grows the detail pane with Left, shrinks it with Right, Shift for bigger steps, Home/End for the bounds', () => {
    const { separator, onResize } = renderSeparator(400);
    fireEvent.keyDown(separator, { key: 'ArrowLeft' });
    fireEvent.keyDown(separator, { key: 'ArrowRight' });
    fireEvent.keyDown(separator, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(separator, { key: 'Home' });
    fireEvent.keyDown(separator, { key: 'End' });
    fireEvent.keyDown(separator, { key: 'a' });
    expect(onResize.mock.calls.map(([width]) => width)).toEqual([416, 384, 464, 280, 600]);
  });

  it('never reports a width outside its bounds', () => {
    const { separator, onResize } = renderSeparator(595);
    fireEvent.keyDown(separator, { key: 'ArrowLeft' });
    expect(onResize).toHaveBeenLastCalledWith(600);
  });
});
