import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { HOPS } from '../orders.ts';

export const lostInTransit = defineFault({
  id: 'order.lost-in-transit',
  family: 'order',
  summary: 'An order enters a hop between systems and never leaves it.',
  description:
    'The order is confirmed to the customer but is lost at the named hop (e.g. the warehouse queue): it is never fulfilled and the downstream systems never see it.',
  params: z.strictObject({ hop: z.enum(HOPS).describe('The hop the order is lost at.') }),
  example: { fault: 'order.lost-in-transit', params: { hop: 'warehouse' } },
  hooks: { 'order-hop': (p, o) => (o.hop === p.hop ? { lost: true } : undefined) },
});
