/**
 * duplicate-charge (new, design §2.8): two successful charges with the same tag and amount, with
 * no refund of that tag between them, within an hour: the customer paid twice for one thing.
 */
import { at, eventsOf, finding, money, type VocabularyOracle } from './context.ts';

/** Two equal charges further apart than this are two purchases (a monthly renewal), not a duplicate. */
export const DUPLICATE_WINDOW_MS = 3_600_000;
const EPSILON = 0.005;

export const duplicateCharge: VocabularyOracle = {
  id: 'duplicate-charge',
  severity: 'high',
  summary: 'The customer was charged twice for the same thing (same tag and amount, within an hour).',
  description:
    'Fires when two `payment.charged` events have the same tag (the basket, the purchase) and ' +
    'amount, the second within an hour of the first, and no refund of that tag came between them — ' +
    'a checkout retried after a timeout while the provider had charged. It quotes both charges. A ' +
    'refund between them, a different amount, or the same charge a month later does not fire it.',
  check(ctx) {
    const charges = eventsOf(ctx.events, 'payment.charged');
    const refunds = eventsOf(ctx.events, 'payment.refunded');
    const used = new Set<number>();
    const out = [];
    for (const [k, first] of charges.entries()) {
      if (used.has(first.i) || first.d.tag === undefined || first.d.amount === undefined) continue;
      const second = charges
        .slice(k + 1)
        .find(
          (c) =>
            !used.has(c.i) &&
            c.d.tag === first.d.tag &&
            c.d.amount !== undefined &&
            Math.abs(c.d.amount - first.d.amount!) < EPSILON &&
            c.e.t - first.e.t <= DUPLICATE_WINDOW_MS &&
            !refunds.some((r) => r.d.tag === first.d.tag && r.i > first.i && r.i < c.i),
        );
      if (!second) continue;
      used.add(first.i).add(second.i);
      out.push(
        finding(
          duplicateCharge,
          `The customer was charged twice for ${first.d.tag}: ${money(ctx, first.d.amount)} on ${at(ctx, first.e.t)} and ${money(ctx, second.d.amount!)} on ${at(ctx, second.e.t)}, with no refund between them.`,
          [first.i, second.i],
        ),
      );
    }
    return out;
  },
};
