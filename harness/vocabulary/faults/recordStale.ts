import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  record: z.string().describe('ref:record'),
  in: z.string().describe('ref:system'),
  holds: z
    .string()
    .default('former')
    .describe('What the stale copy holds: former / current (the customer’s address), or a text.'),
});

export const recordStale = defineVocabularyFault<z.infer<typeof params>>({
  id: 'record.stale',
  family: 'records',
  summary: 'A system’s copy of a record keeps an old value.',
  description:
    'Whatever is written to the record in that system, reading it gives `holds` (by default the ' +
    'customer’s former address): a code sent to the number on the account goes to the old number.',
  params,
  refs: { record: 'record', in: 'system' },
  example: { fault: 'record.stale', params: { record: 'account-phone', in: 'accounts', holds: 'former' } },
  world: {
    'record.read': (p, o) => (o.record === p.record && o.system === p.in ? { holds: p.holds } : undefined),
  },
});
