/** Parameters the mail service's faults share: which kind of message they strike. */
import { z } from 'zod';
import { MAIL_KINDS } from '../../../core/vocabulary.ts';

export const kind = z
  .enum(MAIL_KINDS)
  .optional()
  .describe('Only messages of this kind (default: every message).');
/** The merchant's notifications, by the kind of message they would send. */
export const notifyKind = z.enum(MAIL_KINDS).optional();
export const matches = (p: { kind?: string | undefined }, k: string) => p.kind === undefined || p.kind === k;
