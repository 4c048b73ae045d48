import { describe, expect, it } from 'vitest';
import { stringifyResults } from '../report/json.ts';
import { loadScenarios } from '../scenario/load.ts';
import { autoWorkers, RUNS_PER_AUTO_WORKER, runSuiteParallel } from './parallel.ts';
import { runSuite } from './runner.ts';

describe('autoWorkers (the --workers default)', () => {
  it('is one per core, but runs a small suite in-process', () => {
    expect(autoWorkers(40, 8)).toBe(1);
    expect(autoWorkers(RUNS_PER_AUTO_WORKER * 2, 8)).toBe(2);
    expect(autoWorkers(100_000, 8)).toBe(8);
    expect(autoWorkers(100_000, 1)).toBe(1);
    expect(autoWorkers(0, 4)).toBe(1);
  });
});

describe('runSuiteParallel', () => {
  it('gives the bytes of an in-process run, with every run reported once', async () => {
    const paths = ['scenarios/'];
    const { scenarios } = await loadScenarios(paths);
    const names: string[] = [];
    const threaded = await runSuiteParallel(scenarios, {
      seed: 3,
      paths,
      workers: 2,
      onRun: (name) => names.push(name),
    });
    const inProcess = await runSuite(scenarios, { seed: 3 });
    expect(stringifyResults(threaded)).toBe(stringifyResults(inProcess));
    expect(names).toHaveLength(inProcess.summary.runs);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fails with the reason a worker gives when it cannot do its share', async () => {
    const { scenarios } = await loadScenarios(['scenarios/']);
    // The workers are told to load other files than the main thread did.
    await expect(
      runSuiteParallel(scenarios, { seed: 1, paths: ['no/such/folder'], workers: 2 }),
    ).rejects.toThrow(/a worker failed: the scenario files changed while running/);
  });
});
