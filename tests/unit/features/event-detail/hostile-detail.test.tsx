import { enableActEnvironment, mountEventDetail, unmountEventDetail } from '../../support/mount-event-detail';
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_PAYLOAD_CHARS, RAW_PREVIEW_CHARS } from '../../../../src/lib/payload-limits';
import type { InspectorStore } from '../../../../src/store/inspector-state';

let container: HTMLElement | undefined;

beforeAll(enableActEnvironment);
afterEach(unmountEventDetail);

function eventText(objectJson: string, key = 'k'): string {
  return `{"Time":"2021-08-30T14:02:11.5Z","Type":"machines","Action":"update","Key":${JSON.stringify(key)},"Principal":"","Object":${objectJson},"Original":null}`;
}

function mountWith(frames: string[]): InspectorStore {
  const { store, container: host } = mountEventDetail(10, frames);
  container = host;
  act(() => store.getState().actions.select(1));
  return store;
}

const query = (selector: string) => container?.querySelector<HTMLElement>(selector) ?? null;
const button = (label: string) =>
  Array.from(container?.querySelectorAll<HTMLElement>('button') ?? []).find((el) => el.textContent === label);
const tab = (name: string) =>
  Array.from(container?.querySelectorAll<HTMLElement>('[role="tab"]') ?? []).find((el) => el.textContent === name);
const click = (element: HTMLElement | null | undefined) => act(() => element?.click());

describe('EventDetail with giant, deep and hostile events', () => {
  it('holds back the tree and the raw text of a giant event until asked', () => {
    mountWith([eventText(JSON.stringify({ Name: 'big', Blob: 'x'.repeat(HUGE_PAYLOAD_CHARS) }))]);
    expect(query('[data-testid="large-payload-notice"]')?.textContent).toContain('4.0 MB');
    expect(query('[role="tabpanel"]')?.textContent).not.toContain('xxxx');
    click(button('Show anyway'));
    expect(query('[data-testid="large-payload-notice"]')).toBeNull();
    expect(query('[role="tabpanel"]')?.textContent).toContain('Blob');

    click(tab('Raw'));
    expect(query('[data-testid="large-payload-notice"]')).not.toBeNull();
    click(button('Show anyway'));
    expect(query('[data-testid="raw-truncated"]')?.textContent).toContain('Showing the first');
    expect(query('[data-testid="raw-json"]')?.textContent).toHaveLength(RAW_PREVIEW_CHARS);
    click(button('Show all'));
    expect(query('[data-testid="raw-json"]')?.textContent?.length).toBeGreaterThan(HUGE_PAYLOAD_CHARS);

    click(tab('Diff'));
    expect(button('Compare anyway')).toBeDefined();
  });

  it('opens a deeply nested object collapsed and explains why the Raw tab cannot mask it', () => {
    mountWith([eventText(`${'['.repeat(50_000)}${']'.repeat(50_000)}`)]);
    expect(query('[data-testid="deep-payload-notice"]')).not.toBeNull();
    click(tab('Raw'));
    expect(query('[data-testid="raw-format-error"]')?.textContent).toContain('too deeply nested');
    expect(query('[data-testid="raw-json"]')?.textContent).toBe('');
    click(button('Show the frame as received (secrets not masked)'));
    expect(query('[data-testid="raw-json"]')?.textContent?.startsWith('{"Time"')).toBe(true);
  });

  it('renders markup in keys and values as text', () => {
    const markup = '<img src=x onerror="window.__pwned=1">';
    mountWith([eventText(JSON.stringify({ [markup]: markup, Name: '<script>window.__pwned=1</script>' }), markup)]);
    expect(container?.querySelector('img')).toBeNull();
    expect(container?.querySelector('script')).toBeNull();
    expect(query('[data-testid="detail-header"]')?.textContent).toContain(markup);
    expect(query('[role="tabpanel"]')?.textContent).toContain(markup);
    click(tab('Raw'));
    expect(container?.querySelector('img')).toBeNull();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
