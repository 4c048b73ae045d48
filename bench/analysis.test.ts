/**
 * The analyses on generated scenarios (bench/generate.ts variants of the seeds, and seed 000's
 * faults repeated as in the benchmark): the minimal cut sets equal exhaustive enumeration's.
 */
import { describe, expect, it } from 'vitest';
import { bruteForceCutSets, minimalCutSets } from '../harness/engine/analysis/cutSets.ts';
import { evaluator } from '../harness/engine/analysis/evaluate.ts';
import { analyzeJourney, ENUMERATE_UP_TO } from '../harness/engine/analysis/journeyAnalysis.ts';
import { loadScenarios } from '../harness/scenario/load.ts';
import { manyFaults } from './analysis.ts';
import { generateSuite } from './generate.ts';

const sorted = (sets: string[][]) => sets.map((s) => s.join('+')).sort();

describe('minimal cut sets on generated scenarios', () => {
  it('equal exhaustive enumeration on variants of the seeds and on a 7-fault journey', async () => {
    const l = await loadScenarios(['scenarios']);
    expect(l.errors).toEqual([]);
    const seed000 = l.scenarios.find((s) => s.scenario.id === 'converter-lite-christmas-eve')!;
    const generated = [...generateSuite(l.scenarios, 120).slice(0, 12), manyFaults(seed000, 7)];
    for (const g of generated) {
      const ev = evaluator(g, 11);
      const holds = (c: string[]) => ev.evaluate(c).outcome === 'dead-end';
      expect(sorted(minimalCutSets(ev.labels, holds).cutSets), g.scenario.id).toEqual(
        sorted(bruteForceCutSets(ev.labels, holds)),
      );
    }
    // Seven faults: two copies of the key's loss, two of the typo, one of the holidays at least.
    const ev = evaluator(manyFaults(seed000, 7), 11);
    expect(
      minimalCutSets(ev.labels, (c) => ev.evaluate(c).outcome === 'dead-end').cutSets.length,
    ).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('past 12 faults, samples the top-event probability beside the rare-event approximation', async () => {
    const l = await loadScenarios(['scenarios/000-converter-lite-christmas-eve.yaml']);
    const big = manyFaults(l.scenarios[0]!, ENUMERATE_UP_TO + 1);
    const withP = {
      ...big,
      scenario: { ...big.scenario, faults: big.scenario.faults.map((f) => ({ ...f, probability: 0.05 })) },
    };
    const a = analyzeJourney(withP, { seed: 2 });
    const dead = a.topEvents.find((t) => t.event === 'dead-end')!;
    expect(dead.probability.enumerated).toBeUndefined();
    const s = dead.probability.sampled!;
    expect(s.samples).toBe(10_000);
    expect(s.low).toBeLessThan(s.share);
    expect(s.share).toBeLessThan(s.high);
    // Rare events: the approximation is close to the sampled figure, and above its lower bound.
    expect(dead.probability.rareEvent).toBeGreaterThan(s.low);
    expect(a.combinationsEvaluated).toBeLessThan(2 ** 13);
  }, 60_000);
});
