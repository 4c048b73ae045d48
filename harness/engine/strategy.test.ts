import { describe, expect, it } from 'vitest';
import { combinationKey } from '../scenario/combinations.ts';
import { type LoadedScenario, loadScenarios } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { runSuiteParallel } from './parallel.ts';
import { runSuite } from './runner.ts';

async function christmasEve(explore: Partial<Scenario['explore']>): Promise<LoadedScenario> {
  const { scenarios } = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
  const s = scenarios[0]!;
  const { maxFaults: _, ...rest } = s.scenario.explore;
  return { ...s, scenario: { ...s.scenario, explore: { ...rest, ...explore } } };
}

const combos = (r: Awaited<ReturnType<typeof runSuite>>) =>
  r.scenarios[0]!.runs.map((x) => combinationKey(x.faults));

describe('explore.strategy in the runner', () => {
  it('smallest-failing over monotone faults does not run what contains a known dead end', async () => {
    const all = await runSuite([await christmasEve({})], { seed: 1 });
    const loaded = await christmasEve({ strategy: 'smallest-failing', monotone: true });
    const smallest = await runSuite([loaded], { seed: 1 });
    expect(combos(all)).toHaveLength(16);
    const ran = combos(smallest);
    expect(ran).toContain('key-quarantined+holidays');
    expect(ran).not.toContain('key-quarantined+address-typo+holidays');
    expect(ran.length).toBeLessThan(16);
    // Every run it did make is the same run as under `all`.
    const byKey = new Map(all.scenarios[0]!.runs.map((r) => [combinationKey(r.faults), r]));
    for (const r of smallest.scenarios[0]!.runs) expect(r).toEqual(byKey.get(combinationKey(r.faults)));
    // Whatever the number of workers: the skipping needs the runs in order, so it runs here.
    expect(await runSuiteParallel([loaded], { seed: 1, workers: 2, paths: [] })).toEqual(smallest);
  });

  it('smallest-failing without monotone runs every combination', async () => {
    const r = await runSuite([await christmasEve({ strategy: 'smallest-failing' })], { seed: 1 });
    expect(combos(r)).toHaveLength(16);
  });

  it('pairwise runs a covering array: every two faults together and apart', async () => {
    const r = await runSuite([await christmasEve({ strategy: 'pairwise' })], { seed: 1 });
    const ran = r.scenarios[0]!.runs.map((x) => new Set(x.faults));
    const labels = ['key-in-spam', 'key-quarantined', 'address-typo', 'holidays'];
    for (const a of labels)
      for (const b of labels)
        if (a !== b) {
          expect(ran.some((s) => s.has(a) && s.has(b))).toBe(true);
          expect(ran.some((s) => s.has(a) && !s.has(b))).toBe(true);
        }
    expect(ran.length).toBeLessThan(16);
  });
});
