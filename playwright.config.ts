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
  // Tests tagged @heavy (a 20 MB frame, floods) run after all the others, one at a time: on two
  // cores a heavy test beside another worker starves both, which is how timing-sensitive tests flaked.
  projects: [
    { name: 'main', grepInvert: /@heavy/ },
    { name: 'heavy', grep: /@heavy/, dependencies: ['main'], workers: 1 },
  ],
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1400, height: 900 },
  },
});
