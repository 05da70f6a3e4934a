import { defineConfig } from 'vitest/config';

// Two projects with explicit include lists: Vitest's default glob would also pick up the
// Playwright specs in tests/e2e (docs/toolchain.md).
export default defineConfig({
  test: {
    // Off unless asked for: `npm run test:unit -- --coverage` prints the per-file table, then totals.
    coverage: {
      provider: 'v8',
      reporter: ['text', 'text-summary'],
      include: ['src/**'],
      exclude: ['src/**/*.d.ts'],
    },
    projects: [
      {
        // Pure logic runs in Node: jsdom's start-up is most of a small test file's cost.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'ui',
          include: ['tests/unit/**/*.test.tsx'],
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
      {
        // The lint rules themselves: probe files linted through ESLint's API with the repo config.
        test: {
          name: 'lint',
          include: ['tests/lint/**/*.test.ts'],
          environment: 'node',
          // The first lint in a file loads the config and the TypeScript parser: 2 s idle, more on a busy machine.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
