import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  from: z.string().optional().describe('Local date-time; default the use’s window.'),
  until: z.string().optional().describe('Local date-time; default the use’s window.'),
});

export const customerAway = defineVocabularyFault<z.infer<typeof params>>({
  id: 'customer.away',
  family: 'customer',
  summary: 'The customer is away: no actions, no routines, nothing read.',
  description:
    'During the window the customer does nothing and reads nothing; their routines (actor: customer) ' +
    'pause. Messages delivered meanwhile are seen when they are back. Business processes run on.',
  params,
  refs: {},
  needsWindow: false,
  example: { fault: 'customer.away', window: { from: '2026-03-30T00:00', until: '2026-05-04T00:00' } },
  world: {},
  away: (p) => ({ from: p.from, until: p.until }),
});
