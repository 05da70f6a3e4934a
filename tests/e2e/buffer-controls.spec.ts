import { expect, test } from './support/fixtures';

const keyOf = (index: number): string => `pause-${String(index).padStart(3, '0')}`;

test.describe('buffer controls', () => {
  test('pause freezes the view but keeps counting; resume shows every event', async ({ inspector, sim }) => {
    const type = 'e2epause';
    const before = 5;
    const whilePaused = 60;
    await inspector.openConnected();
    await inspector.register(`${type}.*.*`);
    for (let i = 0; i < before; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf(i) });
    await inspector.expectTimelineCount(before, before);

    await inspector.pause();

    await expect(inspector.resumeButton()).toHaveText('Resume (0 new)');
    for (let i = before; i < before + whilePaused; i += 1) sim.publish({ Type: type, Action: 'update', Key: keyOf(i) });
    await inspector.expectReceived(before + whilePaused);
    await expect(inspector.pendingWhilePaused()).toHaveText(String(whilePaused));
    await expect(inspector.resumeButton()).toHaveText(`Resume (${whilePaused} new)`);
    // The view is frozen at the moment of Pause.
    await inspector.expectTimelineCount(before, before);
    await expect(inspector.rows()).toHaveCount(before);
    await expect(inspector.row({ key: keyOf(before) })).toHaveCount(0);

    await inspector.resumeButton().click();

    const total = before + whilePaused;
    await inspector.expectTimelineCount(total, total);
    await expect(inspector.page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await inspector.expectReceived(total);
    // Following the tail again: the newest is on screen; Home walks back to the oldest.
    await expect(inspector.row({ key: keyOf(total - 1) })).toBeInViewport();
    await inspector.row({ key: keyOf(total - 1) }).click();
    await inspector.page.keyboard.press('Home');
    await expect(inspector.selectedRow()).toHaveAttribute('data-key', keyOf(0));
    // Every key exactly once, in order: nothing lost or duplicated while paused. A tall window
    // lets the virtualized list render all rows at once, so they can be read in one go.
    await inspector.page.setViewportSize({ width: 1400, height: 2600 });
    const expected = Array.from({ length: total }, (_, i) => keyOf(i));
    await expect.poll(() => inspector.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')))).toEqual(expected);
  });

  test('Clear empties the timeline; the received counter keeps counting since Connect', async ({ inspector, sim }) => {
    const spec = 'machines.*.clear-1';
    await inspector.openConnected();
    await inspector.register(spec);
    for (let i = 0; i < 3; i += 1) sim.publish({ Type: 'machines', Action: 'update', Key: 'clear-1' });
    await inspector.expectTimelineCount(3, 3);
    await inspector.rows().first().click();
    await expect(inspector.detail()).toHaveAttribute('data-seq', /\d+/);

    await inspector.clear();

    await inspector.expectTimelineCount(0, 0);
    await expect(inspector.rows()).toHaveCount(0);
    await expect(inspector.detail()).toContainText('Select an event');
    await inspector.expectReceived(3);
    sim.publish({ Type: 'machines', Action: 'update', Key: 'clear-1' });
    await inspector.expectTimelineCount(1, 1);
    await inspector.expectReceived(4);
  });
});
