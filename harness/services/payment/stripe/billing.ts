/**
 * The payment provider's accounts: customers, saved cards, payment intents, charges, refunds,
 * prices and provider-side subscriptions with their renewals — the part of a card processor
 * that checkout and subscription flows use, shaped like Stripe's objects so that the
 * sandbox's payment API (harness/services/payment/stripe/routes.ts) serves them as they are.
 *
 * Plain data in `world.billing` (the slice registered in worldSlice.ts), plain functions over
 * it, one file per resource beside this one; this file is the emulator's public face for the
 * rest of deadend. Every movement of money goes through `settle` (../charges.ts), so the run's
 * payment faults, the customer's money counters and the trace behave exactly as in `sim`.
 * Times come from the world's virtual clock.
 */

export { billingOf, liveCustomer, type PriceParams, type ProductParams } from './account.ts';
export { luhn, TEST_CARD_NAMES, TEST_CARDS } from './cards.ts';
export { createPrice, createProduct } from './catalogue.ts';
export { type ChargeParams, createCharge } from './charge.ts';
export { type CustomerParams, createCustomer, deleteCustomer, updateCustomer } from './customers.ts';
export { BillingError, invalidRequest } from './errors.ts';
export {
  type ConfirmParams,
  cancelPaymentIntent,
  capturePaymentIntent,
  confirmPaymentIntent,
  createPaymentIntent,
  type PaymentIntentParams,
  updatePaymentIntent,
} from './intents.ts';
export { payInvoice } from './invoices.ts';
export { toMajor, toMinor } from './money.ts';
export {
  attachPaymentMethod,
  type CardParams,
  createPaymentMethod,
  detachPaymentMethod,
  type PaymentMethodParams,
  resolvePaymentMethod,
} from './paymentMethods.ts';
export { createRefund, type RefundParams } from './refunds.ts';
export { collectionOfId, lookup, mergeMetadata } from './state.ts';
export {
  addInterval,
  cancelSubscription,
  createSubscription,
  renewalDue,
  type SubscriptionItemParams,
  type SubscriptionParams,
  type SubscriptionUpdateParams,
  updateSubscription,
} from './subscriptions.ts';
export type {
  Billing,
  CardChecks,
  ChargeObject,
  Customer,
  IntentStatus,
  Invoice,
  Metadata,
  PaymentIntent,
  PaymentMethod,
  Price,
  Product,
  Recurring,
  Refund,
  StripeErrorBody,
  StripeObject,
  SubscriptionItem,
  SubscriptionObject,
  SubscriptionStatus,
} from './types.ts';
