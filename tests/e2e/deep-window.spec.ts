import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

const KEYS = ['deep-a', 'deep-b', 'deep-c'];
const SAVES = 60;

/** `SAVES` saves of each machine, round robin: save `n` sets Params.n = n. 180 events in all. */
function publishSaves(inspector: InspectorPage): void {
  for (let n = 1; n <= SAVES; n += 1) {
    for (const key of KEYS) inspector.sim.publish({ Type: 'machines', Action: 'update', Key: key, Object: { Name: key, Params: { n } } });
  }
}

async function setCapacity(page: Page, value: number): Promise<void> {
  const capacity = page.getByLabel('Buffer capacity');
  await capacity.fill(String(value));
  await capacity.press('Enter');
  await expect(capacity).toHaveValue(String(value));
}

/** The first row, read back from disk: it shows the first save of deep-a. */
async function expectFirstRowFromDisk(inspector: InspectorPage): Promise<void> {
  await inspector.scrollTimelineToTop();
  const first = inspector.rows().first();
  await expect(first).toHaveAttribute('data-key', 'deep-a');
  await expect(first).not.toHaveAttribute('data-reading');
}

test.describe('the deep window: recorded events older than the ring', () => {
  test('timeline, diff, History, Blame and filters reach events on disk, live and after a reload', async ({ inspector, page }) => {
    await inspector.openConnected();
    // A ring of 50: 130 of the 180 events live only on disk.
    await setCapacity(page, 50);
    await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).check();
    await inspector.register('machines.*.*');
    publishSaves(inspector);
    await expect(page.getByTestId('record-status')).toHaveAttribute('data-written', String(SAVES * KEYS.length));
    await inspector.expectTimelineCount(180, 180);
    await expect(page.getByTestId('timeline-on-disk')).toHaveText('(130 on disk)');

    await expectFirstRowFromDisk(inspector);
    // The second save of deep-a, on disk, diffs against the first, on disk too.
    await inspector.rows().nth(3).click();
    await inspector.showTab('Diff');
    await expect(inspector.diffEntry('changed', 'Params.n')).toHaveText('changed Params.n: 1 → 2');

    await inspector.showTab('History');
    // The ring holds seqs 131..180: the saves of deep-a from n = 45 on (seq 3n - 2).
    await expect(page.getByTestId('history-count')).toHaveText(`${SAVES} versions buffered (${SAVES - 16} on disk)`);
    const versions = page.getByTestId('history-version');
    await expect(versions).toHaveCount(SAVES);
    // The oldest version is the first seen; the one after it changed Params.n (headers read from disk).
    await expect(versions.last()).toContainText('first version seen');
    await expect(versions.nth(SAVES - 2)).toContainText('Params.n 1 → 2');

    await inspector.showTab('Blame');
    await expect(page.locator('[data-testid="blame-leaf"][data-path="Params.n"]')).toBeVisible();
    await expect(page.getByTestId('blame-reading')).toBeHidden();
    await expect(page.locator('[data-testid="blame-leaf"][data-path="Name"]')).toContainText('before capture');

    // Free text reaches the disk through a search of it: "n":7} is one save of each machine.
    await inspector.filterText().fill('"n":7}');
    await inspector.expectTimelineCount(3, 180);
    await expect(page.getByTestId('timeline-disk-search')).toBeHidden();
    await inspector.filterText().fill('');
    await inspector.filterFacet('key').fill('deep-b');
    await inspector.expectTimelineCount(SAVES, 180);
    await inspector.filterFacet('key').fill('');
    await inspector.expectTimelineCount(180, 180);
    // The page URL follows the view after a short delay; reload once it holds no filter.
    await expect.poll(() => [...new URLSearchParams(new URL(page.url()).hash.slice(1)).keys()].sort()).toEqual(['obj', 'tab']);

    // Reload: the capture comes back from disk, all of it, before anything live.
    await page.reload();
    await expect(page.getByTestId('import-summary-head')).toHaveText(/^Reopened .*: 180 events$/);
    await inspector.expectTimelineCount(180, 180);
    await expect(page.getByTestId('timeline-on-disk')).toHaveText('(180 on disk)');
    await expectFirstRowFromDisk(inspector);
    await inspector.rows().nth(3).click();
    await inspector.showTab('Diff');
    await expect(inspector.diffEntry('changed', 'Params.n')).toHaveText('changed Params.n: 1 → 2');
    await inspector.showTab('History');
    await expect(page.getByTestId('history-count')).toHaveText(`${SAVES} versions buffered (${SAVES} on disk)`);

    // The Objects view lists the three machines from the disk index.
    await page.getByRole('button', { name: 'Objects', exact: true }).click();
    await expect(page.getByTestId('object-row')).toHaveCount(3);
  });
});
