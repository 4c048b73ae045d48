/**
 * The scorecard of an open run, read from the world at the horizon (design §2.5): contacts by
 * channel and party, calls (phone channels), store visits (in-person channels), effort, and the
 * money — net out of pocket less what the goal was worth when it was reached, beside the most
 * money held, the days it was held and the merchant's fees.
 */
import type { Scorecard } from '../../core/contract.ts';
import type { Amount } from '../../vocabulary/schema/index.ts';
import { contacts, effortMs, money, type VWorld } from '../../vocabulary/world/index.ts';
import type { OpenOutcome } from './journey.ts';

const cents = (n: number) => Math.round(n * 100) / 100;

/** An amount in the profile's currency; an earlier charge's amount is read from the ledger. */
export function amountOf(w: VWorld, a: Amount): number {
  if (typeof a === 'number') return a;
  if ('price' in a) return w.ctx.products.get(a.price)?.price ?? 0;
  if ('renewalPrice' in a) {
    const p = w.ctx.products.get(a.renewalPrice) as { renewalPrice?: number; price?: number } | undefined;
    return p?.renewalPrice ?? p?.price ?? 0;
  }
  if ('charge' in a) {
    const c = w.ledger.find((e) => e.type === 'charge' && e.tag === a.charge);
    return c?.amount ?? 0;
  }
  const v = w.ctx.profile.parameters[a.param];
  return typeof v === 'number' ? v : Number(v) || 0;
}

/** The goal's `worth`; without one, the price of the profile's product when it sells just one. */
export function goalWorth(w: VWorld): number {
  const worth = w.ctx.scenario.goal.worth;
  if (worth !== undefined) return amountOf(w, worth);
  const products = [...w.ctx.products.values()];
  return products.length === 1 ? (products[0]!.price ?? 0) : 0;
}

export function openScorecard(o: OpenOutcome, atHorizon: VWorld): Scorecard {
  const w = atHorizon;
  const by = contacts(w);
  let total = 0;
  let calls = 0;
  let storeVisits = 0;
  for (const [id, c] of w.ctx.channels) {
    const n = by[id] ?? 0;
    total += n;
    if (c.kind === 'phone') calls += n;
    if (c.medium === 'in-person') storeVisits += n;
  }
  const m = money(w);
  const worth = goalWorth(w);
  const reached = o.outcome !== 'dead-end';
  return {
    timeToResolutionHours:
      o.troubleAt !== undefined && o.goalAt !== undefined
        ? cents((o.goalAt - o.troubleAt) / 3_600_000)
        : null,
    contacts: total,
    calls,
    storeVisits,
    effortHours: cents(effortMs(w) / 3_600_000),
    moneyLost: cents(Math.max(0, m.net - (reached ? worth : 0))),
    currency: w.ctx.profile.currency,
    goalWorth: cents(worth),
    maxHeld: cents(m.maxHeld),
    heldDays: m.heldDays,
    merchantFees: cents(m.merchantFees),
    contactsBy: Object.fromEntries(Object.entries(by).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}
