import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { kind, matches } from './params.ts';

export const bounced = defineFault({
  id: 'mail.bounced',
  family: 'mail',
  summary: 'A message bounces back to the sender.',
  description:
    'The receiving server rejects the message; the merchant gets a bounce, the customer gets nothing.',
  params: z.strictObject({ kind }),
  example: { fault: 'mail.bounced', params: { kind: 'order-confirmation' } },
  hooks: { mail: (p, m) => (matches(p, m.kind) ? { folder: 'bounced' } : undefined) },
});
