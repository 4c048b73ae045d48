import { defineConfig } from 'vitest/config';

// The container suite (`npm run test:container`): needs a Docker engine; the image build can take a while.
export default defineConfig({
  test: {
    include: ['harness/targets/container/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
