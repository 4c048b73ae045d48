import { paymentFault } from './paymentFault.ts';

export const paymentTimeout = paymentFault(
  'timeout',
  'The payment provider does not answer in time.',
  'The checkout times out; no order is placed and no money is taken.',
  'payment provider timed out',
);
