import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';
import { kind, matches } from './params.ts';

export const spamFoldered = defineFault({
  id: 'mail.spam-foldered',
  family: 'mail',
  summary: 'A message lands in the spam folder.',
  description:
    'The receiving spam filter files the message under spam. The customer sees it only if they look in the spam folder.',
  params: z.strictObject({ kind }),
  example: { fault: 'mail.spam-foldered', params: { kind: 'licence-key' } },
  hooks: { mail: (p, m) => (matches(p, m.kind) ? { folder: 'spam' } : undefined) },
});
