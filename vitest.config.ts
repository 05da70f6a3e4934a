import { defineConfig } from 'vitest/config';

// Two projects with explicit include lists: Vitest's default glob would also pick up the
// Playwright specs in tests/e2e (TOOLCHAIN.md).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        test: {
          name: 'sim',
          include: ['tests/sim/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
    ],
  },
});
