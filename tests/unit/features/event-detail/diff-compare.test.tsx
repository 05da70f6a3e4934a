import { act, fireEvent, screen, within } from '@testing-library/react';
import jsonpatch, { type Operation } from 'fast-json-patch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventDetail } from '../../../../src/features/event-detail/event-detail';
import { MASK } from '../../../../src/lib/mask-secrets';
import { renderWithStore } from '../../support/render-with-store';
import { versionFrame } from './version-frames';

const V1 = { Name: 'global', Stage: 'discover', Meta: { color: 'red', icon: 'a' }, Params: { keep: 1 } };
const V2 = { Name: 'global', Stage: 'discover', Meta: { color: 'red', icon: 'a' }, Params: { keep: 1, bar: 'x' } };
const V3 = { Name: 'global', Stage: 'complete', Meta: { color: 'blue', icon: 'b' }, Params: { keep: 1, bar: 'y', baz: true } };

function renderDiff({
  seq = 3,
  baseSeq = 0,
  versions = [V1, V2, V3] as Record<string, unknown>[],
}: { seq?: number; baseSeq?: number; versions?: Record<string, unknown>[] } = {}) {
  const view = renderWithStore(<EventDetail />);
  act(() => {
    view.ingest(
      ...versions.map((object, index) =>
        versionFrame(object, { second: index + 1, principal: index === 1 ? 'user:viewer' : 'user:rocketskates' }),
      ),
    );
    view.actions.select(seq);
    view.actions.setView({ detailTab: 'diff', compareBaseSeq: baseSeq });
  });
  return view;
}

const entries = () => screen.queryAllByTestId('diff-entry').map((el) => `${el.dataset.kind} ${el.dataset.path}`);
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));
const compareNote = () => screen.getByTestId('diff-compare');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Diff tab with a Compare base', () => {
  it('compares an older base with the selected version and names both', () => {
    renderDiff({ seq: 3, baseSeq: 1 });
    expect(entries()).toEqual(['changed Stage', 'changed Meta.color', 'changed Meta.icon', 'added Params.bar', 'added Params.baz']);
    expect(within(compareNote()).getByTestId('diff-compare-base').textContent).toBe('#1 14:02:01.000 user:rocketskates');
    expect(within(compareNote()).getByTestId('diff-compare-selected').textContent).toBe('#3 14:02:03.000 user:rocketskates');
    expect(compareNote().dataset.reversed).toBe('false');
    expect(compareNote().textContent).not.toContain('reversed');
    expect(screen.getByTestId('diff-status').textContent).toBe('5 changes');
  });

  it('compares a newer base backwards and says it is reversed', () => {
    renderDiff({ seq: 1, baseSeq: 3 });
    expect(entries()).toEqual(['changed Stage', 'changed Meta.color', 'changed Meta.icon', 'removed Params.bar', 'removed Params.baz']);
    expect(compareNote().dataset.reversed).toBe('true');
    expect(compareNote().textContent).toContain('reversed');
    expect(screen.getAllByTestId('diff-entry')[0].textContent).toBe('changed Stage: "complete" → "discover"');
  });

  it('Clear compare and vs previous drop the base', () => {
    const view = renderDiff({ seq: 3, baseSeq: 1 });
    press('Clear compare');
    expect(view.store.getState().view.compareBaseSeq).toBe(0);
    expect(screen.queryByTestId('diff-compare')).toBeNull();
    expect(entries()).toEqual(['changed Stage', 'changed Meta.color', 'changed Meta.icon', 'changed Params.bar', 'added Params.baz']);
    act(() => view.actions.setView({ compareBaseSeq: 1 }));
    press('vs previous');
    expect(view.store.getState().view.compareBaseSeq).toBe(0);
    expect(screen.queryByTestId('diff-compare')).toBeNull();
    expect(screen.getByTestId('diff-status').textContent).toBe('5 changes');
    expect(screen.getByText('vs previous event #2')).toBeTruthy();
  });

  it('vs Original drops the base too, for an event that carries Original', () => {
    const view = renderWithStore(<EventDetail />);
    const withOriginal = { ...(JSON.parse(versionFrame(V2, { second: 2 })) as object), Original: V1 };
    act(() => {
      view.ingest(versionFrame(V1, { second: 1 }), JSON.stringify(withOriginal), versionFrame(V3, { second: 3 }));
      view.actions.select(2);
      view.actions.setView({ detailTab: 'diff', compareBaseSeq: 3 });
    });
    expect(screen.getByTestId('diff-compare').dataset.reversed).toBe('true');
    press('vs Original');
    expect(view.store.getState().view.compareBaseSeq).toBe(0);
    expect(screen.getByRole('button', { name: 'vs Original' }).getAttribute('aria-pressed')).toBe('true');
    expect(entries()).toEqual(['added Params.bar']);
  });

  it('hides and counts the changes under Ignore paths, and shows them on request', () => {
    const view = renderDiff({ seq: 3, baseSeq: 1 });
    fireEvent.change(screen.getByLabelText('Ignore paths'), { target: { value: 'Meta.*,\nParams.baz' } });
    expect(view.store.getState().view.ignorePaths).toBe('Meta.*,\nParams.baz');
    expect(entries()).toEqual(['changed Stage', 'added Params.bar']);
    expect(screen.getByTestId('diff-ignored-count').textContent).toBe('3 ignored');
    press('Show ignored');
    expect(entries()).toHaveLength(5);
    expect(screen.getAllByTestId('diff-entry').filter((el) => el.dataset.ignored === 'true')).toHaveLength(3);
    press('Hide ignored');
    expect(entries()).toHaveLength(2);
  });

  it('ignores the default DRP noise (Validated, Available)', () => {
    renderDiff({
      seq: 2,
      versions: [
        { Name: 'm', Validated: false, Available: false },
        { Name: 'n', Validated: true, Available: true },
      ],
    });
    expect(screen.getByLabelText('Ignore paths')).toHaveProperty('value', 'Validated, Available, Params.gohai-inventory');
    expect(entries()).toEqual(['changed Name']);
    expect(screen.getByTestId('diff-ignored-count').textContent).toBe('2 ignored');
  });

  it('toggles Inline and Side by side (aria-pressed, in the store)', () => {
    const view = renderDiff({ seq: 3, baseSeq: 1 });
    const inline = screen.getByRole('button', { name: 'Inline' });
    const sideBySide = screen.getByRole('button', { name: 'Side by side' });
    expect([inline.getAttribute('aria-pressed'), sideBySide.getAttribute('aria-pressed')]).toEqual(['true', 'false']);
    expect(screen.queryByTestId('diff-side-by-side')).toBeNull();
    fireEvent.click(sideBySide);
    expect(view.store.getState().view.diffLayout).toBe('side-by-side');
    expect([inline.getAttribute('aria-pressed'), sideBySide.getAttribute('aria-pressed')]).toEqual(['false', 'true']);
    const table = screen.getByTestId('diff-side-by-side');
    const stage = within(table).getAllByTestId('diff-entry')[0];
    expect(
      within(stage)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['"discover"', '"complete"']);
    fireEvent.click(inline);
    expect(screen.queryByTestId('diff-side-by-side')).toBeNull();
  });

  it('copies a JSON Patch that turns the base into the selected version', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderDiff({ seq: 1, baseSeq: 3 });
    await act(async () => press('Copy as JSON Patch'));
    expect(writeText).toHaveBeenCalledTimes(1);
    const patch = JSON.parse(writeText.mock.calls[0][0]) as Operation[];
    expect(jsonpatch.applyPatch(structuredClone(V3), patch, true).newDocument).toEqual(V1);
    expect(screen.getByTestId('json-patch-status').textContent).toBe(`Copied ${patch.length} operations.`);
  });

  it('masks changed secrets in the copied patch while secrets are masked, and says so', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderDiff({
      seq: 2,
      versions: [
        { Name: 'm', Secret: 'one' },
        { Name: 'm', Secret: 'two' },
      ],
    });
    await act(async () => press('Copy as JSON Patch'));
    expect(JSON.parse(writeText.mock.calls[0][0])).toEqual([{ op: 'replace', path: '/Secret', value: MASK }]);
    expect(screen.getByTestId('json-patch-status').textContent).toContain('1 with secret values masked');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Mask secrets' }));
    await act(async () => press('Copy as JSON Patch'));
    expect(JSON.parse(writeText.mock.calls[1][0])).toEqual([{ op: 'replace', path: '/Secret', value: 'two' }]);
  });
});
