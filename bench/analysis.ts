/**
 * The analyses' benchmark: `npx node bench/analysis.ts [--write]`, also run at the end of
 * `npm run bench`. One process, one core, `performance.now()`.
 *
 *  A. Monte Carlo: customers per second over 100,000 customers of the seed suite (10,000 per
 *     journey), every fault given probability 0.2 and half the customers checking spam, with
 *     each journey's shares checked against the exact shares by enumeration; beside it, the same
 *     customers without memoization (one run per customer) on a sample, for the ratio.
 *  B. Minimal cut sets up to size 3 on generated 10-, 20- and 30-fault journeys (seed 000's
 *     faults repeated under new ids), with the combinations evaluated, against brute-force
 *     enumeration of all 2^n combinations where that is feasible (n = 10).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { OUTCOMES } from '../harness/core/contract.ts';
import { bruteForceCutSets, minimalCutSets } from '../harness/engine/analysis/cutSets.ts';
import { evaluator } from '../harness/engine/analysis/evaluate.ts';
import { exactShares } from '../harness/engine/analysis/exact.ts';
import { monteCarloJourney } from '../harness/engine/analysis/monteCarlo.ts';
import { customerSeedKey, drawCustomer } from '../harness/engine/analysis/population.ts';
import { wilson } from '../harness/engine/analysis/probability.ts';
import { prepare, runName, runOne } from '../harness/engine/runner.ts';
import { faultLabel } from '../harness/scenario/combinations.ts';
import { type LoadedScenario, loadScenarios } from '../harness/scenario/load.ts';
import { machine, revision } from './run.ts';

export const ANALYSIS_TARGETS = {
  /** 100,000 customers of the seed suite. */
  monteCarloSeconds: 10,
  /** Cut sets up to size 3 of a 30-fault journey. */
  cutSets30Seconds: 60,
};

const CUSTOMERS_PER_JOURNEY = 10_000;
const UNMEMOIZED_SAMPLE = 300;

/** The scenario with every fault at probability p and a population where a share checks spam. */
export function withPopulation(l: LoadedScenario, p: number, checksSpam: number): LoadedScenario {
  const s = l.scenario;
  return {
    ...l,
    scenario: {
      ...s,
      faults: s.faults.map((f) => ({ ...f, probability: p })),
      customer: { ...s.customer, population: { checksSpam } },
    },
  };
}

/** A journey with `n` faults: the seed's faults repeated under new ids, in turn. */
export function manyFaults(l: LoadedScenario, n: number): LoadedScenario {
  const base = l.scenario.faults;
  const faults = Array.from({ length: n }, (_, i) => {
    const f = base[i % base.length]!;
    return { ...f, id: `${faultLabel(f)}-${Math.floor(i / base.length) + 1}` };
  });
  return { ...l, scenario: { ...l.scenario, faults, expect: [{ otherwise: true, outcome: 'ok' as const }] } };
}

export interface AnalysisBench {
  date: string;
  machine: string;
  commit: string;
  /** 1-minute load average before and after. */
  load: [number, number];
  monteCarlo: {
    journeys: number;
    customers: number;
    distinctRuns: number;
    ms: number;
    customersPerSecond: number;
    unmemoizedPerSecond: number;
    agreeing: number;
    checks: number;
  };
  cutSets: {
    faults: number;
    cutSets: number;
    evaluated: number;
    ms: number;
    bruteForceMs?: number;
    bruteForceRuns: number;
    same?: boolean;
    perRunMs: number;
  }[];
}

export async function runAnalysisBench(
  seed = 1,
  log: (l: string) => void = () => {},
): Promise<AnalysisBench> {
  const loadBefore = loadavg()[0]!;
  const loaded = await loadScenarios(['scenarios']);
  if (loaded.errors.length) throw new Error('seed scenarios do not load');
  const suite = loaded.scenarios.map((l) => withPopulation(l, 0.2, 0.5));

  log('Monte Carlo: 100,000 customers of the seed suite');
  let distinct = 0;
  let agreeing = 0;
  let checks = 0;
  const t0 = performance.now();
  const results = suite.map((l) => monteCarloJourney(l, { seed, customers: CUSTOMERS_PER_JOURNEY }));
  const ms = performance.now() - t0;
  for (const [i, r] of results.entries()) {
    distinct += r.distinctRuns;
    const exact = exactShares(suite[i]!, seed);
    for (const o of OUTCOMES) {
      checks++;
      const w = wilson(r.outcomes[o].customers, r.customers);
      if (exact[o] >= w.low - 1e-12 && exact[o] <= w.high + 1e-12) agreeing++;
    }
  }

  log('Monte Carlo without memoization (a sample)');
  const t1 = performance.now();
  let sampled = 0;
  for (const l of suite) {
    const prep = prepare(l);
    const fixed = { ...prep, faults: prep.faults.map((f) => ({ ...f, probability: 1 })) };
    const faults = l.scenario.faults.map((f) => ({ label: faultLabel(f), probability: f.probability }));
    for (let i = 0; i < UNMEMOIZED_SAMPLE; i++) {
      const c = drawCustomer(customerSeedKey(seed, l.scenario.id, i), faults, l.scenario.customer.population);
      const p = { ...fixed, journey: { ...fixed.journey, ...c.traits } };
      runOne(p, { name: runName(l.scenario.id, c.faults, 0), combo: c.faults, persona: 0 }, seed);
      sampled++;
    }
  }
  const unmemoizedPerSecond = sampled / ((performance.now() - t1) / 1000);

  const seed000 = loaded.scenarios.find((l) => l.scenario.id === 'converter-lite-christmas-eve')!;
  const cutSets: AnalysisBench['cutSets'] = [];
  for (const n of [10, 20, 30]) {
    log(`cut sets up to size 3, ${n} faults`);
    const l = manyFaults(seed000, n);
    const ev = evaluator(l, seed);
    const holds = (c: string[]) => ev.evaluate(c).outcome === 'dead-end';
    const t = performance.now();
    const r = minimalCutSets(ev.labels, holds, 3);
    const took = performance.now() - t;
    const evaluated = ev.runs;
    const perRunMs = took / Math.max(1, evaluated);
    const row: AnalysisBench['cutSets'][number] = {
      faults: n,
      cutSets: r.cutSets.length,
      evaluated,
      ms: took,
      bruteForceRuns: 2 ** n,
      perRunMs,
    };
    if (n <= 10) {
      log(`brute force, ${2 ** n} combinations`);
      const fresh = evaluator(l, seed);
      const tb = performance.now();
      const all = bruteForceCutSets(fresh.labels, (c) => fresh.evaluate(c).outcome === 'dead-end');
      row.bruteForceMs = performance.now() - tb;
      const small = all
        .filter((c) => c.length <= 3)
        .map((c) => c.join('+'))
        .sort();
      row.same = JSON.stringify(small) === JSON.stringify(r.cutSets.map((c) => c.join('+')).sort());
    }
    cutSets.push(row);
  }
  return {
    date: new Date().toISOString().slice(0, 10),
    machine: machine(),
    commit: revision(),
    load: [loadBefore, loadavg()[0]!],
    monteCarlo: {
      journeys: suite.length,
      customers: results.reduce((n, r) => n + r.customers, 0),
      distinctRuns: distinct,
      ms,
      customersPerSecond: results.reduce((n, r) => n + r.customers, 0) / (ms / 1000),
      unmemoizedPerSecond,
      agreeing,
      checks,
    },
    cutSets,
  };
}

const int = (x: number) => Math.round(x).toLocaleString('en-US');
const duration = (ms: number) =>
  ms < 3_600_000
    ? `${int(ms / 60_000)} min`
    : ms < 86_400_000 * 3
      ? `${int(ms / 3_600_000)} h`
      : `${int(ms / 86_400_000)} days`;

export function renderAnalysisMarkdown(b: AnalysisBench): string {
  const mc = b.monteCarlo;
  const lines = [
    `Date: ${b.date}  `,
    `Machine: ${b.machine}  `,
    `Commit: ${b.commit}  `,
    `Load average (1 min) before → after: ${b.load[0].toFixed(2)} → ${b.load[1].toFixed(2)}${Math.max(...b.load) > 0.5 ? ' (the machine was not idle: expect noisier timings)' : ''}`,
    '',
    '| Measure | Result | Target | Status |',
    '| :-- | :-- | :-- | :-- |',
    `| A. Monte Carlo, ${int(mc.customers)} customers of the seed suite (${mc.journeys} journeys, every fault p = 0.2, half check spam) | ${(mc.ms / 1000).toFixed(2)} s wall, ${int(mc.customersPerSecond)} customers/s, ${int(mc.distinctRuns)} distinct runs; without memoization ${int(mc.unmemoizedPerSecond)} customers/s (×${(mc.customersPerSecond / mc.unmemoizedPerSecond).toFixed(0)}); exact share inside the 95% interval for ${mc.agreeing} of ${mc.checks} (journey, outcome) pairs | < ${ANALYSIS_TARGETS.monteCarloSeconds} s; shares agree with enumeration | ${mc.ms / 1000 < ANALYSIS_TARGETS.monteCarloSeconds && mc.agreeing >= mc.checks * 0.9 ? 'met' : 'NOT MET'} |`,
  ];
  for (const c of b.cutSets) {
    const brute =
      c.bruteForceMs !== undefined
        ? `brute force: ${int(c.bruteForceRuns)} combinations in ${(c.bruteForceMs / 1000).toFixed(2)} s, same cut sets: ${c.same ? 'yes' : 'NO'}`
        : `brute force: ${int(c.bruteForceRuns)} combinations, not run (≈ ${duration(c.bruteForceRuns * c.perRunMs)} at ${c.perRunMs.toFixed(2)} ms/run)`;
    const target =
      c.faults === 30
        ? `< ${ANALYSIS_TARGETS.cutSets30Seconds} s, far fewer than 2^30 combinations`
        : '(no target)';
    const status =
      c.faults === 30 ? (c.ms / 1000 < ANALYSIS_TARGETS.cutSets30Seconds ? 'met' : 'NOT MET') : '';
    lines.push(
      `| B. Minimal cut sets ≤ size 3, ${c.faults} faults | ${(c.ms / 1000).toFixed(2)} s, ${c.cutSets} cut sets, ${int(c.evaluated)} combinations evaluated (rescue checks included); ${brute} | ${target} | ${status} |`,
    );
  }
  return lines.join('\n');
}

const START = '<!-- bench:analysis:start -->';
const END = '<!-- bench:analysis:end -->';

export function writeAnalysisReadme(file: string, markdown: string): void {
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const section = `${START}\n${markdown}\n${END}`;
  writeFileSync(
    file,
    a >= 0 && b > a
      ? `${text.slice(0, a)}${section}${text.slice(b + END.length)}`
      : `${text.trimEnd()}\n\n## Analyses (Monte Carlo, minimal cut sets)\n\n${section}\n`,
  );
}

if (import.meta.main) {
  const results = await runAnalysisBench(1, (l) => process.stderr.write(`… ${l}\n`));
  const md = renderAnalysisMarkdown(results);
  process.stdout.write(`${md}\n`);
  if (process.argv.includes('--write'))
    writeAnalysisReadme(new URL('./README.md', import.meta.url).pathname, md);
}
