/** Oracles about getting the goods to the customer. */
import { finding, indicesWhere, type Oracle, quote, str } from './oracle.ts';

export const lostInTransit: Oracle = {
  id: 'lost-in-transit',
  severity: 'high',
  summary: 'An order was lost between two systems or on its way to the customer.',
  description:
    'Fires for every `order.lost-in-transit` event and names the hop where the order disappeared ' +
    '(`data.hop`: warehouse, carrier, …). An order that is delivered, however late, does not fire it.',
  check(ctx) {
    return indicesWhere(ctx.events, (e) => e.kind === 'order.lost-in-transit').map((i) => {
      const e = ctx.events[i]!;
      return finding(
        lostInTransit,
        `Order ${str(e, 'orderId') ?? '?'} was lost at the ${str(e, 'hop') ?? 'unknown'} hop ${quote(ctx, e)}.`,
        [i],
      );
    });
  },
};
