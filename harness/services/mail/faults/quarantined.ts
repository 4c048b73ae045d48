import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { kind, matches } from './params.ts';

export const quarantined = defineFault({
  id: 'mail.quarantined',
  family: 'mail',
  summary: 'A message is quarantined and never reaches the customer.',
  description:
    'A mail gateway holds the message in quarantine. It is in neither the inbox nor the spam folder: the customer cannot find it.',
  params: z.strictObject({ kind }),
  example: { fault: 'mail.quarantined', params: { kind: 'licence-key' }, times: 1 },
  hooks: { mail: (p, m) => (matches(p, m.kind) ? { folder: 'quarantine' } : undefined) },
});
