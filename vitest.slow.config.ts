import { defineConfig } from 'vitest/config';

// Slow suites kept out of `npm test` (which stays under 2 minutes): `npm run test:slow`.
export default defineConfig({
  test: {
    include: ['harness/**/*.slow.ts'],
    testTimeout: 120_000,
  },
});
