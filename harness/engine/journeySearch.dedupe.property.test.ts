/**
 * The proof property of state de-duplication (docs/explorer.md): on small generated scenarios,
 * every dead end the explorer reports is a dead end for a brute-force search that keeps every
 * path, and the two agree on every outcome. Small bounds (maxActions ≤ 3) keep brute force fast.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyOverrides, CAPABILITIES } from '../merchant/profile.ts';
import { combinationKey, faultCombinations } from '../scenario/combinations.ts';
import { type LoadedScenario, loadScenarios } from '../scenario/load.ts';
import { exploreJourney } from './journeySearch.ts';
import { buildEnv, initialWorld, type PreparedScenario, personaFor, prepare, runSeedKey } from './runner.ts';

const DAY = 86_400_000;
let seeds: LoadedScenario[] = [];

beforeAll(async () => {
  seeds = (await loadScenarios(['scenarios'])).scenarios;
});

function explore(prep: PreparedScenario, combo: string[], dedupe: boolean) {
  const key = runSeedKey(1, prep.loaded.scenario.id, { combo, persona: 0 });
  const env = buildEnv(prep, combo, key);
  const world = initialWorld(prep, env, personaFor(prep, 1, combinationKey(combo), 0));
  return exploreJourney(env, prep.journey, world, { dedupe });
}

describe('state de-duplication', () => {
  it('never hides a way out: dead ends (and every outcome) match a search without it', () => {
    const scenario = fc.record({
      seed: fc.nat(),
      faults: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      flips: fc.subarray([...CAPABILITIES]),
      maxActions: fc.integer({ min: 2, max: 5 }),
      extraDays: fc.integer({ min: -2, max: 3 }),
    });
    let deadEnds = 0;
    let collapsed = 0;
    fc.assert(
      fc.property(scenario, (g) => {
        const base = seeds[g.seed % seeds.length]!;
        const labels = base.scenario.faults;
        const chosen = [...new Set(g.faults.map((i) => i % Math.max(1, labels.length)))]
          .filter((i) => i < labels.length)
          .map((i) => labels[i]!);
        const merchant = applyOverrides(base.merchant, {
          capabilities: Object.fromEntries(g.flips.map((c) => [c, !base.merchant.capabilities[c]])),
        });
        const loaded = { ...base, merchant, scenario: { ...base.scenario, faults: chosen } };
        const prep = prepare(loaded);
        prep.journey = {
          ...prep.journey,
          maxActions: g.maxActions,
          deadline: prep.journey.deadline + g.extraDays * DAY,
        };
        const names = chosen.map((f) => f.id ?? f.fault);
        for (const combo of faultCombinations(names, 2)) {
          const fast = explore(prep, combo, true);
          const brute = explore(prep, combo, false);
          if (fast.outcome === 'dead-end') {
            deadEnds++;
            expect(brute.outcome).toBe('dead-end');
          }
          expect(fast.outcome).toBe(brute.outcome);
          if (fast.statesExplored < brute.statesExplored) collapsed++;
        }
      }),
      { numRuns: 80, seed: 13 },
    );
    // The property is not vacuous: dead ends occurred, and de-duplication did collapse states.
    expect(deadEnds).toBeGreaterThan(0);
    expect(collapsed).toBeGreaterThan(0);
  });
});
