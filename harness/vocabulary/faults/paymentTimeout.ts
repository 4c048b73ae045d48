import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  charges: z
    .boolean()
    .default(false)
    .describe('true: the provider charged the card although the shop saw a timeout (story 104).'),
  tag: z.string().optional().describe('Only charges with this tag.'),
});

export const paymentTimeout = defineVocabularyFault<z.infer<typeof params>>({
  id: 'payment.timeout',
  family: 'payment',
  summary: 'The payment provider answers after the shop gave up.',
  description:
    'The shop sees a timeout and the rest of the action does not happen ("something went wrong"). ' +
    'With `charges: true` the card was charged anyway, so a second attempt charges twice.',
  params,
  refs: {},
  example: { fault: 'payment.timeout', params: { charges: true }, times: 1 },
  world: {
    'payment.charge': (p, o) =>
      p.tag === undefined || p.tag === o.tag ? { timeout: true, charged: p.charges } : undefined,
  },
});
