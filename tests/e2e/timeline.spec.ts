import { HOSTILE_MARKUP } from '../../simulator/faults';
import { expect, test } from './support/fixtures';
import { DEMO_USER } from './support/inspector-page';
import { simRest } from './support/sim-rest';

/** Zero-padded so keys sort and read in publishing order. */
const keyOf = (prefix: string, index: number): string => `${prefix}-${String(index).padStart(3, '0')}`;

test.describe('timeline', () => {
  test('published events appear as rows with their type, action, key and principal', async ({ inspector, sim }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.tl-appear-1');
    await inspector.register('profiles.*.tl-appear-2');

    sim.publish({
      Type: 'machines',
      Action: 'update',
      Key: 'tl-appear-1',
      Principal: 'runner:tl-appear-1',
      Object: { Name: 'tl-appear-1' },
    });
    await simRest(
      sim,
      'POST',
      'events',
      { Type: 'profiles', Action: 'save', Key: 'tl-appear-2', Object: { Name: 'tl-appear-2' } },
      { expectStatus: 204 },
    );
    // Matches no spec: the server must not send it, so it must not be counted or shown.
    sim.publish({ Type: 'machines', Action: 'update', Key: 'tl-appear-other' });
    sim.publish({ Type: 'machines', Action: 'delete', Key: 'tl-appear-1' });

    await inspector.expectReceived(3);
    await inspector.expectTimelineCount(3, 3);
    await expect(inspector.rows()).toHaveCount(3);
    const first = inspector.row({ type: 'machines', action: 'update', key: 'tl-appear-1' });
    await expect(first).toContainText('runner:tl-appear-1');
    // POST /api/v3/events stamps the poster as Principal (docs/reference/drp-protocol.md §5).
    await expect(inspector.row({ type: 'profiles', action: 'save', key: 'tl-appear-2' })).toContainText(`user:${DEMO_USER}`);
    await expect(inspector.row({ type: 'machines', action: 'delete', key: 'tl-appear-1' })).toHaveCount(1);
    await expect(inspector.row({ key: 'tl-appear-other' })).toHaveCount(0);
    // Rows are in arrival order.
    const keys = await inspector
      .rows()
      .evaluateAll((rows) => rows.map((row) => `${row.getAttribute('data-action')}:${row.getAttribute('data-key')}`));
    expect(keys).toEqual(['update:tl-appear-1', 'save:tl-appear-2', 'delete:tl-appear-1']);
  });

  test('follows the tail at the bottom, stops when scrolled up, and Jump to latest resumes', async ({ inspector, sim }) => {
    const type = 'e2etail';
    await inspector.openConnected();
    await inspector.register(`${type}.*.*`);
    for (let i = 0; i < 100; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf('tail', i) });

    await inspector.expectTimelineCount(100, 100);
    await expect(inspector.row({ key: keyOf('tail', 99) })).toBeInViewport();
    await expect.poll(() => inspector.distanceFromBottom()).toBeLessThanOrEqual(2);
    await expect(inspector.jumpToLatest()).toBeHidden();

    await inspector.scrollTimelineToTop();

    await expect(inspector.jumpToLatest()).toBeVisible();
    await expect(inspector.row({ key: keyOf('tail', 0) })).toBeInViewport();
    for (let i = 100; i < 110; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf('tail', i) });
    await inspector.expectTimelineCount(110, 110);
    await inspector.settleFrames();
    // Not following: the view stays where the user put it.
    expect(await inspector.scrollTop()).toBe(0);
    await expect(inspector.row({ key: keyOf('tail', 0) })).toBeInViewport();
    await expect(inspector.row({ key: keyOf('tail', 109) })).not.toBeInViewport();
    await expect(inspector.jumpToLatest()).toBeVisible();

    await inspector.jumpToLatest().click();

    await expect(inspector.row({ key: keyOf('tail', 109) })).toBeInViewport();
    await expect(inspector.jumpToLatest()).toBeHidden();
    // Back at the bottom, new events are followed again.
    for (let i = 110; i < 130; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf('tail', i) });
    await inspector.expectTimelineCount(130, 130);
    await expect(inspector.row({ key: keyOf('tail', 129) })).toBeInViewport();
    await expect.poll(() => inspector.distanceFromBottom()).toBeLessThanOrEqual(2);
  });

  test('client-side filter: facets, free text, case, regex and invert, on buffered and arriving events', async ({ inspector, sim }) => {
    await inspector.openConnected();
    await inspector.register('machines,jobs,profiles.*.filt-m1,filt-m2,filt-m3,filt-j1,filt-p1');
    sim.publish({
      Type: 'machines',
      Action: 'update',
      Key: 'filt-m1',
      Principal: 'user:alice',
      Object: { Name: 'alpha', Stage: 'discover' },
    });
    sim.publish({
      Type: 'machines',
      Action: 'create',
      Key: 'filt-m2',
      Principal: 'user:bob',
      Object: { Name: 'beta', Stage: 'sledgehammer' },
    });
    sim.publish({
      Type: 'jobs',
      Action: 'update',
      Key: 'filt-j1',
      Principal: 'runner:filt-m1',
      Object: { State: 'failed', Task: 'ALPHA-task' },
    });
    sim.publish({
      Type: 'profiles',
      Action: 'save',
      Key: 'filt-p1',
      Principal: 'user:alice',
      Object: { Name: 'gamma', Params: { note: 'Alpha' } },
    });
    await inspector.expectTimelineCount(4, 4);
    const shownKeys = () => inspector.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));

    // Facets: case-insensitive substrings, comma lists, combined with AND.
    await inspector.filterFacet('type').fill('machines');
    await inspector.expectTimelineCount(2, 4);
    await expect.poll(shownKeys).toEqual(['filt-m1', 'filt-m2']);
    await inspector.filterFacet('action').fill('update');
    await inspector.expectTimelineCount(1, 4);
    await expect.poll(shownKeys).toEqual(['filt-m1']);
    await inspector.filterFacet('type').fill('');
    await inspector.filterFacet('action').fill('');
    await inspector.filterFacet('principal').fill('alice');
    await expect.poll(shownKeys).toEqual(['filt-m1', 'filt-p1']);
    await inspector.filterFacet('principal').fill('');
    await inspector.filterFacet('key').fill('filt-j, filt-p');
    await expect.poll(shownKeys).toEqual(['filt-j1', 'filt-p1']);
    await inspector.filterFacet('key').fill('');
    await inspector.expectTimelineCount(4, 4);

    // Free text over the whole event, Object included; case-insensitive unless asked.
    await inspector.filterText().fill('alpha');
    await expect.poll(shownKeys).toEqual(['filt-m1', 'filt-j1', 'filt-p1']);
    await inspector.filterFlag('Case sensitive').check();
    await expect.poll(shownKeys).toEqual(['filt-m1']);
    await inspector.filterFlag('Case sensitive').uncheck();

    // Regex: literal until the box is checked.
    await inspector.filterText().fill('sledge|discover');
    await inspector.expectTimelineCount(0, 4);
    await inspector.filterFlag('Regex').check();
    await expect.poll(shownKeys).toEqual(['filt-m1', 'filt-m2']);
    await inspector.filterFlag('Invert').check();
    await expect.poll(shownKeys).toEqual(['filt-j1', 'filt-p1']);

    // The filter also applies to what arrives: one matches (inverted: no sledge/discover), one not.
    sim.publish({ Type: 'machines', Action: 'update', Key: 'filt-m3', Object: { Stage: 'discover' } });
    sim.publish({ Type: 'jobs', Action: 'update', Key: 'filt-j1', Object: { State: 'finished' } });
    await inspector.expectTimelineCount(3, 6);
    await expect.poll(shownKeys).toEqual(['filt-j1', 'filt-p1', 'filt-j1']);

    // An invalid regex is reported, not applied.
    await inspector.filterText().fill('(unclosed');
    await expect(inspector.page.getByTestId('filter-error')).toContainText('Invalid regular expression');
    await inspector.expectTimelineCount(6, 6);
  });

  test('keyboard: arrows, Home and End move the selection; "/" focuses the filter', async ({ inspector, sim }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.kb-000,kb-001,kb-002,kb-003,kb-004');
    for (let i = 0; i < 5; i += 1) sim.publish({ Type: 'machines', Action: 'update', Key: keyOf('kb', i) });
    await inspector.expectTimelineCount(5, 5);
    const header = inspector.page.getByTestId('detail-header');

    await inspector.row({ key: 'kb-001' }).click();
    await expect(inspector.selectedRow()).toHaveAttribute('data-key', 'kb-001');
    await expect(inspector.scroller()).toBeFocused();

    const steps: [string, string][] = [
      ['ArrowDown', 'kb-002'],
      ['ArrowDown', 'kb-003'],
      ['ArrowUp', 'kb-002'],
      ['End', 'kb-004'],
      ['ArrowDown', 'kb-004'],
      ['Home', 'kb-000'],
      ['ArrowUp', 'kb-000'],
    ];
    for (const [key, expected] of steps) {
      await inspector.page.keyboard.press(key);
      await expect(inspector.selectedRow(), `after ${key}`).toHaveAttribute('data-key', expected);
      await expect(header, `after ${key}`).toContainText(expected);
    }
    await expect(inspector.selectedRow()).toHaveCount(1);

    await inspector.page.keyboard.press('/');
    await expect(inspector.filterText()).toBeFocused();
    await inspector.page.keyboard.type('kb-003');
    await expect(inspector.filterText()).toHaveValue('kb-003');
    await inspector.expectTimelineCount(1, 5);
  });

  test('event content with markup is shown as text, never run', async ({ inspector, page, sim }) => {
    await inspector.openConnected();
    await inspector.register('*.*.*');

    const result = (await sim.control({ action: 'hostile' })) as { sent: number };

    await inspector.expectReceived(result.sent);
    await expect(inspector.rows()).toHaveCount(result.sent);
    await expect(inspector.row({ type: HOSTILE_MARKUP })).toContainText(HOSTILE_MARKUP);
    for (let index = 0; index < result.sent; index += 1) {
      await inspector.rows().nth(index).click();
      await expect(inspector.detail()).toBeVisible();
      for (const tab of ['Object', 'Diff', 'Raw'] as const) await inspector.showTab(tab);
    }
    await expect(inspector.rawJson()).toContainText('onerror');
    await inspector.row({ type: HOSTILE_MARKUP }).click();
    await inspector.showTab('Object');
    await expect(inspector.tabPanel()).toContainText(HOSTILE_MARKUP);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('svg[onload]')).toHaveCount(0);
    await expect(page.locator('body script')).toHaveCount(0);
  });
});
