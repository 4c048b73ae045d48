import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  route: z.string().describe('ref:route'),
  hop: z.string().describe('ref:hop'),
});

export const orderLostInTransit = defineVocabularyFault<z.infer<typeof params>>({
  id: 'order.lost-in-transit',
  family: 'orders',
  summary: 'A parcel is lost at a hop of a declared route.',
  description:
    'The parcel reaches the hop and goes no further: no later scan happens and it is never delivered.',
  params,
  refs: { route: 'route', hop: 'hop' },
  example: { fault: 'order.lost-in-transit', params: { route: 'return-parcel', hop: 'carrier-hub' } },
  world: {
    'parcel.hop': (p, o) => (o.route === p.route && o.hop === p.hop ? { lost: true } : undefined),
  },
});
