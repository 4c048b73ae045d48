import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  between: z.tuple([z.string(), z.string()]).describe('ref:system'),
});

export const systemsSilo = defineVocabularyFault<z.infer<typeof params>>({
  id: 'systems.silo',
  family: 'systems',
  summary: 'Two declared systems stop sharing records.',
  description:
    'The live link between the two systems is cut (both ways): staff who look a record up through one ' +
    'no longer see what was written in the other.',
  params,
  refs: { between: 'system' },
  example: { fault: 'systems.silo', params: { between: ['web-orders', 'store-till'] } },
  world: {},
  silos: (p) => [[p.between[0], p.between[1]]],
});
