import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../scenario/load.ts';
import { runSuiteParallel } from './parallel.ts';
import { startTargetOf } from './target.ts';

const toyTarget = new URL('./testdata/labelTarget.ts', import.meta.url).href;

describe('targets for worker threads', () => {
  it('each worker starts the target the caller names, with the options it gives', async () => {
    const paths = ['scenarios/001-late-statement.yaml'];
    const { scenarios } = await loadScenarios(paths);
    const results = await runSuiteParallel(scenarios, {
      seed: 1,
      paths,
      workers: 2,
      targetSpec: { module: toyTarget, options: { label: 'toy' } },
    });
    const runs = results.scenarios.flatMap((s) => s.runs);
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs)
      expect(run.attachments?.map((a) => a.name)).toEqual([expect.stringMatching(/^toy: /)]);
    const names = runs.map((run) => run.attachments![0]!.name);
    expect(new Set(names).size).toBe(runs.length);
  });

  it('refuses a module that is not a target, naming it', async () => {
    const notATarget = new URL('./graph/minHeap.ts', import.meta.url).href;
    await expect(startTargetOf({ module: notATarget, options: {} })).rejects.toThrow(
      /minHeap\.ts exports no startTarget\(options\)/,
    );
  });
});
