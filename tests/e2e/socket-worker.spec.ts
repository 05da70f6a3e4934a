import { expect, test } from './support/fixtures';

/** The seq of the timeline row at a viewport point, or null (runs in the page). */
function seqAtPoint(point: { x: number; y: number }): string | null {
  const row = document.elementFromPoint(point.x, point.y)?.closest<HTMLElement>('[data-testid="timeline-row"]');
  return row?.dataset.seq ?? null;
}

/** Fixed row height of the timeline (timeline.css); the test only needs "some rows more". */
const ROW_HEIGHT_PX = 26;

interface PressedRow {
  seq: string | null;
  top: number;
  scrollTop: number;
  scrollHeight: number;
}
type PressWindow = Window & { __pressed: PressedRow };

/** Installs a one-shot capture listener that records the row under the next pointerdown (runs in the page). */
function recordPressedRow(): void {
  document.addEventListener(
    'pointerdown',
    (event) => {
      const row = (event.target as Element | null)?.closest<HTMLElement>('[data-testid="timeline-row"]');
      const scroller = document.querySelector<HTMLElement>('[data-testid="timeline-scroller"]');
      (window as unknown as PressWindow).__pressed = {
        seq: row?.dataset.seq ?? null,
        top: row?.getBoundingClientRect().top ?? Number.NaN,
        scrollTop: scroller?.scrollTop ?? Number.NaN,
        scrollHeight: scroller?.scrollHeight ?? Number.NaN,
      };
    },
    { capture: true, once: true },
  );
}

/** Where the row with `seq` sits on screen, and the list's offset (runs in the page). */
function rowPlacement(seq: string): { top: number; scrollTop: number } {
  const row = document.querySelector<HTMLElement>(`[data-testid="timeline-row"][data-seq="${seq}"]`);
  const scroller = document.querySelector<HTMLElement>('[data-testid="timeline-scroller"]');
  return { top: row?.getBoundingClientRect().top ?? Number.NaN, scrollTop: scroller?.scrollTop ?? Number.NaN };
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

  test(
    'during a flood a mouse press selects the pressed row, and the list holds still until release',
    { tag: '@heavy' },
    async ({ inspector, page, sim }) => {
      test.setTimeout(90_000);
      await inspector.openConnected();
      await inspector.register('*.*.*');
      // An open-ended flood: the background workload runs until `finally` stops it, so every wait
      // below is for a condition, never for a burst of a given length to deliver a given count.
      await sim.control({ action: 'workload', rate: 300 });
      try {
        const box = await inspector.scroller().boundingBox();
        if (!box) throw new Error('timeline scroller not visible');
        const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        // Enough rows to scroll, and the list moving under a still pointer (following the tail).
        await expect.poll(() => inspector.receivedCount(), { timeout: 20_000 }).toBeGreaterThan(300);
        const before = await page.evaluate(seqAtPoint, point);
        await expect.poll(() => page.evaluate(seqAtPoint, point), { timeout: 20_000 }).not.toBe(before);

        // Record, in the page, the row the pointerdown really hit and where it and the list were.
        await page.evaluate(recordPressedRow);
        await page.mouse.move(point.x, point.y);
        await page.mouse.down();
        const pressed = await page.evaluate(() => (window as unknown as PressWindow).__pressed);
        expect(pressed.seq).not.toBeNull();
        expect([pressed.top, pressed.scrollTop, pressed.scrollHeight].every(Number.isFinite)).toBe(true);
        await expect(inspector.selectedRow()).toHaveAttribute('data-seq', pressed.seq!);

        // Events keep arriving while the button is down; the total grows, the list holds still.
        await expect
          .poll(() => inspector.scroller().evaluate((element) => element.scrollHeight), { timeout: 20_000 })
          .toBeGreaterThan(pressed.scrollHeight + 50 * ROW_HEIGHT_PX);
        const held = await page.evaluate(rowPlacement, pressed.seq!);
        expect(held).toEqual({ top: pressed.top, scrollTop: pressed.scrollTop });
        await page.mouse.up();

        // The click that follows the release selects nothing else.
        await expect(page.getByRole('region', { name: 'Event detail' })).toHaveAttribute('data-seq', pressed.seq!);
      } finally {
        await sim.control({ action: 'workload', rate: 0 });
      }
    },
  );
});
