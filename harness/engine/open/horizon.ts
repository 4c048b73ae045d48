/**
 * The horizon (design §2.5): once the outcome is decided, the world it is based on runs on with
 * no customer action — processes fire, refunds reach the card, disputes are decided — and every
 * event from then on carries `afterOutcome: true`. For a dead end the customer gives up first,
 * at the moment of the world the engine kept (where the search started).
 */
import { parseInstant } from '../../clock/instant.ts';
import { toArray } from '../../core/trace.ts';
import type { OpenScenario } from '../../vocabulary/schema/index.ts';
import { advanceTo, cloneWorld, giveUp, markOutcome, type VWorld } from '../../vocabulary/world/index.ts';
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
 * What happened to the customer after they gave up, with no one acting for them: the changes of
 * customer-relevant facts the horizon run recorded ("the account and its data were deleted on
 * Friday 1 May 2026 at 00:00"), as one sentence; undefined when nothing did.
 */
export function afterGivingUp(atHorizon: VWorld): string | undefined {
  const facts = atHorizon.ctx.facts;
  const zone = atHorizon.ctx.zone;
  const changes: string[] = [];
  for (const e of toArray(atHorizon.trace)) {
    if (e.data?.afterOutcome !== true || (e.kind !== 'fact.set' && e.kind !== 'fact.cleared')) continue;
    const fact = facts.get(String(e.data.fact));
    if (!fact?.customerRelevant) continue;
    const when = instantWords(e.t, zone);
    changes.push(
      e.kind === 'fact.set'
        ? `${fact.description} on ${when}`
        : `no longer ${fact.description}, from ${when}`,
    );
  }
  return changes.length
    ? ownSentence(`after the customer gave up, with no one acting for them: ${changes.join('; ')}`)
    : undefined;
}
