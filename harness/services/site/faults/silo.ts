/**
 * systems.silo perturbs the merchant's systems of record, not a rule of the merchant: which
 * system sees another's orders. It lives with the site (the merchant's systems a customer and
 * staff reach) because the catalogue is assembled in the services list, which may not import
 * the merchant (services sit below it).
 */
import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';

export const silo = defineFault({
  id: 'systems.silo',
  family: 'systems',
  summary: 'Two systems stop sharing data.',
  description:
    'Orders recorded in one system are invisible to the other (a store system the phone line cannot see, a sales system the activation portal cannot see).',
  params: z.strictObject({ between: z.tuple([z.string(), z.string()]).describe('The two system ids.') }),
  example: { fault: 'systems.silo', params: { between: ['store-pos', 'training-portal'] } },
  hooks: {},
  silos: (p) => [p.between],
});
