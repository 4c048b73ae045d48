/**
 * The fuzz test, seeded and bounded so that it stays fast in `npm test`; `npm run fuzz` runs
 * many more cases (DEADEND_FUZZ_RUNS, DEADEND_FUZZ_SEED). On a failure fast-check prints the
 * seed and the path that replays it: set DEADEND_FUZZ_SEED and DEADEND_FUZZ_PATH to replay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { checkProject, projects } from './hostileFiles.ts';

const env = process.env;
const runs = Number(env.DEADEND_FUZZ_RUNS ?? 25);
const seed = Number(env.DEADEND_FUZZ_SEED ?? 20261201);
const tmp = mkdtempSync(join(tmpdir(), 'deadend-fuzz-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fuzzed scenario, merchant and calendar files', () => {
  it(
    `validate never exits 3; what it accepts runs to a result in bounds (${runs} cases, seed ${seed})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(projects, (project) =>
          checkProject(project, join(tmp, 'project'), { ms: 15_000, heapBytes: 1024 * 2 ** 20 }),
        ),
        {
          numRuns: runs,
          seed,
          ...(env.DEADEND_FUZZ_PATH ? { path: env.DEADEND_FUZZ_PATH } : {}),
          endOnFailure: runs > 100,
        },
      );
    },
    Math.max(60_000, runs * 2_000),
  );
});
