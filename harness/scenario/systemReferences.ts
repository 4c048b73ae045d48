/**
 * The systems a merchant declares, and the check that a fault's `between` names two of them.
 * Without it, `systems.silo` between a system and a support-channel id was accepted and cut
 * nothing, so the scenario's expectation silently tested the unfaulted world.
 */

import { didYouMean } from '../input/didYouMean.ts';
import type { MerchantProfile } from '../merchant/profile.ts';
import type { PathKey, Problem } from './source.ts';

/** Every system id the profile names: its systems, the systems its sales channels record in, and fulfilment systems. */
export function declaredSystems(m: MerchantProfile): string[] {
  const ids = new Set<string>(m.systems.map((s) => s.id));
  for (const s of Object.values(m.sales)) if (s !== undefined) ids.add(s);
  for (const p of m.products) if (p.fulfilledBy !== undefined) ids.add(p.fulfilledBy);
  return [...ids];
}

/** One problem per entry of `between` that is not a declared system. */
export function unknownSystems(
  m: MerchantProfile,
  between: readonly unknown[],
  at: readonly PathKey[],
): Problem[] {
  const known = declaredSystems(m);
  const channels = new Set(m.support.map((c) => c.id));
  const problems: Problem[] = [];
  between.forEach((id, k) => {
    if (typeof id !== 'string' || known.includes(id)) return;
    const what = channels.has(id) ? ` ("${id}" is a support channel; a silo is between systems)` : '';
    problems.push({
      path: [...at, k],
      message: `"${id}" is not a system of ${m.id}${what}${didYouMean(id, known)}`,
      hint: known.length > 0 ? `systems of ${m.id}: ${known.join(', ')}` : `${m.id} declares no systems`,
    });
  });
  return problems;
}
