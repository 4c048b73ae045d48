import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCombinations, faultCombinations } from './combinations.ts';
import { pairwiseCombinations, planCombinations, skipsAsSuperset } from './faultSpace.ts';

const labels = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);

describe('fault space strategies', () => {
  it('pairwise: every two faults run together, each without the other, and neither', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 16 }), fc.integer({ min: 2, max: 16 }), (n, k) => {
        const names = labels(n);
        const rows = pairwiseCombinations(names, k).map((r) => new Set(r));
        expect(rows[0]!.size).toBe(0);
        for (const r of rows) expect(r.size).toBeLessThanOrEqual(Math.min(k, n));
        for (const a of names)
          for (const b of names) {
            if (a === b) continue;
            expect(rows.some((r) => r.has(a) && r.has(b))).toBe(true);
            expect(rows.some((r) => r.has(a) && !r.has(b))).toBe(true);
          }
      }),
      { numRuns: 60 },
    );
  });

  it('pairwise needs far fewer runs than every combination', () => {
    expect(countCombinations(20)).toBe(1_048_576);
    expect(pairwiseCombinations(labels(20)).length).toBeLessThan(40);
    // With at most two faults a run, pairwise is every pair (and no single fault on its own).
    expect(pairwiseCombinations(labels(5), 2).length).toBe(1 + 10);
  });

  it('keeps the canonical order (fault-free first, by size, scenario order) and is deterministic', () => {
    const rows = pairwiseCombinations(labels(9));
    expect(rows).toEqual(pairwiseCombinations(labels(9)));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.length).toBeGreaterThanOrEqual(rows[i - 1]!.length);
  });

  it('all and smallest-failing plan every combination up to maxFaults, smallest first', () => {
    const names = labels(5);
    expect(planCombinations({ maxActions: 14, maxFaults: 3 }, names)).toEqual(faultCombinations(names, 3));
    expect(planCombinations({ maxActions: 14, strategy: 'smallest-failing', monotone: true }, names)).toEqual(
      faultCombinations(names),
    );
  });

  it('a combination is skipped only when it strictly contains a dead end', () => {
    expect(skipsAsSuperset(['a', 'b'], [['a']])).toBe(true);
    expect(skipsAsSuperset(['a'], [['a']])).toBe(false);
    expect(skipsAsSuperset(['b', 'c'], [['a']])).toBe(false);
    expect(skipsAsSuperset(['a', 'c'], [['a', 'b']])).toBe(false);
  });
});
