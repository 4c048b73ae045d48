import { z } from 'zod';
import { parseDuration } from '../../../clock/duration.ts';
import { elapsedDurationParam } from '../../../core/durationParam.ts';
import { defineFault } from '../../../core/fault.ts';
import { notifyKind } from './params.ts';

export const notifyDelayed = defineFault({
  id: 'notify.delayed',
  family: 'notify',
  summary: 'A notification is produced late (a batch job runs late).',
  description: 'The merchant produces the notification late, e.g. a statement run that slips by days.',
  params: z.strictObject({ kind: notifyKind, by: elapsedDurationParam('P10D') }),
  example: { fault: 'notify.delayed', params: { kind: 'statement', by: 'P10D' } },
  hooks: {
    notify: (p, o) => {
      if (p.kind !== undefined && p.kind !== o.kind) return undefined;
      const d = parseDuration(p.by);
      return { delayMs: d.kind === 'elapsed' ? d.ms : 0 };
    },
  },
});
