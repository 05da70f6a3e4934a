import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { InspectorPage } from './support/inspector-page';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'import');

function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  return page.getByTestId('import-file').setInputFiles(typeof file === 'string' ? path.join(FIXTURES, file) : file);
}

const summaryHead = (page: Page) => page.getByTestId('import-summary-head');

/** Three versions of one machine, each changing Stage: the second and third diff against the one before. */
function publishVersions(inspector: InspectorPage, key: string): void {
  for (const [index, stage] of ['discover', 'sledgehammer', 'complete'].entries()) {
    inspector.sim.publish({
      Type: 'machines',
      Action: 'update',
      Key: key,
      Object: { Name: key, Stage: stage, Runnable: true, Generation: index },
    });
  }
}

test.describe('captures', () => {
  test('imports each format, keeps Time, places the gap and lists subscriptions as history', async ({ inspector, page }) => {
    await inspector.open();
    // Parsed and classified off the main thread: the import worker starts for the file.
    const worker = page.waitForEvent('worker', (started) => started.url().includes('import-worker'));
    await importFile(page, 'capture.jsonl');
    await worker;
    await expect(summaryHead(page)).toHaveText('Imported capture.jsonl (capture JSON Lines): 4 events');
    await expect(page.getByTestId('import-summary')).toContainText('1 gaps');
    await expect(page.getByTestId('capture-subscriptions')).toHaveText(
      'Subscriptions (history, not re-sent): machines.*.* active, jobs.*.* active',
    );
    await inspector.expectTimelineCount(4, 4);
    await expect(page.getByTestId('timeline-gap')).toHaveCount(1);
    await expect(page.getByTestId('timeline-gap')).toHaveAttribute('data-from', String(Date.parse('2026-03-02T10:00:03.000Z')));
    // Imported, not subscribed: the subscriptions list stays empty, nothing is sent anywhere.
    await expect(page.locator('[data-testid="subscription"]')).toHaveCount(0);
    await inspector.rows().first().click();
    await inspector.showTab('Raw');
    await expect(inspector.rawJson()).toContainText('2026-03-02T10:00:01.512998101Z');

    // Each further import replaces the buffer: the user agrees first.
    for (const [file, head] of [
      ['drpcli-watch.txt', 'Imported drpcli-watch.txt (drpcli events watch output): 3 events'],
      ['websocket.har', 'Imported websocket.har (HAR (websocket frames)): 3 events'],
      ['events.json', 'Imported events.json (JSON array of events): 4 events'],
    ] as const) {
      await importFile(page, file);
      await expect(page.getByRole('alertdialog', { name: 'Replace the buffer?' })).toContainText('replaces the');
      await page.getByRole('button', { name: 'Open and replace', exact: true }).click();
      await expect(summaryHead(page)).toHaveText(head);
    }
    await inspector.expectTimelineCount(4, 4);
  });

  test('a corrupted file: each bad line reported with its number, the rest imported', async ({ inspector, page }) => {
    await inspector.open();
    await importFile(page, 'capture-bad-lines.jsonl');
    await expect(summaryHead(page)).toHaveText('Imported capture-bad-lines.jsonl (capture JSON Lines): 2 events');
    await expect(page.getByTestId('import-summary')).toContainText('2 skipped');
    const problems = page.getByRole('list', { name: 'Import problems' }).getByRole('listitem');
    await expect(problems).toHaveCount(2);
    await expect(problems.nth(0)).toContainText(/^line 5: not JSON/);
    await expect(problems.nth(1)).toHaveText('line 7: missing Key');
    await inspector.expectTimelineCount(2, 2);
  });

  test("the app's own export imports back; Keep buffer keeps it; a drop opens a file too", async ({ inspector, page }) => {
    await inspector.openConnected();
    await inspector.register('machines.*.*');
    publishVersions(inspector, 'cap-export-1');
    await inspector.expectTimelineCount(3, 3);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export', exact: true }).first().click();
    const exported = await readFile(await (await download).path());

    await importFile(page, { name: 'export.jsonl', mimeType: 'application/x-ndjson', buffer: exported });
    await expect(page.getByRole('alertdialog')).toContainText('replaces the 3 events in the buffer and disconnects from the endpoint');
    await page.getByRole('button', { name: 'Keep buffer', exact: true }).click();
    await inspector.expectOpen();
    await inspector.expectTimelineCount(3, 3);

    await importFile(page, { name: 'export.jsonl', mimeType: 'application/x-ndjson', buffer: exported });
    await page.getByRole('button', { name: 'Open and replace', exact: true }).click();
    await expect(summaryHead(page)).toHaveText('Imported export.jsonl (capture JSON Lines): 3 events');
    await expect(inspector.connectionStatus()).not.toHaveText('open');
    await inspector.expectTimelineCount(3, 3);
    // Changed paths were computed in the import worker: the last version diffs against the one before.
    await inspector.rows().last().click();
    await inspector.showTab('Diff');
    await expect(inspector.diffEntry('changed', 'Stage')).toHaveText('changed Stage: "sledgehammer" → "complete"');

    const text = (await readFile(path.join(FIXTURES, 'events.json'))).toString('utf8');
    await page.evaluate((content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, text);
    await page.getByRole('button', { name: 'Open and replace', exact: true }).click();
    await expect(summaryHead(page)).toHaveText('Imported dropped.json (JSON array of events): 4 events');
  });

  test('record to disk, reload brings the capture back, reopen disconnected: events, subscriptions and diffs are back', async ({
    inspector,
    page,
  }) => {
    await inspector.openConnected();
    await expect(page.getByText('payloads may hold secrets')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).check();
    await inspector.register('machines.*.*');
    publishVersions(inspector, 'cap-record-1');
    await inspector.expectTimelineCount(3, 3);
    await expect(page.getByTestId('record-status')).toHaveAttribute('data-written', '3');
    await expect(page.getByTestId('record-status')).toContainText('written: 3 events');

    // Preserve log: with Record to disk on, a reload reopens the capture from disk, not connected.
    await page.reload();
    await expect(inspector.connectionStatus()).not.toHaveText('open');
    await expect(summaryHead(page)).toHaveText(/^Reopened .*: 3 events$/);
    await inspector.expectTimelineCount(3, 3);
    await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Captures', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Captures' });
    await expect(dialog.getByTestId('storage-estimate')).toContainText('left of the quota');
    const stored = dialog.getByTestId('stored-capture');
    await expect(stored).toHaveCount(1);
    await expect(stored).toContainText('127.0.0.1');
    await expect(stored).toContainText('rocketskates');
    await expect(stored.getByTestId('stored-capture-events')).toHaveText('3');
    await stored.getByRole('button', { name: 'Open', exact: true }).click();

    await expect(summaryHead(page)).toHaveText(/^Reopened .*: 3 events$/);
    await expect(page.getByTestId('capture-subscriptions')).toContainText('machines.*.* active');
    await inspector.expectTimelineCount(3, 3);
    await inspector.rows().last().click();
    await inspector.showTab('Diff');
    await expect(inspector.diffEntry('changed', 'Stage')).toHaveText('changed Stage: "sledgehammer" → "complete"');
  });

  test('stored captures: rename, export with markers, delete', async ({ inspector, page }) => {
    await inspector.openConnected();
    await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).check();
    await inspector.register('machines.*.*');
    publishVersions(inspector, 'cap-list-1');
    await expect(page.getByTestId('record-status')).toHaveAttribute('data-written', '3');
    await inspector.disconnect();
    await page.getByRole('button', { name: 'Captures', exact: true }).click();
    const stored = page.getByRole('dialog', { name: 'Captures' }).getByTestId('stored-capture');
    await expect(stored).toHaveCount(1);
    await stored.getByRole('button', { name: 'Rename', exact: true }).click();
    await stored.getByLabel('Capture name').fill('before the upgrade');
    await stored.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(stored).toContainText('before the upgrade');

    const download = page.waitForEvent('download');
    await stored.getByRole('button', { name: 'Export', exact: true }).click();
    expect((await download).suggestedFilename()).toBe('before-the-upgrade.jsonl');
    const lines = (await readFile(await (await download).path())).toString('utf8').trimEnd().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ $inspector: 'capture', version: 1, source: 'app', user: 'rocketskates' });
    expect(String(parsed[0].endpoint)).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(parsed.filter((line) => line.$inspector === 'subscription')).toEqual([
      expect.objectContaining({ spec: 'machines.*.*', state: 'active' }),
    ]);
    expect(parsed.filter((line) => line.Type === 'machines')).toHaveLength(3);
    expect(parsed[parsed.length - 1]).toMatchObject({ $inspector: 'end', events: 3 });
    expect(lines.join('\n')).not.toContain('token');

    await stored.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(stored).toHaveCount(0);
  });

  test('quota full: recording stops with a clear message, no event in memory is lost', async ({ inspector, page }) => {
    await inspector.openConnected();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(inspector.app.url).origin, quotaSize: 200_000 });
    await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).check();
    await inspector.register('machines.*.*');
    // Random text does not compress: a few of these pass any quota this small.
    for (let index = 0; index < 6; index += 1) {
      inspector.sim.publish({
        Type: 'machines',
        Action: 'update',
        Key: `cap-quota-${index}`,
        Object: { Name: 'q', Blob: randomText(150_000) },
      });
    }
    await expect(page.getByRole('alert')).toContainText('QuotaExceededError');
    await expect(page.getByRole('alert')).toContainText('The events in memory are all still here');
    await expect(page.getByRole('checkbox', { name: 'Record to disk', exact: true })).not.toBeChecked();
    await inspector.expectTimelineCount(6, 6);
  });

  test('the size cap evicts the oldest events first and counts them', async ({ inspector, page }) => {
    await inspector.openConnected();
    await page.getByRole('button', { name: 'Captures', exact: true }).click();
    await page.getByLabel('Size cap (MB)').fill('1');
    await page.getByRole('button', { name: 'Set', exact: true }).click();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('checkbox', { name: 'Record to disk', exact: true }).check();
    await inspector.register('machines.*.*');
    for (let index = 0; index < 12; index += 1) {
      inspector.sim.publish({
        Type: 'machines',
        Action: 'update',
        Key: `cap-evict-${index}`,
        Object: { Name: 'e', Blob: randomText(200_000) },
      });
    }
    await inspector.expectTimelineCount(12, 12);
    await expect(page.getByTestId('record-status')).toContainText('oldest evicted by the size cap');
    await expect(page.getByTestId('record-status')).toHaveAttribute('data-written', '12');
    await inspector.disconnect();
    await page.getByRole('button', { name: 'Captures', exact: true }).click();
    const events = page.getByRole('dialog', { name: 'Captures' }).getByTestId('stored-capture-events');
    await expect(events).toContainText('evicted');
    const kept = Number.parseInt((await events.textContent()) ?? '', 10);
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(12);
  });
});

function randomText(chars: number): string {
  let text = '';
  while (text.length < chars) text += Math.random().toString(36).slice(2);
  return text.slice(0, chars);
}
