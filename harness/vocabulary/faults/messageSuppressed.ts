import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z
  .strictObject({
    kind: z.string().optional().describe('ref:message kind'),
    message: z.string().optional().describe('ref:message kind'),
    via: z.string().optional().describe('ref:channel'),
  })
  .refine((p) => p.kind !== undefined || p.message !== undefined, {
    message: 'name the message kind (kind: or message:)',
  });

export const messageSuppressed = defineVocabularyFault<z.infer<typeof params>>({
  id: 'message.suppressed',
  family: 'messages',
  summary: 'A message of a declared kind is never sent.',
  description:
    'The business means to send it (a text, an e-mail, an app message) but it never leaves: nothing reaches the customer.',
  params,
  refs: { kind: 'message kind', message: 'message kind', via: 'channel' },
  example: { fault: 'message.suppressed', params: { kind: 'pickup-ready' } },
  world: {
    'message.send': (p, o) =>
      o.message === (p.kind ?? p.message) && (!p.via || p.via === o.via) ? { suppressed: true } : undefined,
  },
});
