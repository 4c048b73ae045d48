import { z } from 'zod';
import { parseDuration } from '../../clock/duration.ts';
import { elapsedDurationParam } from '../../core/durationParam.ts';
import { defineFault } from '../../core/fault.ts';
import { MAIL_KINDS } from '../../core/vocabulary.ts';

const kind = z.enum(MAIL_KINDS).optional().describe('Only messages of this kind (default: every message).');
const matches = (p: { kind?: string | undefined }, k: string) => p.kind === undefined || p.kind === k;

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

export const delayed = defineFault({
  id: 'mail.delayed',
  family: 'mail',
  summary: 'A message arrives late.',
  description: 'The message is held in a queue and arrives after the given delay.',
  params: z.strictObject({
    kind,
    by: elapsedDurationParam('PT6H'),
  }),
  example: { fault: 'mail.delayed', params: { kind: 'order-confirmation', by: 'P2D' } },
  hooks: {
    mail: (p, m) => {
      if (!matches(p, m.kind)) return undefined;
      const d = parseDuration(p.by);
      return { delayMs: d.kind === 'elapsed' ? d.ms : 0 };
    },
  },
});

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

/** Swap two letters of the local part: a typo that still looks like a real address. */
export function typoOf(email: string): string {
  const at = email.indexOf('@');
  const local = email.slice(0, at);
  if (local.length < 2) return `x${email}`;
  const i = Math.max(0, Math.min(local.length - 2, Math.floor(local.length / 2) - 1));
  const swapped = local.slice(0, i) + local[i + 1] + local[i] + local.slice(i + 2);
  return (swapped === local ? `${local}x` : swapped) + email.slice(at);
}

export const addressTypo = defineFault({
  id: 'mail.address-typo',
  family: 'mail',
  summary: 'The customer mistypes their e-mail address at checkout.',
  description:
    'The address the shop records differs from the customer’s real one, yet is a valid address of someone else. Shops that ask for the address twice catch it.',
  params: z.strictObject({
    typed: z.string().optional().describe('The wrong address (default: two letters swapped).'),
  }),
  example: { fault: 'mail.address-typo' },
  hooks: { 'checkout-email': (p, o) => ({ email: p.typed ?? typoOf(o.email) }) },
});
