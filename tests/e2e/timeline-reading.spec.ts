import { expect, test } from './support/fixtures';

/** Zero-padded so keys sort and read in publishing order. */
const keyOf = (prefix: string, index: number): string => `${prefix}-${String(index).padStart(3, '0')}`;

test.describe('timeline: reading rows', () => {
  test('a click on a row while following the tail stops following; the row stays in view through eviction until Jump to latest', async ({
    inspector,
    page,
    sim,
  }) => {
    const type = 'e2epin';
    await inspector.openConnected();
    // A small ring: later events evict rows in front of the selected one.
    const capacity = page.getByLabel('Buffer capacity');
    await capacity.fill('120');
    await capacity.press('Enter');
    await expect(capacity).toHaveValue('120');
    await inspector.register(`${type}.*.*`);
    for (let i = 0; i < 100; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf('pin', i) });
    await inspector.expectTimelineCount(100, 100);
    await expect.poll(() => inspector.distanceFromBottom()).toBeLessThanOrEqual(2);

    const clicked = inspector.row({ key: keyOf('pin', 97) });
    await clicked.click();
    await expect(inspector.selectedRow()).toHaveAttribute('data-key', keyOf('pin', 97));
    await expect(inspector.jumpToLatest()).toBeVisible();

    // 60 more: the list grows past the ring (20 rows evicted in front of the selection).
    for (let i = 100; i < 160; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf('pin', i) });
    await inspector.expectTimelineCount(120, 120);
    await inspector.settleFrames();
    await expect(clicked).toBeInViewport();
    await expect(inspector.row({ key: keyOf('pin', 159) })).not.toBeInViewport();

    await inspector.jumpToLatest().click();
    await expect(inspector.row({ key: keyOf('pin', 159) })).toBeInViewport();
    await expect(inspector.jumpToLatest()).toBeHidden();
    // The selection stays (its row is scrolled out of the rendered window); following is what was asked for.
    await expect(page.getByTestId('detail-header')).toContainText(keyOf('pin', 97));
  });
});
