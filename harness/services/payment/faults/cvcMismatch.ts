import { paymentFault } from './paymentFault.ts';

export const cvcMismatch = paymentFault(
  'cvc-mismatch',
  'The card security code check fails (CVC).',
  'The card issuer reports a wrong security code. What happens next is the merchant’s policy (onPaymentMismatch).',
  'card security code does not match',
);
export const declined = paymentFault(
  'declined',
  'The card is declined.',
  'The issuer declines the charge; the checkout shows an error and no order is placed.',
  'card declined',
);
export const paymentTimeout = paymentFault(
  'timeout',
  'The payment provider does not answer in time.',
  'The checkout times out; no order is placed and no money is taken.',
  'payment provider timed out',
);
