import { z } from 'zod';
import { calendarFreeDuration, parseDuration } from '../../clock/duration.ts';
import { elapsedDurationParam } from '../../core/durationParam.ts';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  process: z.string().describe('ref:process'),
  step: z.number().int().min(1).optional().describe('Only this step (1 = the first); default every step.'),
  by: elapsedDurationParam('P1D').describe('How late the step runs (elapsed).'),
});

export const processDelayed = defineVocabularyFault<z.infer<typeof params>>({
  id: 'process.delayed',
  family: 'processes',
  summary: 'A run of a declared process is late.',
  description: 'The step runs `by` later than due (traced as process.delayed); its conditions are read then.',
  params,
  refs: { process: 'process' },
  example: { fault: 'process.delayed', params: { process: 'billing-address-sync', by: 'P7D' }, times: 1 },
  world: {
    'process.step': (p, o) =>
      o.process === p.process && (p.step === undefined || p.step === o.step + 1)
        ? { delayMs: calendarFreeDuration(parseDuration(p.by)) }
        : undefined,
  },
});
