import type { Page } from '@playwright/test';
import { HOSTILE_MARKUP } from '../../simulator/faults';
import type { ConnectionStats, Simulator } from '../../simulator/simulator';
import { expect, test } from './support/fixtures';

// Broken and hostile input through the real simulator (its fault injection, docs/simulator.md) into
// the production build: every bad frame is counted and listed, the page keeps working, valid events
// are all kept, and markup in event content never runs. The built page carries a CSP; any violation
// (what an injected inline script would cause) is recorded by the listener below.

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

const malformedCount = (page: Page) => page.getByTestId('malformed-count');

/** The inspector's socket as the simulator sees it (the only one: this test's page). */
function socketStats(sim: Simulator): ConnectionStats {
  const connections = sim.stats().connections;
  expect(connections).toHaveLength(1);
  return connections[0] as ConnectionStats;
}
const TIME = '2026-01-01T00:00:00.000000001Z';

/** A valid machines.update event whose Object is `depth` arrays nested in each other. */
function deeplyNestedEvent(depth: number): string {
  return `{"Time":"${TIME}","Type":"machines","Action":"update","Key":"deeply-nested","Principal":"","Object":${'['.repeat(depth)}${']'.repeat(depth)},"Original":null}`;
}

test.describe('hostile and broken input', () => {
  test(
    'malformed, binary, wrong-typed, deep, 20 MB and hostile frames: counted, shown as text, nothing lost',
    { tag: '@heavy' },
    async ({ inspector, page, sim }) => {
      test.setTimeout(90_000);
      await recordCspViolations(page);
      await inspector.openConnected();
      await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/);
      expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
      await inspector.register('*.*.*');

      // Frames that are not events: each is one error entry.
      const brokenFrames = [
        undefined, // the simulator's default: a truncated event
        '[1,2,3]',
        '"just a string"',
        '{"hello":"world"}',
        `{"Time":12,"Type":"machines","Action":"update","Key":"k"}`,
        `{"Time":"${TIME}","Type":["machines"],"Action":"update","Key":"k"}`,
        `{"Time":"${TIME}","Type":"machines","Action":"update","Key":"k","Principal":{"user":"x"}}`,
      ];
      for (const text of brokenFrames) await sim.control(text === undefined ? { action: 'malformed' } : { action: 'malformed', text });
      await sim.control({ action: 'binary' });
      await expect(malformedCount(page)).toHaveText(String(brokenFrames.length + 1));
      // A flood of garbage, all at once: the server's 256-message socket buffer drops part of it
      // (docs/reference/drp-protocol.md §7.4), so the app must count exactly what the simulator delivered.
      const droppedBefore = socketStats(sim).dropped;
      const flood = 2000;
      for (let i = 0; i < flood; i += 1) sim.control({ action: 'malformed', text: `garbage ${i} <script>window.__pwned=1</script>` });
      const delivered = flood - (socketStats(sim).dropped - droppedBefore);
      expect(delivered).toBeGreaterThanOrEqual(256);
      const expectedMalformed = brokenFrames.length + 1 + delivered;
      await expect(malformedCount(page)).toHaveText(String(expectedMalformed));

      // Valid but pathological events: nested 100,000 levels, 20 MB, markup everywhere.
      await sim.control({ action: 'malformed', text: deeplyNestedEvent(100_000) });
      const huge = (await sim.control({ action: 'huge', bytes: 20_000_000 })) as { bytes: number };
      expect(huge.bytes).toBeGreaterThan(19_000_000);
      const hostile = (await sim.control({ action: 'hostile' })) as { sent: number };
      // Ordinary events after all that still arrive: every one the simulator delivered.
      const normal = (await sim.control({ action: 'burst', rate: 500, seconds: 0.4, objectBytes: 1000 })) as { sent: number };
      // Everything the simulator delivered is counted (a loaded machine may make it drop a few for a
      // slow reader, as DRP's 256-message buffer would; those never reach the page).
      const droppedEvents = socketStats(sim).dropped - droppedBefore - (flood - delivered);
      const expectedEvents = 1 + 1 + hostile.sent + normal.sent - droppedEvents;
      await inspector.expectReceived(expectedEvents);
      await inspector.expectTimelineCount(expectedEvents, expectedEvents);
      await expect(malformedCount(page)).toHaveText(String(expectedMalformed));

      // The error list names the reasons (and previews are text).
      await page.getByTestId('malformed-count').click();
      const errorList = page.getByTestId('frame-errors');
      await expect(errorList.locator('li')).toHaveCount(200);
      // Newest first; the server kept the first `delivered` of the flood and dropped the rest.
      await expect(errorList.locator('li').first()).toContainText(`garbage ${delivered - 1} <script>window.__pwned=1</script>`);
      await page.getByTestId('malformed-count').click();

      // Still responsive: filter and select rows.
      await inspector.filterFacet('key').fill('deeply-nested');
      await inspector.expectTimelineCount(1, expectedEvents);
      await inspector.row({ key: 'deeply-nested' }).click();
      await expect(inspector.detail()).toContainText('deeply-nested');
      await expect(page.getByTestId('deep-payload-notice')).toBeVisible();
      await inspector.showTab('Raw');
      // Masking walks iteratively, so even this frame is masked and shown, compact instead of indented.
      await expect(page.getByTestId('deep-payload-notice')).toHaveText('Nested too deeply to indent: shown compact.');
      await expect(page.getByTestId('raw-format-error')).toHaveCount(0);
      await inspector.showTab('Diff');
      await expect(inspector.diffStatus()).toHaveText('first version seen');
      await inspector.showTab('Object');

      await inspector.filterFacet('key').fill('');
      await inspector.filterText().fill('gohai-inventory');
      await inspector.filterFacet('type').fill('machines');
      // The 20 MB event: its Object and Raw views wait for "Show anyway".
      const hugeRow = page.locator('[data-testid="timeline-row"]').filter({ hasText: 'large event' });
      await expect(hugeRow).toHaveCount(1);
      await hugeRow.click();
      await expect(page.getByTestId('large-payload-notice')).toContainText('MB');
      await inspector.showTab('Raw');
      await expect(page.getByTestId('large-payload-notice')).toBeVisible();
      await page.getByRole('button', { name: 'Show anyway', exact: true }).click();
      await expect(page.getByTestId('raw-truncated')).toContainText('Showing the first 200.0 KB');
      await inspector.showTab('Object');
      await inspector.filterText().fill('');
      await inspector.filterFacet('type').fill('');

      // Hostile events: markup shows as text in the row, the header and every tab.
      await inspector.filterFacet('type').fill('onerror');
      const hostileRow = inspector.row({ type: HOSTILE_MARKUP });
      await expect(hostileRow).toHaveCount(1);
      await expect(hostileRow).toContainText(HOSTILE_MARKUP);
      await hostileRow.click();
      await expect(page.getByTestId('detail-header')).toContainText(HOSTILE_MARKUP);
      for (const tab of ['Object', 'Diff', 'Raw'] as const) {
        await inspector.showTab(tab);
        await expect(inspector.tabPanel()).toBeVisible();
      }
      await expect(inspector.rawJson()).toContainText('<script>window.__pwned=1</script>');
      await inspector.filterFacet('type').fill('machines');
      await inspector.filterFacet('key').fill('<script>');
      const machineRow = inspector.row({ type: 'machines', key: '<script>window.__pwned=1</script>' });
      await machineRow.click();
      await inspector.showTab('Diff');
      await expect(inspector.diffEntries().first()).toBeVisible();

      // Nothing ran and nothing was even attempted: no element came from event content, no CSP report.
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('#root img, #root script, #root svg, #root iframe').length)).toBe(0);
      expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
      await expect(page.getByTestId('panel-error')).toHaveCount(0);
      await inspector.expectOpen();
    },
  );
});
