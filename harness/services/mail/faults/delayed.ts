import { z } from 'zod';
import { parseDuration } from '../../../clock/duration.ts';
import { elapsedDurationParam } from '../../../core/durationParam.ts';
import { defineFault } from '../../../core/fault.ts';
import { kind, matches } from './params.ts';

export const delayed = defineFault({
  id: 'mail.delayed',
  family: 'mail',
  summary: 'A message arrives late.',
  description: 'The message is held in a queue and arrives after the given delay.',
  params: z.strictObject({
    kind,
    by: elapsedDurationParam('PT6H'),
  }),
  example: { fault: 'mail.delayed', params: { kind: 'order-confirmation', by: 'P2D' } },
  hooks: {
    mail: (p, m) => {
      if (!matches(p, m.kind)) return undefined;
      const d = parseDuration(p.by);
      return { delayMs: d.kind === 'elapsed' ? d.ms : 0 };
    },
  },
});
