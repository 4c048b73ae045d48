/**
 * An FMEA table per journey: one row per fault (failure mode) with its effect on the customer,
 * and the classic 1–10 scores: severity from the outcome and findings, occurrence from the
 * probability, detection from whether anyone tells the customer; RPN = S × O × D.
 */
import type { FmeaRow, Outcome } from '../../core/contract.ts';
import type { Evaluation } from './evaluate.ts';

const OUTCOME_SEVERITY: Record<Outcome, number> = {
  ok: 1,
  recovered: 4,
  'recovered-with-help': 6,
  'dead-end': 10,
};

/** 1–10: how bad the effect is. A dead end only in combination with other faults scores 8. */
export function severityScore(
  alone: Evaluation,
  worstInCombination: Outcome | undefined,
  highFinding: boolean,
): number {
  const own = OUTCOME_SEVERITY[alone.outcome];
  const combined = worstInCombination ? Math.min(8, OUTCOME_SEVERITY[worstInCombination]) : 1;
  return Math.min(10, Math.max(own, combined) + (highFinding ? 1 : 0));
}

/** 1–10 from the probability: 1 → 10, 0.1 → 8, 0.01 → 6, 0.001 → 4 (two points per decade). */
export function occurrenceScore(p: number): number {
  if (p <= 0) return 1;
  return Math.max(1, Math.min(10, Math.round(10 + 2 * Math.log10(p))));
}

/**
 * 1–10, high when the failure goes unnoticed: 9 when nobody tells the customer of a change that
 * matters (the silent-failure oracle fires), 5 when the customer finds out only because what
 * they wait for does not come, 1 when it has no effect they would notice.
 */
export function detectionScore(runsWithFault: readonly Evaluation[]): number {
  if (runsWithFault.some((e) => e.findings.some((f) => f.oracle === 'silent-failure'))) return 9;
  if (runsWithFault.some((e) => e.outcome !== 'ok')) return 5;
  return 1;
}

export function fmeaRow(input: {
  fault: string;
  mode: string;
  probability: number;
  alone: Evaluation;
  /** The fault-free run: a finding it has already is not this fault's doing. */
  baseline: Evaluation;
  /** Every evaluated run that includes the fault, with its combination. */
  withFault: { combo: string[]; evaluation: Evaluation }[];
}): FmeaRow {
  const rank: Outcome[] = ['ok', 'recovered', 'recovered-with-help', 'dead-end'];
  let worst: { combo: string[]; evaluation: Evaluation } | undefined;
  for (const r of input.withFault)
    if (
      r.combo.length > 1 &&
      (!worst || rank.indexOf(r.evaluation.outcome) > rank.indexOf(worst.evaluation.outcome))
    )
      worst = r;
  const before = new Set(input.baseline.findings.map((f) => f.oracle));
  const high = input.alone.findings.some((f) => f.severity === 'high' && !before.has(f.oracle));
  const severity = severityScore(input.alone, worst?.evaluation.outcome, high);
  const occurrence = occurrenceScore(input.probability);
  const detection = detectionScore(input.withFault.map((r) => r.evaluation));
  const effect = [
    `alone: ${input.alone.outcome}`,
    ...(worst && worst.evaluation.outcome !== input.alone.outcome
      ? [`with ${worst.combo.filter((f) => f !== input.fault).join(' + ')}: ${worst.evaluation.outcome}`]
      : []),
  ].join('; ');
  return {
    fault: input.fault,
    mode: input.mode,
    alone: input.alone.outcome,
    effect,
    severity,
    occurrence,
    detection,
    rpn: severity * occurrence * detection,
  };
}
