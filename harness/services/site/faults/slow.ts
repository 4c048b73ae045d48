import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';

export const siteSlow = defineFault({
  id: 'site.slow',
  family: 'site',
  summary: 'The web site responds very slowly.',
  description:
    'Pages take the given time to respond; a customer whose page patience is shorter abandons the attempt (checkout, login).',
  params: z.strictObject({ latencySeconds: z.number().positive().default(90) }),
  example: { fault: 'site.slow', params: { latencySeconds: 120 } },
  hooks: { site: (p) => ({ latencyMs: p.latencySeconds * 1000 }) },
});
