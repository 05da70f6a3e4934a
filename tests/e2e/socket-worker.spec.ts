import { expect, test } from './support/fixtures';

/** The seq of the timeline row at a viewport point, or null (runs in the page). */
function seqAtPoint(point: { x: number; y: number }): string | null {
  const row = document.elementFromPoint(point.x, point.y)?.closest<HTMLElement>('[data-testid="timeline-row"]');
  return row?.dataset.seq ?? null;
}

test.describe('socket worker', () => {
  test('the event socket runs in a worker that the production CSP allows', async ({ inspector, page, sim }) => {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refusals.push(message.text());
    });
    await inspector.openConnected();
    await inspector.register('machines.*.sw-1');

    sim.publish({ Type: 'machines', Action: 'update', Key: 'sw-1', Object: { Name: 'sw-1' } });

    await inspector.expectReceived(1);
    await expect(inspector.row({ key: 'sw-1' })).toHaveCount(1);
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/\/assets\/socket-worker-[\w-]+\.js$/)]);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /default-src 'self'/);
    expect(refusals).toEqual([]);
  });

  test('during a flood a mouse press selects the pressed row, and the list holds still until release', async ({ inspector, page, sim }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.*');
    // A first burst fills the list; the second keeps it moving while the mouse is down.
    await sim.control({ action: 'burst', rate: 2000, seconds: 0.5, objectBytes: 2000, withOriginal: true });
    // Enough rows to scroll. Not "all 1000": on a loaded machine the simulator may drop some for a
    // slow reader, exactly as DRP's 256-message buffer does (docs/reference/drp-protocol.md §7.4).
    await expect.poll(() => inspector.receivedCount()).toBeGreaterThan(300);
    const flood = sim.control({ action: 'burst', rate: 2000, seconds: 3, objectBytes: 2000, withOriginal: true });
    const box = await inspector.scroller().boundingBox();
    if (!box) throw new Error('timeline scroller not visible');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    // Wait until the flood is moving the list under a still pointer.
    const before = await page.evaluate(seqAtPoint, { x, y });
    await expect.poll(() => page.evaluate(seqAtPoint, { x, y })).not.toBe(before);

    await page.mouse.move(x, y);
    await page.mouse.down();
    const pressed = await page.evaluate(seqAtPoint, { x, y });
    expect(pressed).not.toBeNull();
    await expect(inspector.selectedRow()).toHaveAttribute('data-seq', pressed!);
    // Events keep arriving while the button is down, but the row under the pointer stays.
    const receivedAtPress = Number(await page.getByTestId('received-count').textContent());
    await expect.poll(async () => Number(await page.getByTestId('received-count').textContent())).toBeGreaterThan(receivedAtPress + 200);
    expect(await page.evaluate(seqAtPoint, { x, y })).toBe(pressed);
    await page.mouse.up();

    // The click that follows the release selects nothing else (the list follows the tail again).
    await expect(page.getByRole('region', { name: 'Event detail' })).toHaveAttribute('data-seq', pressed!);
    await flood;
  });
});
