import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';
import { simRest } from './support/sim-rest';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One machine per screen size: the simulator (one per worker) keeps what earlier tests created. */
const machineFor = (width: number): string => `7c2a9e10-4d1b-4f0e-8a3c-00000000${String(width).padStart(4, '0')}`;

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator.toString()}`);
  return box;
}

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Boxes of the visible children of `selector`: what a wrapped or overlapping line is made of. */
async function childBoxes(page: Page, selector: string): Promise<Box[]> {
  return page.locator(selector).evaluate((parent) =>
    [...parent.children]
      .map((child) => child.getBoundingClientRect())
      .filter((rect) => rect.width > 0)
      .map(({ x, y, width, height }) => ({ x, y, width, height })),
  );
}

/** A screen with everything the layout must hold: rows, a selected machine, open frame errors. */
async function fillTheScreen(inspector: InspectorPage, machine: string): Promise<void> {
  const { page, sim } = inspector;
  await inspector.openConnected();
  await inspector.register('*.*.*');
  await simRest(sim, 'POST', 'machines', {
    Uuid: machine,
    Name: 'rack12-node07.lab.example.com',
    Secret: 'layout-secret',
    Stage: 'discover',
  });
  await sim.control({ action: 'seed-walkthrough' });
  for (const text of ['{"Type":', 'not json at all', '{"Type":"machines","Action":12}']) await sim.control({ action: 'malformed', text });
  await expect(page.getByTestId('malformed-count')).toHaveText('3');
  await inspector.row({ type: 'machines', key: machine }).first().click();
  await expect(inspector.detail()).toContainText('rack12-node07');
  await page.getByTestId('malformed-count').click();
  await expect(page.getByTestId('frame-errors')).toBeVisible();
}

for (const { width, height } of [
  { width: 1024, height: 700 },
  { width: 1400, height: 900 },
]) {
  test(`layout at ${width}×${height}: nothing overlaps, wraps, is cut or leaves the screen`, async ({ inspector, page }, testInfo) => {
    await page.setViewportSize({ width, height });
    const machine = machineFor(width);
    await fillTheScreen(inspector, machine);

    // Column headers side by side, none over another.
    const headers = await childBoxes(page, '.timeline-header');
    expect(headers).toHaveLength(6);
    for (let i = 1; i < headers.length; i++) expect(overlaps(headers[i - 1], headers[i]), `header ${i - 1} overlaps ${i}`).toBe(false);
    for (const header of await page.locator('.timeline-header > *').all()) {
      // The label's own text (not the resize handle, which reaches into the gap) fits its cell.
      const fits = await header.evaluate((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell.firstChild ?? cell);
        return range.getBoundingClientRect().right <= cell.getBoundingClientRect().right + 0.5;
      });
      expect(fits, await header.innerText()).toBe(true);
    }

    // The filter's first line (text, flags) and the export controls each on one line.
    const filterLine = [
      inspector.filterText(),
      ...(['Regex', 'Case sensitive', 'Invert'] as const).map((name) => page.getByRole('checkbox', { name, exact: true })),
    ];
    const filterTops = await Promise.all(filterLine.map(async (control) => (await boxOf(control)).y + (await boxOf(control)).height / 2));
    for (const top of filterTops) expect(Math.abs(top - filterTops[0])).toBeLessThan(4);
    const exportLine = [
      page.getByTestId('timeline-count'),
      page.getByRole('button', { name: 'Export' }),
      page.getByRole('checkbox', { name: 'Mask secrets in export' }),
    ];
    const exportTops = await Promise.all(exportLine.map(async (control) => (await boxOf(control)).y + (await boxOf(control)).height / 2));
    for (const top of exportTops) expect(Math.abs(top - exportTops[0])).toBeLessThan(4);

    // The detail header: inside the pane and the screen, and no value cut.
    const header = page.getByTestId('detail-header');
    const headerBox = await boxOf(header);
    const paneBox = await boxOf(inspector.detail());
    expect(headerBox.x).toBeGreaterThanOrEqual(paneBox.x);
    expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(Math.min(paneBox.x + paneBox.width, width) + 0.5);
    expect(headerBox.y + headerBox.height).toBeLessThanOrEqual(height);
    for (const value of await header.locator('dd').all()) {
      expect(await value.evaluate((el) => el.scrollWidth <= el.clientWidth), await value.innerText()).toBe(true);
    }
    await expect(header).toContainText(machine);

    // The frame-error list opens inside the viewport.
    const errors = await boxOf(page.getByTestId('frame-errors'));
    expect(errors.x).toBeGreaterThanOrEqual(0);
    expect(errors.y).toBeGreaterThanOrEqual(0);
    expect(errors.x + errors.width).toBeLessThanOrEqual(width);
    expect(errors.y + errors.height).toBeLessThanOrEqual(height);

    // Nothing scrolls the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The shot goes with the test's results (docs/screenshots/ is written by `npm run screenshots`),
    // so a test run never changes tracked files.
    await testInfo.attach(`layout-${width}x${height}`, { body: await page.screenshot(), contentType: 'image/png' });
  });
}

test('the side panel collapses and the detail pane resizes, by mouse and keyboard, remembered', async ({ inspector, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await inspector.openConnected();
  const toggle = page.getByRole('button', { name: 'Subscriptions', exact: true });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const sidebar = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  await expect(sidebar).toBeVisible();
  const timelineWidth = (await boxOf(page.getByRole('region', { name: 'Timeline' }))).width;
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(sidebar).toBeHidden();
  expect((await boxOf(page.getByRole('region', { name: 'Timeline' }))).width).toBeGreaterThan(timelineWidth + 100);

  // With the side panel folded away the detail pane has room to grow.
  const separator = page.getByRole('separator', { name: 'Resize event detail' });
  const detailWidth = async () => (await boxOf(page.locator('.detail-pane'))).width;
  const valueNow = async () => Number(await separator.getAttribute('aria-valuenow'));
  await expect.poll(valueNow).toBeGreaterThan(0);
  const start = await valueNow();
  expect(Math.abs(start - (await detailWidth()))).toBeLessThan(2);

  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(valueNow).toBeGreaterThan(start);
  const widened = await valueNow();
  await expect.poll(detailWidth).toBeCloseTo(widened, 0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(valueNow).toBeLessThan(widened);

  const handle = await boxOf(separator);
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + handle.width / 2 - 120, handle.y + handle.height / 2, { steps: 4 });
  await page.mouse.up();
  await expect.poll(valueNow).toBeGreaterThan(widened + 60);
  const dragged = await valueNow();

  await page.reload();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect.poll(valueNow).toBe(dragged);
  await expect.poll(detailWidth).toBeCloseTo(dragged, 0);
  await toggle.click();
  await expect(sidebar).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
});
