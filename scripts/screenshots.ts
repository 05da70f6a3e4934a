/**
 * `npm run screenshots`: regenerates docs/screenshots/*.png from the production build and the
 * simulator, the same way a user would see them (README and docs link to these files).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startSimulator } from '../simulator/simulator';
import { InspectorPage } from '../tests/e2e/support/inspector-page';
import { chromiumLaunchOptions } from './chromium';
import { startAppServer } from './serve-app';

const OUT = 'docs/screenshots';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const sim = await startSimulator({ host: '127.0.0.1', port: 0, rate: 25, machines: 20, seed: 7 });
  const app = await startAppServer();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    const inspector = new InspectorPage(page, app, sim);
    await inspector.openConnected();
    await inspector.register('*.*.*');
    await sim.control({ action: 'seed-walkthrough' });
    await page.waitForTimeout(4000);
    await page.screenshot({ path: `${OUT}/timeline.png` });

    await inspector.row({ type: 'machines', action: 'update' }).last().click();
    await inspector.showTab('Diff');
    await page.screenshot({ path: `${OUT}/diff.png` });

    await inspector.filterFacet('type').fill('profiles');
    await inspector.row({ type: 'profiles', key: 'global' }).last().click();
    await inspector.showTab('Diff');
    await page.screenshot({ path: `${OUT}/seed-walkthrough.png` });
    await inspector.showTab('Object');
    await page.screenshot({ path: `${OUT}/object.png` });

    // Object history: the versions of global, what changed each leaf, and every object seen.
    await page.getByRole('tab', { name: 'History' }).click();
    await page.locator('[data-testid="history-version"]').first().waitFor();
    await page.screenshot({ path: `${OUT}/history.png` });
    await page.getByRole('tab', { name: 'Blame' }).click();
    await page.locator('[data-testid="blame-leaf"]').first().waitFor();
    await page.screenshot({ path: `${OUT}/blame.png` });
    await inspector.filterFacet('type').fill('');
    // The typed facet reaches the store after the typing pause; the Objects view reads it there.
    await inspector.row({ type: 'machines', action: 'update' }).first().waitFor();
    await page.getByRole('button', { name: 'Objects', exact: true }).click();
    await page.locator('[data-testid="object-row"][data-type="machines"]').first().click();
    await page.screenshot({ path: `${OUT}/objects.png` });
    await page.getByRole('button', { name: 'Events', exact: true }).click();

    // The smallest window the layout is made for, and a common one (tests/e2e/layout.spec.ts checks their geometry).
    await inspector.filterFacet('type').fill('');
    await inspector.row({ type: 'machines', action: 'update' }).last().click();
    for (const { width, height } of [
      { width: 1024, height: 700 },
      { width: 1400, height: 900 },
    ]) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${OUT}/layout-${width}x${height}.png` });
    }

    const failing = new InspectorPage(await browser.newPage({ viewport: { width: 1440, height: 500 } }), app, sim);
    await failing.open();
    await failing.connectWithPassword('rocketskates', 'wrong-password');
    await failing.connectionError().waitFor();
    await failing.page.screenshot({ path: `${OUT}/wrong-password.png` });
    console.log(`screenshots written to ${OUT}/`);
  } finally {
    await browser.close();
    await app.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
