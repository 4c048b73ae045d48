import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import pkg from './package.json' with { type: 'json' };

// deadend's own tests import 'deadend', 'deadend/vitest', … as a user does; in this repository that
// is the sources (each export's "source" condition), not dist/ (built only for the package).
const selfImports = Object.entries(pkg.exports).map(([subpath, entry]) => ({
  find: new RegExp(`^deadend${subpath.slice(1).replace('/', '\\/')}$`),
  replacement: resolve(import.meta.dirname, entry.source),
}));

// Fast suite only: browser and container suites are `*.e2e.ts` run by Playwright / their own scripts.
export default defineConfig({
  resolve: { alias: selfImports },
  test: {
    include: [
      'harness/**/*.test.ts',
      'scenarios/**/*.test.ts',
      'fixtures/**/*.test.ts',
      'bench/**/*.test.ts',
      // The docs' worked examples run, so the docs cannot drift from the code.
      'docs/examples/**/*.test.ts',
    ],
    testTimeout: 60_000,
    // Vitest leaves one core free by default, which on a 2-core machine runs the files one by one;
    // most files wait on child processes and module loading, so every core is worth a worker.
    maxWorkers: availableParallelism(),
  },
});
