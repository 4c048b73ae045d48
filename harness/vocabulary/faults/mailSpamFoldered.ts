import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  kind: z.string().describe('ref:message kind'),
  via: z.string().optional().describe('ref:channel'),
});

export const mailSpamFoldered = defineVocabularyFault<z.infer<typeof params>>({
  id: 'mail.spam-foldered',
  family: 'mail',
  summary: 'Messages of a declared kind land in the spam folder.',
  description:
    'E-mail messages of this kind are delivered to spam: the customer sees them only if they look in spam.',
  params,
  refs: { kind: 'message kind', via: 'channel' },
  example: { fault: 'mail.spam-foldered', params: { kind: 'trial-ending' } },
  world: {
    'message.send': (p, o) =>
      o.message === p.kind && o.medium === 'email' && (!p.via || p.via === o.via)
        ? { place: 'spam' }
        : undefined,
  },
});
