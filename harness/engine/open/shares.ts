/**
 * Outcome shares of a population (design §2.6, Monte Carlo personas): over the runs each `expect`
 * entry covers, the share of each outcome — "what share of such customers are charged". An
 * entry's `share:` bounds are checked here, once every run of the scenario is in (the runs may
 * come from parallel workers): outside them, each run of the entry misses its expectation, with
 * the measured share in its failure. Reports print the shares (ScenarioResult.shares,
 * report/shares.ts).
 */
import { OUTCOMES, type Outcome, type OutcomeShare, type RunResult } from '../../core/contract.ts';
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import { drawsPersonas } from './drawPersona.ts';
import { type OpenExpectation, openExpectationFor } from './expectations.ts';
import type { OpenPersona } from './plan.ts';

/** An entry in words, for reports: "sms-to-old-number", "with sms-to-old-number", "otherwise". */
export function entryWords(r: OpenExpectation): string {
  const who = r.persona ? ` × ${r.persona}` : '';
  if (r.faults) return `${r.faults.length ? r.faults.join(' + ') : 'no faults'}${who}`;
  if (r.includes) return `with ${r.includes.join(' + ')}${who}`;
  return `otherwise${who}`;
}

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * The shares of every entry with `share:` bounds, or of every entry when the personas are
 * drawn; marks the runs of an entry whose bounds are missed. Mutates `runs` (pass, failure).
 */
export function outcomeShares(
  loaded: LoadedOpenScenario,
  personas: readonly OpenPersona[],
  runs: RunResult[],
): OutcomeShare[] {
  const s = loaded.scenario;
  const drawn = drawsPersonas(loaded);
  const byEntry = new Map<number, RunResult[]>();
  for (const run of runs) {
    const rule = openExpectationFor(
      s.expect,
      run.faults,
      Array.isArray(s.personas) ? personas[run.persona.index]?.id : undefined,
    );
    if (!rule || !(drawn || rule.share)) continue;
    const i = s.expect.indexOf(rule);
    byEntry.set(i, [...(byEntry.get(i) ?? []), run]);
  }
  const out: OutcomeShare[] = [];
  for (const [i, covered] of [...byEntry.entries()].sort((a, b) => a[0] - b[0])) {
    const rule = s.expect[i]!;
    const counts = {} as Partial<Record<Outcome, number>>;
    for (const o of OUTCOMES) {
      const n = covered.filter((r) => r.outcome === o).length;
      if (n) counts[o] = n;
    }
    const misses: string[] = [];
    for (const [o, b] of Object.entries(rule.share ?? {}) as [
      Outcome,
      { atLeast?: number; atMost?: number },
    ][]) {
      const share = (counts[o] ?? 0) / covered.length;
      const of = `${counts[o] ?? 0} of ${covered.length} runs`;
      if (b.atLeast !== undefined && share < b.atLeast)
        misses.push(`the ${o} share is ${percent(share)} (${of}), below ${percent(b.atLeast)}`);
      if (b.atMost !== undefined && share > b.atMost)
        misses.push(`the ${o} share is ${percent(share)} (${of}), above ${percent(b.atMost)}`);
    }
    for (const run of misses.length ? covered : []) {
      run.pass = false;
      run.failure = [run.failure, ...misses].filter(Boolean).join('; ');
    }
    out.push({
      entry: entryWords(rule),
      runs: covered.length,
      outcomes: counts,
      ...(rule.share ? { bounds: rule.share } : {}),
      met: misses.length === 0,
    });
  }
  return out;
}
