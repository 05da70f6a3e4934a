import { startAppServer, type AppServer } from '../../scripts/serve-app';
import { watchCsp } from './support/csp-watch';
import { expect, test } from './support/fixtures';
import { InspectorPage } from './support/inspector-page';

// `dist/` is built with relative asset URLs (vite.config.ts, `base: './'`), so a static host may put
// it under any path. Served here under a sub-path, where an absolute `/assets/...` URL would 404.
const SUB_PATH = '/some/sub/path/';

let app: AppServer;
test.beforeAll(async () => {
  app = await startAppServer({ base: SUB_PATH });
});
test.afterAll(async () => {
  await app?.close();
});

test('the normal build works from a sub-path: the page, its styles and the socket worker load and it connects', async ({ page, sim }) => {
  expect(new URL(app.url).pathname).toBe(SUB_PATH);
  const csp = await watchCsp(page);
  const inspector = new InspectorPage(page, app, sim);
  await inspector.openConnected();
  await inspector.register('machines.*.sub-path-1');

  sim.publish({ Type: 'machines', Action: 'update', Key: 'sub-path-1', Object: { Name: 'sub-path-1' } });

  await expect(inspector.row({ key: 'sub-path-1' })).toHaveCount(1);
  // The worker came from the sub-path, not from the main-thread fallback.
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([
    expect.stringMatching(/^\/some\/sub\/path\/assets\/socket-worker-[\w-]+\.js$/),
  ]);
  // The stylesheet applied (a relative URL that missed would leave the page unstyled).
  expect(await page.evaluate(() => [...document.styleSheets].filter((sheet) => sheet.cssRules.length > 0).length)).toBeGreaterThan(0);
  expect(await csp.violations()).toEqual([]);
});
