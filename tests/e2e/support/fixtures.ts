import { test as base } from '@playwright/test';
import { startSimulator, type Simulator } from '../../../simulator/simulator';
import { startAppServer, type AppServer } from '../../../scripts/serve-app';
import { InspectorPage } from './inspector-page';

interface WorkerFixtures {
  sim: Simulator;
  app: AppServer;
}

interface TestFixtures {
  inspector: InspectorPage;
}

// One simulator and one preview server per worker (Playwright docs: worker-scoped fixtures), both on
// ephemeral loopback ports; each test gets a page object bound to them.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  sim: [
    async ({}, use) => {
      const sim = await startSimulator({ host: '127.0.0.1', port: 0, rate: 0, seed: 1 });
      await use(sim);
      await sim.close();
    },
    { scope: 'worker' },
  ],
  app: [
    async ({}, use) => {
      const app = await startAppServer();
      await use(app);
      await app.close();
    },
    { scope: 'worker' },
  ],
  inspector: async ({ page, app, sim }, use) => {
    await use(new InspectorPage(page, app, sim));
  },
});

export { expect } from '@playwright/test';
