/**
 * The outcome shares of open scenarios' populations (Monte Carlo personas), for the terminal and
 * the markdown summary: "trial-cancel-population, sms-to-old-number: 200 runs — 28.5 % recovered
 * (57), 71.5 % dead end (143); expected dead end ≥ 60 % and ≤ 80 %: met".
 */
import type { Outcome, OutcomeShare, ResultsFile } from '../core/contract.ts';
import { OUTCOMES } from '../core/contract.ts';
import { OUTCOME_LABEL } from './format.ts';

const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

export function shareWords(scenario: string, share: OutcomeShare): string {
  const parts = OUTCOMES.filter((o) => share.outcomes[o]).map(
    (o) => `${percent(share.outcomes[o]! / share.runs)} ${OUTCOME_LABEL[o]} (${share.outcomes[o]})`,
  );
  const bounds = (Object.entries(share.bounds ?? {}) as [Outcome, { atLeast?: number; atMost?: number }][])
    .map(([o, b]) =>
      [
        b.atLeast !== undefined ? `≥ ${percent(b.atLeast)}` : '',
        b.atMost !== undefined ? `≤ ${percent(b.atMost)}` : '',
      ]
        .filter(Boolean)
        .join(' and ')
        .replace(/^/, `${OUTCOME_LABEL[o]} `),
    )
    .join('; ');
  const expected = bounds ? `; expected ${bounds}: ${share.met ? 'met' : 'MISSED'}` : '';
  return `${scenario}, ${share.entry}: ${share.runs} runs — ${parts.join(', ')}${expected}`;
}

/** Every share line of the results, or nothing when no open scenario has a population. */
export function shareLines(results: ResultsFile): string[] {
  return results.scenarios.flatMap((s) => (s.shares ?? []).map((share) => shareWords(s.id, share)));
}
