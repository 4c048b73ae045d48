import { paymentFault } from './paymentFault.ts';

export const cvcMismatch = paymentFault(
  'cvc-mismatch',
  'The card security code check fails (CVC).',
  'The card issuer reports a wrong security code. What happens next is the merchant’s policy (onPaymentMismatch).',
  'card security code does not match',
);
