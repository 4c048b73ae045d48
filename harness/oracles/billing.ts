/** Oracles about money: charging more than the listed price. */
import { finding, indicesWhere, money, num, type Oracle, productName, quote, str } from './oracle.ts';

/** Amounts within half a cent are equal. */
const EPSILON = 0.005;

export const overcharge: Oracle = {
  id: 'overcharge',
  severity: 'high',
  summary: 'The customer was charged more than the listed price.',
  description:
    'Fires for every `subscription.renewed` or `order.confirmed` event whose `data.amount` exceeds ' +
    '`data.listPrice` plus any surcharge the customer chose (`data.surcharge`, e.g. rush delivery). ' +
    'A rush order charged list price plus the rush fee does not fire it.',
  check(ctx) {
    return indicesWhere(ctx.events, (e) => {
      if (e.kind !== 'subscription.renewed' && e.kind !== 'order.confirmed') return false;
      const amount = num(e, 'amount');
      const list = num(e, 'listPrice');
      return (
        amount !== undefined && list !== undefined && amount > list + (num(e, 'surcharge') ?? 0) + EPSILON
      );
    }).map((i) => {
      const e = ctx.events[i]!;
      const amount = num(e, 'amount')!;
      const allowed = num(e, 'listPrice')! + (num(e, 'surcharge') ?? 0);
      const extra = num(e, 'surcharge')
        ? ` plus ${money(ctx, num(e, 'surcharge')!)} ${str(e, 'surchargeFor') ?? 'surcharge'}`
        : '';
      return finding(
        overcharge,
        `The customer was charged ${money(ctx, amount)} for ${productName(ctx, str(e, 'product'))}, ${money(ctx, amount - allowed)} more than the listed ${money(ctx, num(e, 'listPrice')!)}${extra}, ${quote(ctx, e)}.`,
        [i],
      );
    });
  },
};
