/**
 * Money counted from the ledger (design §2.5): charges, refunds (held until they reach the
 * card), credits, fees, action costs.
 */
import { DAY } from '../../clock/duration.ts';
import type { Amount } from '../schema/index.ts';
import type { Context } from './context.ts';
import type { LedgerEntry, VWorld } from './state.ts';

export interface MoneyTotals {
  /** Charges − refunds that reached the card − credits + customer fees and action costs. */
  net: number;
  /** Charged and not yet back on the card now. */
  held: number;
  /** The most `held` was at any moment so far. */
  maxHeld: number;
  /**
   * Days (24 h, rounded) during which money the customer got back was held: from each
   * refunded charge until its refund reached the card (or now, while pending), overlaps
   * counted once (104: the second €180, 4 → 13 May = 9); 0 if never.
   */
  heldDays: number;
  merchantFees: number;
  customerFees: number;
}

function sum(entries: readonly LedgerEntry[], pick: (e: LedgerEntry) => number): number {
  let total = 0;
  for (const e of entries) total += pick(e);
  return Math.round(total * 100) / 100;
}

export function heldNow(w: VWorld): number {
  return sum(w.ledger, (e) =>
    e.type === 'charge' ? e.amount : e.type === 'refund' && e.reached ? -e.amount : 0,
  );
}

/** After every ledger change: keeps maxHeld. */
export function noteHeld(w: VWorld): void {
  const held = heldNow(w);
  if (held > w.maxHeld) w.maxHeld = held;
}

export function moneyTotals(w: VWorld): MoneyTotals {
  const held = heldNow(w);
  const credits = sum(w.ledger, (e) => (e.type === 'credit' ? e.amount : 0));
  const customerFees = sum(w.ledger, (e) =>
    (e.type === 'fee' && e.payer === 'customer') || e.type === 'cost' ? e.amount : 0,
  );
  const merchantFees = sum(w.ledger, (e) => (e.type === 'fee' && e.payer === 'merchant' ? e.amount : 0));
  return {
    net: Math.round((held - credits + customerFees) * 100) / 100,
    held,
    maxHeld: w.maxHeld,
    heldDays: heldDays(w),
    merchantFees,
    customerFees,
  };
}

function heldDays(w: VWorld): number {
  const charges = new Map<string, number>();
  for (const e of w.ledger) if (e.type === 'charge') charges.set(e.id, e.at);
  const spans: [number, number][] = [];
  for (const e of w.ledger) {
    if (e.type !== 'refund') continue;
    const from = charges.get(e.charge);
    if (from === undefined) continue;
    spans.push([from, e.reached ? e.reachesAt : w.now]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, until] of spans) {
    const start = Math.max(from, end);
    if (until > start) total += until - start;
    end = Math.max(end, until);
  }
  return Math.round(total / DAY);
}

/** The amount an `Amount` names now. */
export function amountOf(ctx: Context, w: VWorld, amount: Amount): number {
  if (typeof amount === 'number') return amount;
  if ('price' in amount) return ctx.products.get(amount.price)?.price ?? 0;
  if ('renewalPrice' in amount) {
    const p = ctx.products.get(amount.renewalPrice) as { renewalPrice?: number; price?: number } | undefined;
    return p?.renewalPrice ?? p?.price ?? 0;
  }
  if ('charge' in amount) {
    for (let i = w.ledger.length - 1; i >= 0; i--) {
      const e = w.ledger[i]!;
      if (e.type === 'charge' && e.tag === amount.charge) return e.amount;
    }
    return 0;
  }
  const value = ctx.profile.parameters[amount.param];
  return typeof value === 'number' ? value : Number(value) || 0;
}

/** How many charges with this tag (any tag when undefined) were made. */
export function chargeCount(w: VWorld, tag: string | undefined): number {
  return w.ledger.filter((e) => e.type === 'charge' && (tag === undefined || e.tag === tag)).length;
}
