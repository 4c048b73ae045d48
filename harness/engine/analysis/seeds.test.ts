/**
 * The analyses on the seed stories: cut sets against exhaustive enumeration through the real
 * runs, seed 000's story (a lost key mail together with the holiday closure), and the Monte
 * Carlo against the exact shares.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedScenario } from '../../scenario/load.ts';
import { loadScenarios } from '../../scenario/load.ts';
import { bruteForceCutSets } from './cutSets.ts';
import { evaluator } from './evaluate.ts';
import { exactShares } from './exact.ts';
import { analyzeJourney } from './journeyAnalysis.ts';
import { monteCarloJourney } from './monteCarlo.ts';
import { wilson } from './probability.ts';

let seeds: LoadedScenario[];
beforeAll(async () => {
  const l = await loadScenarios(['scenarios']);
  expect(l.errors).toEqual([]);
  seeds = l.scenarios;
});
const seed000 = () => seeds.find((s) => s.scenario.id === 'converter-lite-christmas-eve')!;
const sorted = (sets: string[][]) => sets.map((s) => s.join('+')).sort();

/** The scenario with new fault probabilities and a population (a copy; the seed is untouched). */
function withProbabilities(l: LoadedScenario, ps: number[], checksSpam?: number): LoadedScenario {
  const s = l.scenario;
  return {
    ...l,
    scenario: {
      ...s,
      faults: s.faults.map((f, i) => ({ ...f, probability: ps[i % ps.length]! })),
      customer: { ...s.customer, ...(checksSpam !== undefined ? { population: { checksSpam } } : {}) },
    },
  };
}

describe('deadend analyze on the seed stories', () => {
  it('finds, on every seed, the minimal cut sets that exhaustive enumeration finds', () => {
    for (const l of seeds) {
      const a = analyzeJourney(l, { seed: 7 });
      const ev = evaluator(l, 7);
      for (const t of a.topEvents) {
        const holds = (c: string[]) => {
          const e = ev.evaluate(c);
          return t.event === 'dead-end'
            ? e.outcome === 'dead-end'
            : e.findings.some((f) => f.oracle === t.event.slice('finding:'.length));
        };
        expect(sorted(t.cutSets), `${l.scenario.id} ${t.event}`).toEqual(
          sorted(bruteForceCutSets(ev.labels, holds)),
        );
      }
    }
  });

  it('names seed 000’s cut sets, its single points of failure given the holidays, and the rescuing spam copy', () => {
    const a = analyzeJourney(seed000(), { seed: 7 });
    const dead = a.topEvents.find((t) => t.event === 'dead-end')!;
    expect(dead.cutSets).toEqual([
      ['key-quarantined', 'holidays'],
      ['address-typo', 'holidays'],
    ]);
    expect(dead.singlePointsOfFailure).toEqual([]);
    expect(dead.singlePointsGivenEnvironment).toEqual([
      { fault: 'key-quarantined', given: ['holidays'] },
      { fault: 'address-typo', given: ['holidays'] },
    ]);
    expect(dead.rescues).toEqual([{ cutSet: ['key-quarantined', 'holidays'], fault: 'key-in-spam' }]);
    // The key is mailed unverified on every run: that finding needs no fault at all.
    expect(a.topEvents.find((t) => t.event === 'finding:unverified-secret')?.cutSets).toEqual([[]]);
    expect(a.fmea.map((r) => r.fault).sort()).toEqual([
      'address-typo',
      'holidays',
      'key-in-spam',
      'key-quarantined',
    ]);
  });

  it('gives the exact top-event probability beside the rare-event approximation', () => {
    const l = withProbabilities(seed000(), [0.1, 0.05, 0.02, 0.5]);
    const dead = analyzeJourney(l, { seed: 7 }).topEvents.find((t) => t.event === 'dead-end')!;
    // P(quarantined ∧ holidays ∧ ¬spam) + P(typo ∧ holidays) − overlap, by enumeration.
    const exact = exactShares(l, 7)['dead-end'];
    expect(dead.probability.enumerated).toBeCloseTo(exact, 5);
    expect(dead.probability.rareEvent).toBeCloseTo(0.05 * 0.5 + 0.02 * 0.5, 6);
    // The spam copy rescues: the cut-set union (which assumes no rescue) overestimates.
    expect(dead.probability.cutSetUnion!).toBeGreaterThan(dead.probability.enumerated!);
  });
});

describe('Monte Carlo', () => {
  it('puts the exact share of each outcome inside its 95% interval (seeded property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 0.6, noNaN: true }), { minLength: 4, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ps, checksSpam) => {
          const l = withProbabilities(seed000(), ps, checksSpam);
          const mc = monteCarloJourney(l, { seed: 3, customers: 4000 });
          const exact = exactShares(l, 3);
          for (const [o, est] of Object.entries(mc.outcomes)) {
            const e = exact[o as keyof typeof exact];
            // 99.9% bounds: 16 checks per seed must not fail by chance alone.
            const w = wilson(est.customers, mc.customers, 3.29);
            expect(e, `${o}: ${est.customers}/${mc.customers} vs ${e}`).toBeGreaterThanOrEqual(w.low - 1e-9);
            expect(e).toBeLessThanOrEqual(w.high + 1e-9);
          }
        },
      ),
      { seed: 16, numRuns: 4 },
    );
  });

  it('reports the 95% interval, the strandings by combination and the same numbers for the same seed', () => {
    const l = withProbabilities(seed000(), [0.3, 0.3, 0.3, 0.5], 0.6);
    const a = monteCarloJourney(l, { seed: 5, customers: 3000 });
    expect(JSON.stringify(monteCarloJourney(l, { seed: 5, customers: 3000 }))).toBe(JSON.stringify(a));
    const dead = a.outcomes['dead-end'];
    const exact = exactShares(l, 5)['dead-end'];
    expect(exact).toBeGreaterThanOrEqual(dead.low);
    expect(exact).toBeLessThanOrEqual(dead.high);
    // Every stranding needs the holidays.
    expect(a.strandedBy.length).toBeGreaterThan(0);
    for (const s of a.strandedBy) expect(s.faults).toContain('holidays');
    // 3,000 customers, at most 16 combinations × 2 kinds of customer run.
    expect(a.distinctRuns).toBeLessThanOrEqual(32);
    expect(a.per1000.moneyLost).toBeGreaterThan(0);
  });

  it('stops early, at a whole block, once the requested precision is reached', () => {
    const l = withProbabilities(seed000(), [0.3, 0.3, 0.3, 0.5], 0.6);
    const a = monteCarloJourney(l, { seed: 5, customers: 100_000, precision: 0.02 });
    expect(a.stoppedEarly).toEqual({ precision: 0.02 });
    expect(a.customers % 1000).toBe(0);
    expect(a.customers).toBeLessThan(100_000);
    for (const o of Object.values(a.outcomes)) expect((o.high - o.low) / 2).toBeLessThanOrEqual(0.02);
  });
});
