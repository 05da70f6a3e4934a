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

  test('every row on screen gets its summary while following, a single change shows its values', async ({ inspector, sim }) => {
    const type = 'machines';
    const key = 'e2e-sum-7c1d';
    await inspector.openConnected();
    await inspector.register(`${type}.*.${key}`);
    // 30 versions of one machine, each changing CurrentTask by one: every row but the first says "n → n+1".
    for (let i = 0; i < 30; i += 1) sim.publish({ Type: type, Action: 'update', Key: key, Object: { Name: 'rack-sum', CurrentTask: i } });
    await inspector.expectTimelineCount(30, 30);
    await expect(inspector.rows().last()).toContainText('CurrentTask 28 → 29');
    // No row left pending ("…") on screen.
    await expect
      .poll(() =>
        inspector
          .rows()
          .evaluateAll((rows) => rows.filter((row) => row.querySelector('.timeline-cell--summary')?.textContent === '…').length),
      )
      .toBe(0);
  });

  test('machines and runners read by Name, jobs by machine and task; full values in tooltips; what matters is highlighted', async ({
    inspector,
    sim,
  }) => {
    const machine = '5b0f3a52-9d1e-4f0a-8c77-31e2d4a6b901';
    const job = 'a1c2e3f4-0000-4000-8000-00000000e2e1';
    await inspector.openConnected();
    await inspector.register(`machines.*.${machine}`);
    await inspector.register(`jobs.*.${job}`);
    sim.publish({
      Type: 'machines',
      Action: 'update',
      Key: machine,
      Principal: `runner:${machine}`,
      Object: { Name: 'rack-e2e', Runnable: true },
    });
    sim.publish({ Type: 'jobs', Action: 'update', Key: job, Object: { Machine: machine, Task: 'gohai', State: 'failed' } });
    sim.publish({ Type: 'machines', Action: 'update', Key: machine, Object: { Name: 'rack-e2e', Runnable: false } });
    sim.publish({ Type: 'machines', Action: 'delete', Key: machine, Object: { Name: 'rack-e2e', Runnable: false } });
    await inspector.expectTimelineCount(4, 4);

    const rows = inspector.rows();
    const keyCell = rows.nth(0).locator('.timeline-cell--key');
    await expect(keyCell).toHaveText('rack-e2e');
    await expect(keyCell).toHaveAttribute('title', new RegExp(machine));
    await expect(rows.nth(0).locator('.timeline-cell--principal')).toHaveText('runner:rack-e2e');
    await expect(rows.nth(0).locator('.timeline-cell--principal')).toHaveAttribute('title', `runner:${machine}`);
    await expect(rows.nth(1).locator('.timeline-cell--key')).toHaveText('rack-e2e · gohai');
    await expect(rows.nth(1)).toHaveAttribute('data-highlight', 'failed');
    await expect(rows.nth(2)).toHaveAttribute('data-highlight', 'not-runnable');
    await expect(rows.nth(3)).toHaveAttribute('data-highlight', 'deleted');
    await expect(rows.nth(3).locator('.timeline-cell--summary')).toHaveText('deleted');
    await expect(rows.nth(0)).not.toHaveAttribute('data-highlight');
  });

  test('columns resize by dragging the header handle, and the widths survive a reload', async ({ inspector, page, sim }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.e2e-cols');
    sim.publish({ Type: 'machines', Action: 'update', Key: 'e2e-cols' });
    await inspector.expectTimelineCount(1, 1);
    const keyCell = inspector.row({ key: 'e2e-cols' }).locator('.timeline-cell--key');
    const before = (await keyCell.boundingBox())!.width;

    const handle = page.getByTestId('column-resize-key');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await keyCell.boundingBox())!.width).toBeGreaterThan(before + 100);
    const resized = (await keyCell.boundingBox())!.width;

    await page.reload();
    await inspector.connectWithPassword();
    await inspector.expectOpen();
    await inspector.register('machines.*.e2e-cols');
    sim.publish({ Type: 'machines', Action: 'update', Key: 'e2e-cols' });
    await expect(inspector.row({ key: 'e2e-cols' })).toHaveCount(1);
    await expect.poll(async () => Math.round((await keyCell.boundingBox())!.width)).toBe(Math.round(resized));
  });
});
