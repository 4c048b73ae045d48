import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { channels } from './params.ts';

export const supportUnderstaffed = defineFault({
  id: 'support.understaffed',
  family: 'support',
  summary: 'Support staff misunderstand the first contacts.',
  description:
    'Overloaded or untrained staff do not grasp the problem: the first N contacts about a problem end without a result and the customer must explain it again.',
  params: z.strictObject({ channels, misunderstandings: z.number().int().positive().default(2) }),
  example: { fault: 'support.understaffed', params: { misunderstandings: 2 } },
  hooks: {
    'support-contact': (p, o) =>
      (p.channels === undefined || p.channels.includes(o.channel)) && o.count <= p.misunderstandings
        ? { misunderstood: true }
        : undefined,
  },
});
