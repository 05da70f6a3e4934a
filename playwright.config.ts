import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium';

// End-to-end tests drive the production build (dist/, made by `npm run build` before this runs)
// in Debian's Chromium against the real simulator. Servers are started per worker by fixtures
// (tests/e2e/support/fixtures.ts) on ephemeral loopback ports, so parallel runs never collide.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1400, height: 900 },
  },
});
