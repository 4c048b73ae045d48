import { z } from 'zod';
import { defineVocabularyFault } from './hooks.ts';

const params = z.strictObject({
  kind: z.string().describe('ref:message kind'),
  via: z.string().optional().describe('ref:channel'),
});

export const mailQuarantined = defineVocabularyFault<z.infer<typeof params>>({
  id: 'mail.quarantined',
  family: 'mail',
  summary: 'Messages of a declared kind are quarantined by the customer’s mail filter.',
  description: 'E-mail messages of this kind never reach a folder the customer looks in, not even spam.',
  params,
  refs: { kind: 'message kind', via: 'channel' },
  example: { fault: 'mail.quarantined', params: { kind: 'dunning-notice' } },
  world: {
    'message.send': (p, o) =>
      o.message === p.kind && o.medium === 'email' && (!p.via || p.via === o.via)
        ? { place: 'quarantine' }
        : undefined,
  },
});
