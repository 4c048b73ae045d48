import { paymentFault } from './paymentFault.ts';

export const declined = paymentFault(
  'declined',
  'The card is declined.',
  'The issuer declines the charge; the checkout shows an error and no order is placed.',
  'card declined',
);
