/**
 * The horizon (design §2.5): once the outcome is decided, the world it is based on runs on with
 * no customer action — processes fire, refunds reach the card, disputes are decided — and every
 * event from then on carries `afterOutcome: true`. For a dead end the customer gives up first,
 * at the moment of the world the engine kept (where the search started).
 */
import { parseInstant } from '../../clock/instant.ts';
import { type TraceEvent, toArray } from '../../core/trace.ts';
import type { OpenScenario } from '../../vocabulary/schema/index.ts';
import {
  advanceTo,
  cloneWorld,
  giveUp,
  markOutcome,
  negateDescription,
  type VWorld,
} from '../../vocabulary/world/index.ts';
import { after } from './durations.ts';
import { instantWords, ownSentence } from './words.ts';

/** The horizon's instant: a date-time, or the deadline plus an elapsed time; default the deadline. */
export function horizonOf(w: VWorld, scenario: OpenScenario, deadline: number): number {
  const h = scenario.horizon;
  if (h === undefined) return deadline;
  if (typeof h === 'string') return parseInstant(h, w.ctx.zone);
  return after(w, deadline, h.afterDeadline);
}

/** A copy of `w` run on to the horizon; `gaveUp` (a dead end's reason) is traced first. */
export function runToHorizon(w: VWorld, horizon: number, gaveUp?: string): VWorld {
  const out = cloneWorld(w);
  if (gaveUp !== undefined) giveUp(out, gaveUp);
  markOutcome(out);
  if (horizon > out.now) advanceTo(out, horizon);
  return out;
}

/**
 * The changes of customer-relevant facts in a trace, not made by the customer, that `keep`
 * selects, in words that quote the fact's description and id with the moment ("the store
 * cancelled the uncollected order — order-cancelled on Tuesday 7 April 2026 at 10:00").
 */
function factChanges(w: VWorld, keep: (e: TraceEvent) => boolean): string[] {
  const changes: string[] = [];
  for (const e of toArray(w.trace)) {
    if ((e.kind !== 'fact.set' && e.kind !== 'fact.cleared') || e.data?.byCustomer === true || !keep(e))
      continue;
    const id = String(e.data?.fact);
    const fact = w.ctx.facts.get(id);
    if (!fact?.customerRelevant) continue;
    const when = instantWords(e.t, w.ctx.zone);
    changes.push(
      e.kind === 'fact.set'
        ? `${fact.description} — ${id} on ${when}`
        : `${negateDescription(fact.description)} any more — ${id} cleared on ${when}`,
    );
  }
  return changes;
}

/** What changed for the customer between the trouble and giving up, while they let it rest. */
export function whileWaiting(gaveUp: VWorld, troubleAt: number): string | undefined {
  const changes = factChanges(gaveUp, (e) => e.t > troubleAt && e.data?.afterOutcome !== true);
  return changes.length ? ownSentence(`while the customer waited: ${changes.join('; ')}`) : undefined;
}

/** What happened to the customer after they gave up, with no one acting for them (the horizon run). */
export function afterGivingUp(atHorizon: VWorld): string | undefined {
  const changes = factChanges(atHorizon, (e) => e.data?.afterOutcome === true);
  return changes.length
    ? ownSentence(`after the customer gave up, with no one acting for them: ${changes.join('; ')}`)
    : undefined;
}
