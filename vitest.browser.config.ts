import { defineConfig } from 'vitest/config';

// The browser target's suite (`npm run test:browser-target`): drives the reference shop in the system
// Chromium (/usr/bin/chromium or DEADEND_CHROMIUM); too slow for the fast `npm test`.
export default defineConfig({
  test: {
    include: ['harness/targets/browser/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
