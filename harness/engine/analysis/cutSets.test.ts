import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceCutSets, minimalCutSets, singlePointsOfFailure } from './cutSets.ts';
import {
  allSubsets,
  cutSetUnionProbability,
  enumeratedProbability,
  rareEventApproximation,
  wilson,
} from './probability.ts';

const labels = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);
const sorted = (sets: string[][]) => sets.map((s) => s.join('+')).sort();

describe('minimal cut sets', () => {
  it('equal those from exhaustive enumeration for any top event, monotone or not (seeded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.infiniteStream(fc.boolean()), (n, bits) => {
        const ls = labels(n);
        const truth = new Map(allSubsets(ls).map((c) => [c.join('+'), bits.next().value as boolean]));
        const holds = (c: string[]) => truth.get(c.join('+'))!;
        expect(sorted(minimalCutSets(ls, holds).cutSets)).toEqual(sorted(bruteForceCutSets(ls, holds)));
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it('never evaluates a superset of a known cut set, and reports the fault that rescues one', () => {
    const asked: string[] = [];
    // a+b strands the customer unless c is also there (a spam copy that saves a quarantined key).
    const holds = (c: string[]) => {
      asked.push(c.join('+'));
      return c.includes('a') && c.includes('b') && !c.includes('c');
    };
    const r = minimalCutSets(['a', 'b', 'c'], holds);
    expect(r.cutSets).toEqual([['a', 'b']]);
    expect(r.rescues).toEqual([{ cutSet: ['a', 'b'], fault: 'c' }]);
    // a+b+c is asked once, by the rescue check only; the level-wise search skips it.
    expect(asked.filter((x) => x === 'a+b+c')).toHaveLength(1);
    expect(singlePointsOfFailure(r)).toEqual([]);
  });

  it('finds cut sets up to size 3 among 30 faults with a few thousand evaluations, not 2^30', () => {
    const ls = labels(30);
    let evaluated = 0;
    const holds = (c: string[]) => {
      evaluated++;
      const s = new Set(c);
      return s.has('f3') || (s.has('f10') && s.has('f20')) || (s.has('f1') && s.has('f2') && s.has('f29'));
    };
    const r = minimalCutSets(ls, holds, 3);
    expect(sorted(r.cutSets)).toEqual(sorted([['f3'], ['f10', 'f20'], ['f1', 'f2', 'f29']]));
    expect(singlePointsOfFailure(r)).toEqual(['f3']);
    expect(r.complete).toBe(false);
    expect(evaluated).toBeLessThan(1 + 30 + 435 + 4060 + 3 * 30);
  });
});

describe('top-event probability', () => {
  it('inclusion–exclusion over cut sets equals enumeration for monotone events; rare-event bounds it above', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (n, ps, raw) => {
          const ls = labels(n);
          const probabilities = new Map(ls.map((l, i) => [l, ps[i]!]));
          const gens = raw.map((g) => [...new Set(g.map((i) => ls[i % n]!))]);
          const holds = (c: string[]) => gens.some((g) => g.every((f) => c.includes(f)));
          const cuts = minimalCutSets(ls, holds).cutSets;
          const exact = enumeratedProbability(ls, probabilities, holds);
          expect(cutSetUnionProbability(cuts, probabilities)!).toBeCloseTo(exact, 9);
          expect(rareEventApproximation(cuts, probabilities)).toBeGreaterThanOrEqual(exact - 1e-12);
        },
      ),
      { seed: 16, numRuns: 200 },
    );
  });

  it('gives a Wilson interval that holds 0 and 1 exactly at the ends', () => {
    expect(wilson(0, 100)).toEqual({ low: 0, high: expect.closeTo(0.037, 3) });
    expect(wilson(100, 100).high).toBe(1);
    const w = wilson(50, 100);
    expect(w.low).toBeCloseTo(0.4038, 3);
    expect(w.high).toBeCloseTo(0.5962, 3);
  });
});
