/**
 * The exact outcome shares the Monte Carlo estimates, by enumeration: every fault combination
 * weighed by its probability, and, for a population whose only varying trait is `checksSpam`,
 * both kinds of customer weighed by their share. The reference the Monte Carlo is tested against.
 */
import { OUTCOMES, type Outcome } from '../../core/contract.ts';
import type { LoadedScenario } from '../../scenario/load.ts';
import { evaluator } from './evaluate.ts';
import { allSubsets, combinationProbability } from './probability.ts';

export function exactShares(
  loaded: LoadedScenario,
  seed: number,
  calendarsDir?: string,
): Record<Outcome, number> {
  const pop = loaded.scenario.customer.population ?? {};
  if (Object.keys(pop).some((k) => k !== 'checksSpam'))
    throw new Error('exact shares: only checksSpam may vary (continuous traits cannot be enumerated)');
  const ev = evaluator(loaded, seed, calendarsDir);
  const shares = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const kinds: { weight: number; traits?: { checksSpam: boolean }; key: string }[] =
    pop.checksSpam === undefined
      ? [{ weight: 1, key: '' }]
      : [
          { weight: pop.checksSpam, traits: { checksSpam: true }, key: 'checksSpam=true' },
          { weight: 1 - pop.checksSpam, traits: { checksSpam: false }, key: 'checksSpam=false' },
        ];
  for (const combo of allSubsets(ev.labels)) {
    const p = combinationProbability(combo, ev.probabilities);
    if (p === 0) continue;
    for (const k of kinds)
      if (k.weight > 0) shares[ev.evaluate(combo, k.traits, k.key).outcome] += p * k.weight;
  }
  return shares;
}
