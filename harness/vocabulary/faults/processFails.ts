import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  process: z.string().describe('ref:process'),
  step: z.number().int().min(1).optional().describe('Only this step (1 = the first); default every step.'),
});

export const processFails = defineVocabularyFault<z.infer<typeof params>>({
  id: 'process.fails',
  family: 'processes',
  summary: 'A run of a declared process does nothing.',
  description:
    'When the step is due it fails silently (traced as process.failed): nothing it would do happens, ' +
    'and the process goes on to its next step.',
  params,
  refs: { process: 'process' },
  example: { fault: 'process.fails', params: { process: 'nightly-handoff' } },
  world: {
    'process.step': (p, o) =>
      o.process === p.process && (p.step === undefined || p.step === o.step + 1)
        ? { fails: true }
        : undefined,
  },
});
