import { z } from 'zod';
import { defineFault } from '../../../core/fault.ts';

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
