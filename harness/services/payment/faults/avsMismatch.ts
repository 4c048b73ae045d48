import { paymentFault } from './paymentFault.ts';

export const avsMismatch = paymentFault(
  'avs-mismatch',
  'The card’s billing address does not match (AVS).',
  'The card issuer reports that the billing address differs from the one given. What happens next is the merchant’s policy (onPaymentMismatch).',
  'billing address does not match the card',
);
