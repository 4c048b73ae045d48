/**
 * The analyses' one view of a journey: "run it under this fault combination (and these
 * traits) → outcome, findings, scorecard", through the run API as a black box, one run per
 * distinct question however often it is asked.
 */

import type { Outcome, Severity } from '../../core/contract.ts';
import type { Journey } from '../../customer/journey.ts';
import { combinationKey, faultLabel } from '../../scenario/combinations.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { type PreparedScenario, prepare, runName, runOne } from '../runner.ts';

export interface Evaluation {
  outcome: Outcome;
  findings: { oracle: string; severity: Severity }[];
  moneyLost: number;
  effortHours: number;
}

/** The journey traits a population can vary (see harness/engine/analysis/population.ts). */
export type TraitValues = Partial<
  Pick<Journey, 'checksSpam' | 'patienceMs' | 'followUpMs' | 'effortBudgetMinutes'>
>;

export interface Evaluator {
  labels: string[];
  journey: Journey;
  /** Each fault's chance of striking a customer's journey. */
  probabilities: Map<string, number>;
  evaluate(combo: readonly string[], traits?: TraitValues, traitsKey?: string): Evaluation;
  /** Distinct runs made so far. */
  readonly runs: number;
}

/**
 * In the analyses a fault's `probability` is the chance that it strikes a customer's journey;
 * once it does, it hits every matching occurrence (up to `times`). So the runs here use
 * probability 1 and the draw happens outside, per customer.
 */
export function evaluator(loaded: LoadedScenario, seed: number, calendarsDir?: string): Evaluator {
  const base = prepare(loaded, calendarsDir);
  const prep: PreparedScenario = { ...base, faults: base.faults.map((f) => ({ ...f, probability: 1 })) };
  const labels = loaded.scenario.faults.map(faultLabel);
  const order = new Map(labels.map((l, i) => [l, i]));
  const cache = new Map<string, Evaluation>();
  const variants = new Map<string, PreparedScenario>();
  return {
    labels,
    journey: prep.journey,
    probabilities: new Map(loaded.scenario.faults.map((u) => [faultLabel(u), u.probability])),
    get runs() {
      return cache.size;
    },
    evaluate(combo, traits, traitsKey = traits ? JSON.stringify(traits) : '') {
      const sorted = [...combo].sort((a, b) => order.get(a)! - order.get(b)!);
      const key = `${combinationKey(sorted)}|${traitsKey}`;
      let hit = cache.get(key);
      if (!hit) {
        let p = prep;
        if (traits) {
          p = variants.get(traitsKey) ?? { ...prep, journey: { ...prep.journey, ...traits } };
          variants.set(traitsKey, p);
        }
        const { result } = runOne(
          p,
          { name: runName(loaded.scenario.id, sorted, 0), combo: sorted, persona: 0 },
          seed,
        );
        hit = {
          outcome: result.outcome,
          findings: result.findings.map((f) => ({ oracle: f.oracle, severity: f.severity })),
          moneyLost: result.scorecard.moneyLost,
          effortHours: result.scorecard.effortHours,
        };
        cache.set(key, hit);
      }
      return hit;
    },
  };
}
