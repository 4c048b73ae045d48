import { describe, expect, it } from 'vitest';
import { stringifyResults } from '../report/json.ts';
import { loadScenarios } from '../scenario/load.ts';
import { runSuiteParallel } from './parallel.ts';
import { runSuite } from './runner.ts';
import { suggestFixes } from './whatIf.ts';

describe('the what-if on worker threads', () => {
  it('gives the bytes of the one-thread what-if, and its top k is the full ranking cut to k', async () => {
    const paths = ['scenarios/000-converter-lite-christmas-eve.yaml'];
    const { scenarios } = await loadScenarios(paths);
    const threaded = await runSuiteParallel(scenarios, { seed: 1, paths, workers: 2, whatIf: {} });
    const oneThread = await runSuite(scenarios, { seed: 1 });
    oneThread.fixes = suggestFixes(scenarios, oneThread);
    expect(oneThread.fixes.length).toBeGreaterThan(2);
    expect(stringifyResults(threaded)).toBe(stringifyResults(oneThread));

    const top2 = await runSuiteParallel(scenarios, { seed: 1, paths, workers: 2, whatIf: { top: 2 } });
    expect(top2.fixes).toEqual(oneThread.fixes.slice(0, 2));
  });
});
