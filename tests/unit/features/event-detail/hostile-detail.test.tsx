import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { EventDetail } from '../../../../src/features/event-detail/event-detail';
import { HUGE_PAYLOAD_CHARS, RAW_PREVIEW_CHARS } from '../../../../src/lib/payload-limits';
import { renderWithStore } from '../../support/render-with-store';

/** A frame around an Object given as JSON text, so that a test can send what JSON.stringify cannot build. */
function eventText(objectJson: string, key = 'k'): string {
  return `{"Time":"2021-08-30T14:02:11.5Z","Type":"machines","Action":"update","Key":${JSON.stringify(key)},"Principal":"","Object":${objectJson},"Original":null}`;
}

/** The detail pane with `frame` as event 1, selected. */
function renderSelected(frame: string) {
  const view = renderWithStore(<EventDetail />, { capacity: 10 });
  act(() => {
    view.ingest(frame);
    view.actions.select(1);
  });
  return view;
}

const openTab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const panelText = () => screen.getByRole('tabpanel').textContent ?? '';
const rawText = () => screen.getByTestId('raw-json').textContent ?? '';

describe('EventDetail with giant, deep and hostile events', () => {
  it('holds back the tree and the raw text of a giant event until asked', () => {
    renderSelected(eventText(JSON.stringify({ Name: 'big', Blob: 'x'.repeat(HUGE_PAYLOAD_CHARS) })));
    expect(screen.getByTestId('large-payload-notice').textContent).toContain('4.0 MB');
    expect(panelText()).not.toContain('xxxx');
    press('Show anyway');
    expect(screen.queryByTestId('large-payload-notice')).toBeNull();
    expect(panelText()).toContain('Blob');

    openTab('Raw');
    expect(screen.queryByTestId('large-payload-notice')).not.toBeNull();
    press('Show anyway');
    expect(screen.getByTestId('raw-truncated').textContent).toContain('Showing the first');
    expect(rawText()).toHaveLength(RAW_PREVIEW_CHARS);
    press('Show all');
    expect(rawText().length).toBeGreaterThan(HUGE_PAYLOAD_CHARS);

    openTab('Diff');
    expect(screen.getByRole('button', { name: 'Compare anyway' })).toBeDefined();
  });

  it('opens a deeply nested object collapsed and explains why the Raw tab cannot mask it', () => {
    renderSelected(eventText(`${'['.repeat(50_000)}${']'.repeat(50_000)}`));
    expect(screen.queryByTestId('deep-payload-notice')).not.toBeNull();
    openTab('Raw');
    expect(screen.getByTestId('raw-format-error').textContent).toContain('too deeply nested');
    expect(rawText()).toBe('');
    press('Show the frame as received (secrets not masked)');
    expect(rawText().startsWith('{"Time"')).toBe(true);
  });

  it('renders markup in keys and values as text', () => {
    const markup = '<img src=x onerror="window.__pwned=1">';
    const { container } = renderSelected(
      eventText(JSON.stringify({ [markup]: markup, Name: '<script>window.__pwned=1</script>' }), markup),
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByTestId('detail-header').textContent).toContain(markup);
    expect(panelText()).toContain(markup);
    openTab('Raw');
    expect(container.querySelector('img')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
