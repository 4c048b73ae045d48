import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Outcome, RunResult, ScenarioResult } from '../core/contract.ts';
import type { LoadedScenario } from '../scenario/load.ts';
import type { Candidate, WhatIfJob } from './whatIf.ts';
import { FixRanking } from './whatIfRanking.ts';

/** A toy what-if: `table[job][deadEnd][change]` is the outcome under that change, or absent. */
type Table = (Outcome | undefined)[][][];

function jobsOf(table: Table, changes: number): WhatIfJob[] {
  const cands: Candidate[] = Array.from({ length: changes }, (_, c) => ({
    change: `change ${c}`,
    description: `d${c}`,
    overrides: {},
    touches: [],
  }));
  return table.map((deadEnds, j) => ({
    result: { id: `s${j}` } as ScenarioResult,
    loaded: {} as LoadedScenario,
    deadEnds: deadEnds.map((_, d) => ({ faults: [`f${d}`], persona: { index: 0 } }) as unknown as RunResult),
    candidates: cands,
    relevant: deadEnds.map((row) => new Set(row.flatMap((o, c) => (o === undefined ? [] : [`change ${c}`])))),
  }));
}

function rank(table: Table, changes: number, top?: number) {
  const jobs = jobsOf(table, changes);
  const ranking = new FixRanking(jobs, top);
  let searched = 0;
  for (let p = ranking.next(); p; p = ranking.next()) {
    searched++;
    ranking.record(p, table[p.job]![p.deadEnd]![Number(p.change.split(' ')[1])]!);
  }
  return { fixes: ranking.fixes(), searched, planned: ranking.planned };
}

const outcome = fc.constantFrom<Outcome | undefined>(undefined, 'dead-end', 'dead-end', 'ok', 'recovered');

describe('the what-if ranking', () => {
  it('with top k gives exactly the first k fixes of the full ranking, every rescue listed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((changes) =>
          fc.record({
            changes: fc.constant(changes),
            top: fc.integer({ min: 1, max: 4 }),
            table: fc.array(
              fc.array(fc.array(outcome, { minLength: changes, maxLength: changes }), { maxLength: 6 }),
              {
                minLength: 1,
                maxLength: 3,
              },
            ),
          }),
        ),
        ({ changes, top, table }) => {
          const full = rank(table, changes);
          const settled = rank(table, changes, top);
          expect(settled.fixes).toEqual(full.fixes.slice(0, top));
          expect(full.searched).toBe(full.planned);
          expect(settled.searched).toBeLessThanOrEqual(full.searched);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stops searching a change once it cannot reach the top k', () => {
    // Change 0 rescues every dead end, change 1 none: with top 1, change 1 is out once change 0
    // has more rescues (6, after six dead ends) than change 1 could still reach (5).
    const table: Table = [Array.from({ length: 10 }, () => ['ok', 'dead-end'] as Outcome[])];
    const full = rank(table, 2);
    const settled = rank(table, 2, 1);
    expect(full.searched).toBe(20);
    expect(settled.searched).toBe(10 + 5);
    expect(settled.fixes.map((f) => [f.change, f.rescues.length])).toEqual([['change 0', 10]]);
  });
});
