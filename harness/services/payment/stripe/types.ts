/**
 * The Stripe objects the emulator keeps (`world.billing`), shaped as the API serves them.
 *
 * The emulator is the payment provider's accounts: customers, saved cards, payment intents,
 * charges, refunds, prices and provider-side subscriptions with their renewals — the part of a
 * card processor that checkout and subscription flows use, so that the sandbox's payment API
 * (routes.ts) serves them as they are. Plain data in `world.billing` (the slice registered in
 * worldSlice.ts), plain functions over it, one file per resource beside this one; the rest of
 * deadend reaches it through the services list (harness/services/index.ts). Every movement of
 * money goes through `settle` (../charges.ts), so the run's payment faults, the customer's money
 * counters and the trace behave exactly as in `sim`. Times come from the world's virtual clock.
 */
import type { DeclineOn } from '../charges.ts';

/** A Stripe-shaped object: the fields this model sets, and the nulls a client may read. */
export interface StripeObject {
  id: string;
  object: string;
  [field: string]: unknown;
}

export type Metadata = Record<string, string>;

export interface Customer extends StripeObject {
  object: 'customer';
  email: string | null;
  name: string | null;
  metadata: Metadata;
  default_source: string | null;
  invoice_settings: { default_payment_method: string | null; [k: string]: unknown };
  deleted?: true;
}

export interface CardChecks {
  address_line1_check: string | null;
  address_postal_code_check: string | null;
  cvc_check: string | null;
}

export interface PaymentMethod extends StripeObject {
  object: 'payment_method';
  type: 'card';
  customer: string | null;
  card: {
    brand: string;
    last4: string;
    exp_month: number;
    exp_year: number;
    funding: string;
    country: string;
    checks: CardChecks;
    [k: string]: unknown;
  };
  billing_details: {
    address: Record<string, string | null>;
    email: string | null;
    name: string | null;
    [k: string]: unknown;
  };
  metadata: Metadata;
}

export type IntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

export interface PaymentIntent extends StripeObject {
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  customer: string | null;
  status: IntentStatus;
  payment_method: string | null;
  latest_charge: string | null;
  last_payment_error: StripeErrorBody | null;
  capture_method: 'automatic' | 'automatic_async' | 'manual';
  metadata: Metadata;
  canceled_at: number | null;
  cancellation_reason: string | null;
}

export interface ChargeObject extends StripeObject {
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  currency: string;
  customer: string | null;
  payment_intent: string | null;
  payment_method: string | null;
  status: 'succeeded' | 'failed' | 'pending';
  paid: boolean;
  refunded: boolean;
  failure_code: string | null;
  failure_message: string | null;
  metadata: Metadata;
}

export interface Refund extends StripeObject {
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string | null;
  currency: string;
  status: 'succeeded';
  reason: string | null;
  metadata: Metadata;
}

export interface Recurring {
  interval: 'day' | 'week' | 'month' | 'year';
  interval_count: number;
  [k: string]: unknown;
}

export interface Product extends StripeObject {
  object: 'product';
  name: string;
  active: boolean;
  metadata: Metadata;
}

export interface Price extends StripeObject {
  object: 'price';
  active: boolean;
  currency: string;
  product: string;
  unit_amount: number;
  recurring: Recurring | null;
  type: 'one_time' | 'recurring';
  lookup_key: string | null;
  metadata: Metadata;
}

export type SubscriptionStatus =
  | 'incomplete'
  | 'incomplete_expired'
  | 'trialing'
  | 'active'
  | 'past_due'
  | 'canceled'
  | 'unpaid'
  | 'paused';

export interface SubscriptionItem extends StripeObject {
  object: 'subscription_item';
  price: Price;
  quantity: number;
  subscription: string;
  current_period_start: number;
  current_period_end: number;
}

export interface SubscriptionObject extends StripeObject {
  object: 'subscription';
  customer: string;
  status: SubscriptionStatus;
  currency: string;
  items: { object: 'list'; data: SubscriptionItem[]; has_more: false; total_count: number; url: string };
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  ended_at: number | null;
  default_payment_method: string | null;
  latest_invoice: string | null;
  metadata: Metadata;
  start_date: number;
  trial_end: number | null;
}

export interface Invoice extends StripeObject {
  object: 'invoice';
  customer: string;
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  currency: string;
  billing_reason: string;
  period_start: number;
  period_end: number;
  attempt_count: number;
  attempted: boolean;
  metadata: Metadata;
}

/** The error body Stripe sends (`{ error: … }`), also kept as a payment intent's last error. */
export interface StripeErrorBody {
  type: string;
  code?: string;
  decline_code?: string;
  message: string;
  param?: string;
  charge?: string;
  doc_url?: string;
  payment_intent?: PaymentIntent;
  payment_method?: PaymentMethod;
  advice_code?: string;
}

export interface Billing {
  customers: Record<string, Customer>;
  paymentMethods: Record<string, PaymentMethod>;
  paymentIntents: Record<string, PaymentIntent>;
  charges: Record<string, ChargeObject>;
  refunds: Record<string, Refund>;
  products: Record<string, Product>;
  prices: Record<string, Price>;
  subscriptions: Record<string, SubscriptionObject>;
  invoices: Record<string, Invoice>;
  /** Never served: the card number behind each payment method, and whether a CVC was given. */
  cards: Record<string, { pan: string; cvcGiven: boolean; addressGiven: boolean }>;
  /** Never served: the invoice a payment intent pays, and the payment intent of an invoice. */
  intentInvoice: Record<string, string>;
  invoiceIntent: Record<string, string>;
  /** Never served: the pending renewal of each subscription (a newer one voids older events). */
  renewal: Record<string, { at: number; generation: number }>;
  /** Failed checks the processor declines (Stripe's `decline_on`); off: the merchant decides. */
  declineOn: DeclineOn;
}
