import { z } from 'zod';
import { calendarFreeDuration, parseDuration } from '../../clock/duration.ts';
import { elapsedDurationParam } from '../../core/durationParam.ts';
import { defineVocabularyFault } from './hooks.ts';

const params = z
  .strictObject({
    kind: z.string().optional().describe('ref:message kind'),
    message: z.string().optional().describe('ref:message kind'),
    via: z.string().optional().describe('ref:channel'),
    by: elapsedDurationParam('PT6H').describe('How late it arrives (elapsed: PT6H, 2d).'),
  })
  .refine((p) => p.kind !== undefined || p.message !== undefined, {
    message: 'name the message kind (kind: or message:)',
  });

export const messageDelayed = defineVocabularyFault<z.infer<typeof params>>({
  id: 'message.delayed',
  family: 'messages',
  summary: 'A message of a declared kind arrives late.',
  description: 'It is sent on time but delivered `by` later.',
  params,
  refs: { kind: 'message kind', message: 'message kind', via: 'channel' },
  example: { fault: 'message.delayed', params: { kind: 'pickup-ready', by: 'PT6H' } },
  world: {
    'message.send': (p, o) =>
      o.message === (p.kind ?? p.message) && (!p.via || p.via === o.via)
        ? { delayMs: calendarFreeDuration(parseDuration(p.by)) }
        : undefined,
  },
});
