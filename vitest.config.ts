import { defineConfig } from 'vitest/config';

// Fast suite only: browser and container suites are `*.e2e.ts` run by Playwright / their own scripts.
export default defineConfig({
  test: {
    include: [
      'harness/**/*.test.ts',
      'scenarios/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 20_000,
  },
});
