import { paymentFault } from './paymentFault.ts';

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
