/**
 * The payment provider's accounts: customers, saved cards, payment intents, charges, refunds,
 * prices and provider-side subscriptions with their renewals — the part of a card processor
 * that checkout and subscription flows use, shaped like Stripe's objects so that the
 * sandbox's payment API (harness/services/payment/stripe/routes.ts) serves them as they are.
 *
 * Plain data in `world.billing`, plain functions over it. Every movement of money goes
 * through `settle` (payment.ts), so the run's payment faults, the customer's money counters
 * and the trace behave exactly as in `sim`. Times come from the world's virtual clock.
 */
import { parseDuration } from '../../../clock/duration.ts';
import type { HookResults } from '../../../core/fault.ts';
import { formatMoney, type RunEnv } from '../../../core/runEnv.ts';
import { onDue } from '../../../core/scheduler.ts';
import { plain } from '../../../core/undoLog.ts';
import { nextId, ownBilling, type PendingEvent, record, schedule, type World } from '../../../core/world.ts';
import { type CardAnswer, type DeclineOn, settle } from '../charges.ts';
import { isCurrency } from './currency.ts';

const DAY = 86_400_000;

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

/** A payment API error with Stripe's shape and HTTP status. */
export class BillingError extends Error {
  readonly status: number;
  readonly body: StripeErrorBody;

  constructor(status: number, body: StripeErrorBody) {
    super(body.message);
    this.name = 'BillingError';
    this.status = status;
    this.body = body;
  }
}

const DOCS = 'https://stripe.com/docs/error-codes';

export function invalidRequest(message: string, code?: string, param?: string, status = 400): BillingError {
  return new BillingError(status, {
    type: 'invalid_request_error',
    ...(code ? { code, doc_url: `${DOCS}/${code.replace(/_/g, '-')}` } : {}),
    message,
    ...(param ? { param } : {}),
  });
}

// ---------------------------------------------------------------------------------------------
// Test cards

type Decline =
  | 'generic_decline'
  | 'insufficient_funds'
  | 'lost_card'
  | 'stolen_card'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'incorrect_zip'
  | 'processing_error';

interface TestCard {
  brand: string;
  funding: 'credit' | 'debit' | 'prepaid';
  decline?: Decline;
  /** Only charges fail (attaching works): Stripe's 4000000000000341. */
  failsOnCharge?: boolean;
  line1?: 'fail';
  zip?: 'fail';
  /** The CVC check fails when a CVC is given (Stripe's 4000000000000101). */
  cvc?: 'fail';
}

/** Stripe's documented test card numbers the sandbox knows; any other valid number succeeds. */
export const TEST_CARDS: Readonly<Record<string, TestCard>> = {
  '4242424242424242': { brand: 'visa', funding: 'credit' },
  '4000056655665556': { brand: 'visa', funding: 'debit' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit' },
  '378282246310005': { brand: 'amex', funding: 'credit' },
  '4000000000000002': { brand: 'visa', funding: 'credit', decline: 'generic_decline' },
  '4000000000009995': { brand: 'visa', funding: 'credit', decline: 'insufficient_funds' },
  '4000000000009987': { brand: 'visa', funding: 'credit', decline: 'lost_card' },
  '4000000000009979': { brand: 'visa', funding: 'credit', decline: 'stolen_card' },
  '4000000000000069': { brand: 'visa', funding: 'credit', decline: 'expired_card' },
  '4000000000000127': { brand: 'visa', funding: 'credit', decline: 'incorrect_cvc' },
  '4000000000000119': { brand: 'visa', funding: 'credit', decline: 'processing_error' },
  '4000000000000341': { brand: 'visa', funding: 'credit', decline: 'generic_decline', failsOnCharge: true },
  '4000000000000010': { brand: 'visa', funding: 'credit', line1: 'fail', zip: 'fail' },
  '4000000000000028': { brand: 'visa', funding: 'credit', line1: 'fail' },
  '4000000000000036': { brand: 'visa', funding: 'credit', zip: 'fail' },
  '4000000000000101': { brand: 'visa', funding: 'credit', cvc: 'fail' },
};

/** Stripe's test payment method and token ids: `pm_card_<name>`, `tok_<name>` (TEST_CARD_NAMES). */
const TEST_PAYMENT_METHOD = /^(?:pm_card_|tok_)(.+)$/;

/** Stripe's test payment methods and tokens (`pm_card_<name>`, `tok_<name>`) by card number. */
export const TEST_CARD_NAMES: Readonly<Record<string, string>> = {
  visa: '4242424242424242',
  visa_debit: '4000056655665556',
  mastercard: '5555555555554444',
  amex: '378282246310005',
  chargeDeclined: '4000000000000002',
  chargeDeclinedInsufficientFunds: '4000000000009995',
  chargeDeclinedLostCard: '4000000000009987',
  chargeDeclinedStolenCard: '4000000000009979',
  // The names Stripe's testing docs give the declining PaymentMethods today.
  visa_chargeDeclined: '4000000000000002',
  visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  visa_chargeDeclinedLostCard: '4000000000009987',
  visa_chargeDeclinedStolenCard: '4000000000009979',
  chargeDeclinedExpiredCard: '4000000000000069',
  chargeDeclinedIncorrectCvc: '4000000000000127',
  chargeDeclinedProcessingError: '4000000000000119',
  chargeCustomerFail: '4000000000000341',
  avsFail: '4000000000000010',
  avsLine1Fail: '4000000000000028',
  avsZipFail: '4000000000000036',
  cvcCheckFail: '4000000000000101',
};

const DECLINES: Record<Decline, { code: string; message: string; param?: string; model: string }> = {
  generic_decline: { code: 'card_declined', message: 'Your card was declined.', model: 'card declined' },
  insufficient_funds: {
    code: 'card_declined',
    message: 'Your card has insufficient funds.',
    model: 'card declined (insufficient funds)',
  },
  lost_card: {
    code: 'card_declined',
    message: 'Your card was declined.',
    model: 'card declined (lost card)',
  },
  stolen_card: {
    code: 'card_declined',
    message: 'Your card was declined.',
    model: 'card declined (stolen card)',
  },
  expired_card: {
    code: 'expired_card',
    message: 'Your card has expired.',
    param: 'exp_month',
    model: 'card expired',
  },
  incorrect_cvc: {
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect.",
    param: 'cvc',
    model: 'card security code does not match',
  },
  incorrect_zip: {
    code: 'incorrect_zip',
    message: "Your card's zip code is incorrect.",
    param: 'address_zip',
    model: 'billing address does not match the card',
  },
  processing_error: {
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little bit.',
    model: 'payment provider timed out',
  },
};

/** The Luhn check every real card number passes. */
export function luhn(pan: string): boolean {
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = pan.charCodeAt(pan.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function brandOf(pan: string): string {
  if (pan.startsWith('4')) return 'visa';
  if (/^(5[1-5]|2[2-7])/.test(pan)) return 'mastercard';
  if (/^3[47]/.test(pan)) return 'amex';
  if (/^6(011|5)/.test(pan)) return 'discover';
  return 'unknown';
}

function cardFor(pan: string): TestCard {
  return TEST_CARDS[pan] ?? { brand: brandOf(pan), funding: 'credit' };
}

// ---------------------------------------------------------------------------------------------
// State, ids and lookups

const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/** Minor units (what the API speaks) to the major units of the model's money counters. */
/** Major units (dollars) to the API's minor units (cents); zero-decimal currencies as they are. */
export function toMinor(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency.toLowerCase()) ? Math.round(amount) : Math.round(amount * 100);
}

export function toMajor(amount: number, currency: string): number {
  return ZERO_DECIMAL.has(currency) ? amount : amount / 100;
}

function money(amount: number, currency: string): string {
  return formatMoney(toMajor(amount, currency), currency.toUpperCase());
}

const secs = (ms: number) => Math.floor(ms / 1000);

/** The billing state of a world, created (and the merchant's catalogue priced) on first use. */
export function billingOf(world: World, env: RunEnv): Billing {
  const own = ownBilling(world);
  if (own) return own;
  const b: Billing = {
    customers: {},
    paymentMethods: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    products: {},
    prices: {},
    subscriptions: {},
    invoices: {},
    cards: {},
    intentInvoice: {},
    invoiceIntent: {},
    renewal: {},
    declineOn: { avs: false, cvc: false },
  };
  world.billing = b;
  seedCatalogue(world, env, b);
  return b;
}

/** Products and prices for the merchant's products: `prod_<id>`, `price_<id>` (lookup key `<id>`). */
function seedCatalogue(world: World, env: RunEnv, b: Billing): void {
  const currency = env.currency.toLowerCase();
  for (const p of env.profile.products) {
    const product = makeProduct(world, { id: `prod_${p.id}`, name: p.name, metadata: { product: p.id } });
    b.products[product.id] = product;
    const recurring =
      p.kind === 'subscription' || (p.kind === 'membership' && p.term) ? termRecurring(p.term) : null;
    const add = (id: string, lookup: string, major: number) => {
      const unit = ZERO_DECIMAL.has(currency) ? Math.round(major) : Math.round(major * 100);
      b.prices[id] = makePrice(world, {
        id,
        currency,
        product: product.id,
        unit_amount: unit,
        recurring,
        lookup_key: lookup,
        metadata: { product: p.id },
      });
    };
    add(`price_${p.id}`, p.id, p.price);
    if (recurring && p.renewalPrice !== undefined && p.renewalPrice !== p.price)
      add(`price_${p.id}_renewal`, `${p.id}-renewal`, p.renewalPrice);
  }
}

function termRecurring(term: string | undefined): Recurring {
  const spec = parseDuration(term ?? 'P365D');
  const days = spec.kind === 'elapsed' ? Math.round(spec.ms / DAY) : 365;
  if (days === 365) return { interval: 'year', interval_count: 1 };
  if (days % 7 === 0) return { interval: 'week', interval_count: days / 7 };
  return { interval: 'day', interval_count: Math.max(1, days) };
}

/** The end of a billing period that starts at `from` (calendar months and years, in UTC). */
export function addInterval(from: number, r: Recurring): number {
  if (r.interval === 'day') return from + r.interval_count * DAY;
  if (r.interval === 'week') return from + 7 * r.interval_count * DAY;
  const months = r.interval === 'month' ? r.interval_count : 12 * r.interval_count;
  const d = new Date(from);
  const day = d.getUTCDate();
  const target = new Date(from);
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.getTime();
}

const NAMES: Record<string, string> = {
  customers: 'customer',
  paymentMethods: 'PaymentMethod',
  paymentIntents: 'payment_intent',
  charges: 'charge',
  refunds: 'refund',
  products: 'product',
  prices: 'price',
  subscriptions: 'subscription',
  invoices: 'invoice',
};

type Collection =
  | 'customers'
  | 'paymentMethods'
  | 'paymentIntents'
  | 'charges'
  | 'refunds'
  | 'products'
  | 'prices'
  | 'subscriptions'
  | 'invoices';

/** An object by id; a missing one is Stripe's resource_missing (404 for the path, 400 for a param). */
export function lookup<C extends Collection>(
  b: Billing,
  collection: C,
  id: string,
  param = 'id',
): Billing[C][string] {
  const found = b[collection][id] as Billing[C][string] | undefined;
  if (!found)
    throw invalidRequest(
      `No such ${NAMES[collection]}: '${id}'`,
      'resource_missing',
      param,
      param === 'id' ? 404 : 400,
    );
  return found;
}

/** Collection an id belongs to, by its prefix (for `expand`). */
export function collectionOfId(id: string): Collection | undefined {
  const prefix = id.slice(0, id.indexOf('_') + 1);
  switch (prefix) {
    case 'cus_':
      return 'customers';
    case 'pm_':
      return 'paymentMethods';
    case 'pi_':
      return 'paymentIntents';
    case 'ch_':
      return 'charges';
    case 're_':
      return 'refunds';
    case 'prod_':
      return 'products';
    case 'price_':
      return 'prices';
    case 'sub_':
      return 'subscriptions';
    case 'in_':
      return 'invoices';
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Customers

export interface CustomerParams {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
  metadata?: Metadata | null;
  payment_method?: string;
  source?: string;
  invoice_settings?: { default_payment_method?: string };
}

export function createCustomer(world: World, env: RunEnv, p: CustomerParams): Customer {
  const b = billingOf(world, env);
  const customer: Customer = {
    id: nextId(world, 'cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: secs(world.now),
    currency: null,
    default_source: null,
    delinquent: false,
    description: p.description ?? null,
    discount: null,
    email: p.email ?? null,
    invoice_prefix: `SBX${world.seq}`,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: p.metadata ?? {},
    name: p.name ?? null,
    next_invoice_sequence: 1,
    phone: p.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  b.customers[customer.id] = customer;
  let settings = p.invoice_settings;
  if (p.payment_method) {
    const pm = attachPaymentMethod(world, env, p.payment_method, customer.id, 'payment_method');
    // A test id named twice in one request (`pm_card_visa` as payment_method and as the
    // default) is one card, as Stripe makes it.
    if (settings?.default_payment_method === p.payment_method)
      settings = { ...settings, default_payment_method: pm.id };
  }
  applyCustomer(world, env, customer, { ...p, ...(settings ? { invoice_settings: settings } : {}) });
  return customer;
}

function applyCustomer(world: World, env: RunEnv, c: Customer, p: CustomerParams): void {
  if (p.source) {
    const pm = resolvePaymentMethod(world, env, p.source, 'source');
    pm.customer = c.id;
    c.default_source = pm.id;
  }
  const dpm = p.invoice_settings?.default_payment_method;
  if (dpm !== undefined) {
    if (dpm === '') c.invoice_settings.default_payment_method = null;
    else {
      const pm = ownPaymentMethod(world, env, dpm, c.id, 'invoice_settings[default_payment_method]');
      if (pm.customer !== c.id)
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${dpm}. The payment method must be attached to the customer.`,
          'resource_missing',
          'invoice_settings[default_payment_method]',
        );
      c.invoice_settings.default_payment_method = pm.id;
    }
  }
}

export function updateCustomer(world: World, env: RunEnv, id: string, p: CustomerParams): Customer {
  const c = liveCustomer(world, env, id, 'id');
  if (p.email !== undefined) c.email = p.email || null;
  if (p.name !== undefined) c.name = p.name || null;
  if (p.description !== undefined) c.description = p.description || null;
  if (p.phone !== undefined) c.phone = p.phone || null;
  if (p.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, p.metadata);
  applyCustomer(world, env, c, p);
  return c;
}

/** Deleting a customer cancels their subscriptions, as Stripe does. */
export function deleteCustomer(
  world: World,
  env: RunEnv,
  id: string,
): { id: string; object: 'customer'; deleted: true } {
  const c = liveCustomer(world, env, id, 'id');
  for (const s of Object.values(billingOf(world, env).subscriptions))
    if (s.customer === c.id && s.status !== 'canceled' && s.status !== 'incomplete_expired')
      cancelSubscription(world, env, s.id);
  c.deleted = true;
  return { id: c.id, object: 'customer', deleted: true };
}

export function liveCustomer(world: World, env: RunEnv, id: string, param: string): Customer {
  const c = lookup(billingOf(world, env), 'customers', id, param);
  if (c.deleted)
    throw invalidRequest(`No such customer: '${id}'`, 'resource_missing', param, param === 'id' ? 404 : 400);
  return c;
}

/** Stripe's metadata update: keys merge, an empty value deletes a key. */
export function mergeMetadata(old: Metadata, update: Metadata | null): Metadata {
  if (update === null) return {};
  const out = { ...old };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Payment methods

export interface CardParams {
  number?: string;
  exp_month?: number;
  exp_year?: number;
  cvc?: string;
  token?: string;
}

export interface PaymentMethodParams {
  type?: string;
  card?: CardParams;
  billing_details?: { name?: string; email?: string; phone?: string; address?: Record<string, string> };
  metadata?: Metadata | null;
}

function cardError(
  d: { code: string; message: string; param?: string },
  extra: Partial<StripeErrorBody> = {},
): BillingError {
  return new BillingError(402, {
    type: 'card_error',
    code: d.code,
    doc_url: `${DOCS}/${d.code.replace(/_/g, '-')}`,
    message: d.message,
    ...(d.param ? { param: d.param } : {}),
    ...extra,
  });
}

export function createPaymentMethod(world: World, env: RunEnv, p: PaymentMethodParams): PaymentMethod {
  if (p.type === undefined)
    throw invalidRequest('Missing required param: type.', 'parameter_missing', 'type');
  if (p.type !== 'card')
    throw invalidRequest(
      `The payment method type provided: ${p.type} is invalid. The sandbox supports: card.`,
      'parameter_invalid_empty',
      'type',
    );
  const card = p.card;
  if (!card) throw invalidRequest('Missing required param: card.', 'parameter_missing', 'card');
  if (card.token !== undefined) {
    const pan = TEST_CARD_NAMES[card.token.replace(/^tok_/, '')];
    if (!pan || !card.token.startsWith('tok_'))
      throw invalidRequest(`No such token: '${card.token}'`, 'resource_missing', 'card[token]');
    return makePaymentMethod(world, env, pan, true, p);
  }
  if (card.number === undefined)
    throw invalidRequest('Missing required param: card[number].', 'parameter_missing', 'card[number]');
  const pan = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(pan) || !luhn(pan))
    throw cardError({ code: 'incorrect_number', message: 'Your card number is incorrect.', param: 'number' });
  if (card.exp_month === undefined)
    throw invalidRequest('Missing required param: card[exp_month].', 'parameter_missing', 'card[exp_month]');
  if (card.exp_year === undefined)
    throw invalidRequest('Missing required param: card[exp_year].', 'parameter_missing', 'card[exp_year]');
  if (card.exp_month < 1 || card.exp_month > 12)
    throw cardError({
      code: 'invalid_expiry_month',
      message: "Your card's expiration month is invalid.",
      param: 'exp_month',
    });
  const now = new Date(world.now);
  const year = card.exp_year < 100 ? 2000 + card.exp_year : card.exp_year;
  if (
    year < now.getUTCFullYear() ||
    (year === now.getUTCFullYear() && card.exp_month < now.getUTCMonth() + 1)
  )
    throw cardError({
      code: 'invalid_expiry_year',
      message: "Your card's expiration year is invalid.",
      param: 'exp_year',
    });
  if (card.cvc !== undefined && !/^\d{3,4}$/.test(card.cvc))
    throw cardError({ code: 'invalid_cvc', message: "Your card's security code is invalid.", param: 'cvc' });
  return makePaymentMethod(world, env, pan, card.cvc !== undefined, p, card.exp_month, year);
}

function makePaymentMethod(
  world: World,
  env: RunEnv,
  pan: string,
  cvcGiven: boolean,
  p: PaymentMethodParams,
  expMonth = 12,
  expYear = new Date(world.now).getUTCFullYear() + 3,
): PaymentMethod {
  const b = billingOf(world, env);
  const tc = cardFor(pan);
  const address = {
    city: null,
    country: null,
    line1: null,
    line2: null,
    postal_code: null,
    state: null,
    ...p.billing_details?.address,
  };
  const pm: PaymentMethod = {
    id: nextId(world, 'pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: {
      address,
      email: p.billing_details?.email ?? null,
      name: p.billing_details?.name ?? null,
      phone: p.billing_details?.phone ?? null,
      tax_id: null,
    },
    card: {
      brand: tc.brand,
      checks: {
        address_line1_check: null,
        address_postal_code_check: null,
        cvc_check: cvcGiven ? 'unchecked' : null,
      },
      country: 'US',
      display_brand: tc.brand,
      exp_month: expMonth,
      exp_year: expYear,
      fingerprint: `fp${pan.slice(-8)}`,
      funding: tc.funding,
      generated_from: null,
      last4: pan.slice(-4),
      networks: { available: [tc.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: secs(world.now),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: p.metadata ?? {},
    type: 'card',
  };
  b.paymentMethods[pm.id] = pm;
  b.cards[pm.id] = {
    pan,
    cvcGiven,
    addressGiven: Boolean(address.line1 || address.postal_code),
  };
  return pm;
}

/**
 * A payment method by id. Stripe's test ids (`pm_card_visa`, `tok_chargeDeclined`, …) make a
 * new payment method each time they are used, as Stripe does.
 */
export function resolvePaymentMethod(world: World, env: RunEnv, id: string, param: string): PaymentMethod {
  const b = billingOf(world, env);
  const found = b.paymentMethods[id];
  if (found) return found;
  const magic = TEST_PAYMENT_METHOD.exec(id);
  const pan = magic ? TEST_CARD_NAMES[magic[1]!] : undefined;
  if (pan) return makePaymentMethod(world, env, pan, true, {});
  throw invalidRequest(
    `No such PaymentMethod: '${id}'`,
    'resource_missing',
    param,
    param === 'id' ? 404 : 400,
  );
}

/**
 * A payment method a customer's or subscription's default can name: a stored one, or a test id
 * (`pm_card_visa`), which makes a card and attaches it to the customer, as Stripe does.
 */
function ownPaymentMethod(
  world: World,
  env: RunEnv,
  id: string,
  customerId: string,
  param: string,
): PaymentMethod {
  if (billingOf(world, env).paymentMethods[id] || !TEST_PAYMENT_METHOD.test(id))
    return lookup(billingOf(world, env), 'paymentMethods', id, param);
  return attachPaymentMethod(world, env, id, customerId, param);
}

export function attachPaymentMethod(
  world: World,
  env: RunEnv,
  id: string,
  customerId: string,
  param = 'id',
): PaymentMethod {
  const pm = resolvePaymentMethod(world, env, id, param);
  const c = liveCustomer(world, env, customerId, 'customer');
  if (pm.customer && pm.customer !== c.id)
    throw invalidRequest(
      'The payment method you provided has already been attached to a customer.',
      'payment_method_unexpected_state',
      param === 'id' ? undefined : param,
    );
  const card = billingOf(world, env).cards[pm.id];
  if (card && TEST_CARDS[card.pan]?.decline && !TEST_CARDS[card.pan]?.failsOnCharge) {
    // Attaching runs a card check: a card that always declines cannot be saved.
    const d = DECLINES[TEST_CARDS[card.pan]!.decline!];
    throw cardError(d, { decline_code: TEST_CARDS[card.pan]!.decline! });
  }
  pm.customer = c.id;
  return pm;
}

export function detachPaymentMethod(world: World, env: RunEnv, id: string): PaymentMethod {
  const pm = lookup(billingOf(world, env), 'paymentMethods', id);
  if (!pm.customer)
    throw invalidRequest(
      'The payment method you provided is not attached to a customer so detachment is impossible.',
      'payment_method_unexpected_state',
    );
  const c = billingOf(world, env).customers[pm.customer];
  if (c?.invoice_settings.default_payment_method === pm.id) c.invoice_settings.default_payment_method = null;
  if (c?.default_source === pm.id) c.default_source = null;
  pm.customer = null;
  return pm;
}

// ---------------------------------------------------------------------------------------------
// Payment intents and charges

export interface PaymentIntentParams {
  amount?: number;
  currency?: string;
  customer?: string;
  payment_method?: string;
  confirm?: boolean;
  capture_method?: 'automatic' | 'automatic_async' | 'manual';
  description?: string;
  metadata?: Metadata | null;
  receipt_email?: string;
  setup_future_usage?: string;
  statement_descriptor?: string;
  off_session?: boolean;
  payment_method_types?: string[];
}

const MIN_AMOUNT: Record<string, number> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
  chf: 50,
  jpy: 50,
  sek: 300,
  nok: 300,
  dkk: 250,
};
const MAX_AMOUNT = 99_999_999;

function checkAmount(amount: number, currency: string, param = 'amount'): void {
  const min = MIN_AMOUNT[currency] ?? 50;
  if (amount < min)
    throw invalidRequest(
      `Amount must be at least ${money(min, currency)} ${currency}`,
      'amount_too_small',
      param,
    );
  if (amount > MAX_AMOUNT)
    throw invalidRequest(
      `Amount must be no more than ${money(MAX_AMOUNT, currency)}`,
      'amount_too_large',
      param,
    );
}

function checkCurrency(currency: string | undefined, param = 'currency'): string {
  if (currency === undefined)
    throw invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
  const c = currency.toLowerCase();
  if (!/^[a-z]{3}$/.test(c) || !isCurrency(c))
    throw invalidRequest(`Invalid currency: ${currency}.`, 'parameter_invalid_empty', param);
  return c;
}

export function createPaymentIntent(world: World, env: RunEnv, p: PaymentIntentParams): PaymentIntent {
  const b = billingOf(world, env);
  if (p.amount === undefined)
    throw invalidRequest('Missing required param: amount.', 'parameter_missing', 'amount');
  const currency = checkCurrency(p.currency);
  checkAmount(p.amount, currency);
  const customer = p.customer ? liveCustomer(world, env, p.customer, 'customer').id : null;
  const pm = p.payment_method
    ? resolvePaymentMethod(world, env, p.payment_method, 'payment_method')
    : undefined;
  const id = nextId(world, 'pi');
  const pi: PaymentIntent = {
    id,
    object: 'payment_intent',
    amount: p.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: p.capture_method ?? 'automatic',
    client_secret: `${id}_secret_sandbox${world.seq}`,
    confirmation_method: 'automatic',
    created: secs(world.now),
    currency,
    customer,
    description: p.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: p.metadata ?? {},
    next_action: null,
    on_behalf_of: null,
    payment_method: pm?.id ?? null,
    payment_method_configuration_details: null,
    payment_method_options: {
      card: { installments: null, mandate_options: null, network: null, request_three_d_secure: 'automatic' },
    },
    payment_method_types: p.payment_method_types ?? ['card'],
    processing: null,
    receipt_email: p.receipt_email ?? null,
    review: null,
    setup_future_usage: p.setup_future_usage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: p.statement_descriptor ?? null,
    statement_descriptor_suffix: null,
    status: pm ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
  b.paymentIntents[id] = pi;
  if (p.confirm) return confirmPaymentIntent(world, env, id, {});
  return pi;
}

export function updatePaymentIntent(
  world: World,
  env: RunEnv,
  id: string,
  p: PaymentIntentParams,
): PaymentIntent {
  const pi = lookup(billingOf(world, env), 'paymentIntents', id);
  if (pi.status === 'succeeded' || pi.status === 'canceled' || pi.status === 'processing')
    throw unexpectedState(pi, 'update');
  if (p.currency !== undefined) pi.currency = checkCurrency(p.currency);
  if (p.amount !== undefined) {
    checkAmount(p.amount, pi.currency);
    pi.amount = p.amount;
  }
  if (p.customer !== undefined) pi.customer = liveCustomer(world, env, p.customer, 'customer').id;
  if (p.payment_method !== undefined) {
    pi.payment_method = resolvePaymentMethod(world, env, p.payment_method, 'payment_method').id;
    pi.status = 'requires_confirmation';
  }
  if (p.description !== undefined) pi.description = p.description || null;
  if (p.receipt_email !== undefined) pi.receipt_email = p.receipt_email || null;
  if (p.metadata !== undefined) pi.metadata = mergeMetadata(pi.metadata, p.metadata);
  if (p.capture_method !== undefined) pi.capture_method = p.capture_method;
  return pi;
}

const CONFIRMABLE = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const CANCELABLE = [
  'requires_payment_method',
  'requires_capture',
  'requires_confirmation',
  'requires_action',
  'processing',
];

function unexpectedState(pi: PaymentIntent, verb: 'confirm' | 'capture' | 'cancel' | 'update'): BillingError {
  const allowed =
    verb === 'confirm'
      ? CONFIRMABLE
      : verb === 'capture'
        ? ['requires_capture']
        : verb === 'cancel'
          ? CANCELABLE
          : ['requires_payment_method', 'requires_confirmation', 'requires_action', 'requires_capture'];
  const what = verb === 'update' ? 'update' : verb;
  return new BillingError(400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    doc_url: `${DOCS}/payment-intent-unexpected-state`,
    message: `You cannot ${what} this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be ${verb === 'update' ? 'updated' : verb === 'cancel' ? 'canceled' : `${verb}ed`}: ${allowed.join(', ')}.`,
    payment_intent: structuredClone(plain(pi)),
  });
}

/** What a charge attempt came to, in the API's terms. */
interface Attempt {
  charge: ChargeObject;
  /** The card error, when the charge failed. */
  error?: StripeErrorBody;
}

/**
 * Charge a payment method: the model decides (card, then faults), this records the charge
 * object the API shows. Shared by payment intents, legacy charges and invoices.
 */
function attemptCharge(
  world: World,
  env: RunEnv,
  pm: PaymentMethod,
  amount: number,
  currency: string,
  opts: {
    customer: string | null;
    paymentIntent: string | null;
    capture: boolean;
    description?: string | null;
    metadata?: Metadata | null;
    receiptEmail?: string | null;
    ref: { orderId?: string; subscriptionId?: string };
  },
): Attempt {
  const b = billingOf(world, env);
  const card = b.cards[pm.id] ?? { pan: '4242424242424242', cvcGiven: true, addressGiven: false };
  const tc = cardFor(card.pan);
  const failOf = (kind: HookResults['payment']['failure'], message: string): HookResults['payment'] => ({
    failure: kind,
    message,
  });
  let own: CardAnswer['failure'];
  if (tc.decline)
    own = failOf(tc.decline === 'processing_error' ? 'timeout' : 'declined', DECLINES[tc.decline].model);
  else if (tc.line1 || tc.zip) own = failOf('avs-mismatch', DECLINES.incorrect_zip.model);
  else if (tc.cvc && card.cvcGiven) own = failOf('cvc-mismatch', DECLINES.incorrect_cvc.model);
  const auth = settle(
    world,
    env,
    toMajor(amount, currency),
    opts.ref,
    { last4: pm.card.last4, ...(own ? { failure: own } : {}) },
    currency.toUpperCase(),
    b.declineOn,
    {
      ...(opts.paymentIntent ? { paymentIntent: opts.paymentIntent } : {}),
      ...(opts.customer ? { customer: opts.customer } : {}),
      card: pm.card.brand,
    },
  );
  const failure = auth.failure?.failure;
  const failed = auth.charge.status === 'failed';
  // Which decline the API reports: the fault's, else the card's own.
  let decline: Decline | undefined;
  if (failed) {
    if (auth.fault || !tc.decline)
      decline =
        failure === 'timeout'
          ? 'processing_error'
          : failure === 'avs-mismatch'
            ? 'incorrect_zip'
            : failure === 'cvc-mismatch'
              ? 'incorrect_cvc'
              : 'generic_decline';
    else decline = tc.decline;
  }
  const avsFailed = failure === 'avs-mismatch';
  const checks: CardChecks = {
    address_line1_check: avsFailed && (auth.fault || tc.line1) ? 'fail' : card.addressGiven ? 'pass' : null,
    address_postal_code_check:
      avsFailed && (auth.fault || tc.zip) ? 'fail' : card.addressGiven ? 'pass' : null,
    cvc_check: failure === 'cvc-mismatch' ? 'fail' : card.cvcGiven ? 'pass' : null,
  };
  const d = decline ? DECLINES[decline] : undefined;
  const captured = !failed && opts.capture;
  const charge: ChargeObject = {
    id: auth.charge.id,
    object: 'charge',
    amount,
    amount_captured: captured ? amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: failed ? null : `txn_${auth.charge.id.slice(3)}`,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: 'SANDBOX',
    captured,
    created: secs(world.now),
    currency,
    customer: opts.customer,
    description: opts.description ?? null,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: d?.code ?? null,
    failure_message: d?.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: opts.metadata ?? {},
    on_behalf_of: null,
    outcome: failed
      ? {
          network_status: 'declined_by_network',
          reason: decline,
          risk_level: 'normal',
          seller_message: 'The bank did not return any further details with this decline.',
          type: 'issuer_declined',
        }
      : {
          network_status: 'approved_by_network',
          reason: null,
          risk_level: 'normal',
          seller_message: 'Payment complete.',
          type: 'authorized',
        },
    paid: !failed,
    payment_intent: opts.paymentIntent,
    payment_method: pm.id,
    payment_method_details: {
      type: 'card',
      card: {
        brand: pm.card.brand,
        checks,
        country: pm.card.country,
        exp_month: pm.card.exp_month,
        exp_year: pm.card.exp_year,
        fingerprint: pm.card.fingerprint,
        funding: pm.card.funding,
        last4: pm.card.last4,
        network: pm.card.brand,
        three_d_secure: null,
        wallet: null,
      },
    },
    receipt_email: opts.receiptEmail ?? null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: failed ? 'failed' : 'succeeded',
    transfer_data: null,
    transfer_group: null,
  };
  b.charges[charge.id] = charge;
  pm.card.checks = { ...checks };
  if (!failed || !d) return { charge };
  return {
    charge,
    error: {
      type: 'card_error',
      code: d.code,
      decline_code: decline,
      doc_url: `${DOCS}/${d.code.replace(/_/g, '-')}`,
      message: d.message,
      ...(d.param ? { param: d.param } : {}),
      charge: charge.id,
    },
  };
}

function orderRef(metadata: Metadata): { orderId?: string } {
  const orderId = metadata.order_id ?? metadata.orderId ?? metadata.order;
  return orderId ? { orderId } : {};
}

export interface ConfirmParams {
  payment_method?: string;
  receipt_email?: string;
  off_session?: boolean;
}

export function confirmPaymentIntent(world: World, env: RunEnv, id: string, p: ConfirmParams): PaymentIntent {
  const b = billingOf(world, env);
  const pi = lookup(b, 'paymentIntents', id);
  if (!CONFIRMABLE.includes(pi.status)) throw unexpectedState(pi, 'confirm');
  if (p.payment_method !== undefined)
    pi.payment_method = resolvePaymentMethod(world, env, p.payment_method, 'payment_method').id;
  if (p.receipt_email !== undefined) pi.receipt_email = p.receipt_email || null;
  if (!pi.payment_method)
    throw invalidRequest(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      'payment_intent_unexpected_state',
    );
  const pm = lookup(b, 'paymentMethods', pi.payment_method, 'payment_method');
  if (pi.customer && pm.customer && pm.customer !== pi.customer)
    throw invalidRequest(
      `The provided PaymentMethod belongs to a different Customer (${pm.customer}) than the PaymentIntent's Customer (${pi.customer}).`,
      'payment_method_unexpected_state',
      'payment_method',
    );
  const invoice = b.intentInvoice[pi.id];
  const subscription = invoice ? (b.invoices[invoice]?.subscription as string | undefined) : undefined;
  const attempt = attemptCharge(world, env, pm, pi.amount, pi.currency, {
    customer: pi.customer,
    paymentIntent: pi.id,
    capture: pi.capture_method !== 'manual',
    description: pi.description as string | null,
    metadata: pi.metadata,
    receiptEmail: pi.receipt_email as string | null,
    ref: subscription ? { subscriptionId: subscription } : orderRef(pi.metadata),
  });
  pi.latest_charge = attempt.charge.id;
  if (attempt.error) {
    pi.status = 'requires_payment_method';
    pi.last_payment_error = { ...attempt.error, payment_method: structuredClone(plain(pm)) };
    if (invoice) invoiceFailed(world, env, invoice);
    throw new BillingError(402, {
      ...attempt.error,
      payment_intent: structuredClone(plain(pi)),
      payment_method: structuredClone(plain(pm)),
    });
  }
  pi.last_payment_error = null;
  if (pi.capture_method === 'manual') {
    pi.status = 'requires_capture';
    pi.amount_capturable = pi.amount;
  } else {
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    if (invoice) invoicePaid(world, env, invoice);
  }
  return pi;
}

export function capturePaymentIntent(
  world: World,
  env: RunEnv,
  id: string,
  p: { amount_to_capture?: number },
): PaymentIntent {
  const b = billingOf(world, env);
  const pi = lookup(b, 'paymentIntents', id);
  if (pi.status !== 'requires_capture') throw unexpectedState(pi, 'capture');
  const amount = p.amount_to_capture ?? pi.amount_capturable;
  if (amount > pi.amount_capturable || amount <= 0)
    throw invalidRequest(
      `The amount to capture (${amount}) must be positive and at most the capturable amount (${pi.amount_capturable}).`,
      'amount_too_large',
      'amount_to_capture',
    );
  const charge = lookup(b, 'charges', pi.latest_charge!, 'charge');
  charge.captured = true;
  charge.amount_captured = amount;
  pi.amount_received = amount;
  pi.amount_capturable = 0;
  pi.status = 'succeeded';
  // The uncaptured rest goes back to the card, as Stripe shows it: refunded, not captured.
  if (amount < charge.amount)
    returnMoney(world, charge, charge.amount - amount, 'the rest of the authorisation was released');
  return pi;
}

export function cancelPaymentIntent(
  world: World,
  env: RunEnv,
  id: string,
  p: { cancellation_reason?: string },
): PaymentIntent {
  const b = billingOf(world, env);
  const pi = lookup(b, 'paymentIntents', id);
  if (!CANCELABLE.includes(pi.status)) throw unexpectedState(pi, 'cancel');
  if (pi.status === 'requires_capture' && pi.latest_charge) {
    const charge = b.charges[pi.latest_charge]!;
    returnMoney(world, charge, charge.amount, 'the authorisation was released');
    pi.amount_capturable = 0;
  }
  pi.status = 'canceled';
  pi.canceled_at = secs(world.now);
  pi.cancellation_reason = p.cancellation_reason ?? null;
  return pi;
}

export interface ChargeParams {
  amount?: number;
  currency?: string;
  customer?: string;
  source?: string;
  capture?: boolean;
  description?: string;
  metadata?: Metadata | null;
  receipt_email?: string;
}

/** The legacy Charges API: charge a source (or the customer's default) at once. */
export function createCharge(world: World, env: RunEnv, p: ChargeParams): ChargeObject {
  if (p.amount === undefined)
    throw invalidRequest('Missing required param: amount.', 'parameter_missing', 'amount');
  const currency = checkCurrency(p.currency);
  checkAmount(p.amount, currency);
  const customer = p.customer ? liveCustomer(world, env, p.customer, 'customer') : undefined;
  const sourceId = p.source ?? customer?.default_source ?? customer?.invoice_settings.default_payment_method;
  if (!sourceId)
    throw invalidRequest(
      customer ? 'Cannot charge a customer that has no active card' : 'Must provide source or customer.',
      'missing',
      customer ? 'card' : undefined,
    );
  const pm = resolvePaymentMethod(world, env, sourceId, 'source');
  const attempt = attemptCharge(world, env, pm, p.amount, currency, {
    customer: customer?.id ?? null,
    paymentIntent: null,
    capture: p.capture !== false,
    description: p.description ?? null,
    metadata: p.metadata ?? {},
    receiptEmail: p.receipt_email ?? null,
    ref: orderRef(p.metadata ?? {}),
  });
  if (attempt.error) throw new BillingError(402, attempt.error);
  return attempt.charge;
}

// ---------------------------------------------------------------------------------------------
// Refunds

export interface RefundParams {
  charge?: string;
  payment_intent?: string;
  amount?: number;
  reason?: string;
  metadata?: Metadata | null;
}

/** Give money back on a charge: the world's charge and the customer's counters move with it. */
function returnMoney(world: World, charge: ChargeObject, amount: number, why: string): void {
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  const modelCharge = world.charges.find((c) => c.id === charge.id);
  const major = toMajor(amount, charge.currency);
  if (modelCharge && charge.refunded) modelCharge.status = 'refunded';
  world.customer.refunded += major;
  record(world, {
    actor: 'payment',
    kind: 'payment.refunded',
    text: `${money(amount, charge.currency)} was refunded to the card (${why}).`,
    data: {
      charge: charge.id,
      amount: major,
      ...(modelCharge?.orderId ? { orderId: modelCharge.orderId } : {}),
      ...(charge.payment_intent ? { paymentIntent: charge.payment_intent } : {}),
      ...(charge.refunded ? {} : { partial: true }),
    },
  });
}

export function createRefund(world: World, env: RunEnv, p: RefundParams): Refund {
  const b = billingOf(world, env);
  let charge: ChargeObject;
  if (p.charge !== undefined) charge = lookup(b, 'charges', p.charge, 'charge');
  else if (p.payment_intent !== undefined) {
    const pi = lookup(b, 'paymentIntents', p.payment_intent, 'payment_intent');
    const latest = pi.latest_charge ? b.charges[pi.latest_charge] : undefined;
    if (!latest || pi.status !== 'succeeded')
      throw invalidRequest(
        `This PaymentIntent (${pi.id}) does not have a successful charge to refund.`,
        'charge_not_refundable',
        'payment_intent',
      );
    charge = latest;
  } else
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
      'parameter_missing',
    );
  if (charge.status !== 'succeeded' || !charge.captured)
    throw invalidRequest(
      `Charge ${charge.id} cannot be refunded: it has not succeeded.`,
      'charge_not_refundable',
      'charge',
    );
  const remaining = charge.amount_captured - charge.amount_refunded;
  if (remaining <= 0)
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
  const amount = p.amount ?? remaining;
  if (amount <= 0) throw invalidRequest('Invalid positive integer', 'parameter_invalid_integer', 'amount');
  if (amount > remaining)
    throw invalidRequest(
      `Refund amount (${money(amount, charge.currency)}) is greater than unrefunded amount on charge (${money(remaining, charge.currency)})`,
      'amount_too_large',
      'amount',
    );
  returnMoney(world, charge, amount, p.reason ? p.reason.replace(/_/g, ' ') : 'refund requested');
  const refund: Refund = {
    id: nextId(world, 're'),
    object: 'refund',
    amount,
    balance_transaction: null,
    charge: charge.id,
    created: secs(world.now),
    currency: charge.currency,
    destination_details: { card: { type: 'refund' }, type: 'card' },
    metadata: p.metadata ?? {},
    payment_intent: charge.payment_intent,
    reason: p.reason ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
  b.refunds[refund.id] = refund;
  return refund;
}

// ---------------------------------------------------------------------------------------------
// Products and prices

export interface ProductParams {
  id?: string;
  name?: string;
  description?: string;
  active?: boolean;
  metadata?: Metadata | null;
}

function makeProduct(world: World, p: ProductParams & { name: string }): Product {
  return {
    id: p.id ?? nextId(world, 'prod'),
    object: 'product',
    active: p.active ?? true,
    created: secs(world.now),
    default_price: null,
    description: p.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: p.metadata ?? {},
    name: p.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: secs(world.now),
    url: null,
  };
}

export function createProduct(world: World, env: RunEnv, p: ProductParams): Product {
  const b = billingOf(world, env);
  if (!p.name) throw invalidRequest('Missing required param: name.', 'parameter_missing', 'name');
  if (p.id !== undefined && b.products[p.id])
    throw invalidRequest(`Product already exists.`, 'resource_already_exists', 'id');
  const product = makeProduct(world, { ...p, name: p.name });
  b.products[product.id] = product;
  return product;
}

export interface PriceParams {
  currency?: string;
  unit_amount?: number;
  product?: string;
  product_data?: { name?: string; metadata?: Metadata };
  recurring?: { interval?: string; interval_count?: number };
  lookup_key?: string;
  nickname?: string;
  active?: boolean;
  metadata?: Metadata | null;
}

function makePrice(
  world: World,
  p: {
    id?: string;
    currency: string;
    product: string;
    unit_amount: number;
    recurring: Recurring | null;
    lookup_key?: string | null;
    nickname?: string | null;
    metadata?: Metadata;
  },
): Price {
  return {
    id: p.id ?? nextId(world, 'price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: secs(world.now),
    currency: p.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: p.lookup_key ?? null,
    metadata: p.metadata ?? {},
    nickname: p.nickname ?? null,
    product: p.product,
    recurring: p.recurring
      ? { meter: null, trial_period_days: null, usage_type: 'licensed', ...p.recurring }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: p.recurring ? 'recurring' : 'one_time',
    unit_amount: p.unit_amount,
    unit_amount_decimal: String(p.unit_amount),
  };
}

function checkRecurring(r: PriceParams['recurring'], param: string): Recurring | null {
  if (r === undefined) return null;
  if (r.interval === undefined)
    throw invalidRequest(
      `Missing required param: ${param}[interval].`,
      'parameter_missing',
      `${param}[interval]`,
    );
  if (!['day', 'week', 'month', 'year'].includes(r.interval))
    throw invalidRequest(
      `Invalid ${param}[interval]: must be one of day, month, week, or year`,
      'parameter_invalid_empty',
      `${param}[interval]`,
    );
  const count = r.interval_count ?? 1;
  const max = { day: 1095, week: 156, month: 36, year: 3 }[r.interval as Recurring['interval']];
  if (count < 1 || count > max)
    throw invalidRequest(
      `Invalid ${param}[interval_count]: must be between 1 and ${max}`,
      undefined,
      `${param}[interval_count]`,
    );
  return { interval: r.interval as Recurring['interval'], interval_count: count };
}

export function createPrice(world: World, env: RunEnv, p: PriceParams): Price {
  const b = billingOf(world, env);
  const currency = checkCurrency(p.currency);
  if (p.unit_amount === undefined)
    throw invalidRequest('Missing required param: unit_amount.', 'parameter_missing', 'unit_amount');
  let product: string;
  if (p.product !== undefined) product = lookup(b, 'products', p.product, 'product').id;
  else if (p.product_data !== undefined)
    product = createProduct(world, env, { name: p.product_data.name, metadata: p.product_data.metadata }).id;
  else throw invalidRequest('Missing required param: product.', 'parameter_missing', 'product');
  const price = makePrice(world, {
    currency,
    product,
    unit_amount: p.unit_amount,
    recurring: checkRecurring(p.recurring, 'recurring'),
    lookup_key: p.lookup_key ?? null,
    nickname: p.nickname ?? null,
    metadata: p.metadata ?? {},
  });
  if (p.active === false) price.active = false;
  b.prices[price.id] = price;
  return price;
}

// ---------------------------------------------------------------------------------------------
// Subscriptions, invoices and renewals

export interface SubscriptionItemParams {
  price?: string;
  price_data?: {
    currency?: string;
    product?: string;
    unit_amount?: number;
    recurring?: { interval?: string; interval_count?: number };
  };
  quantity?: number;
}

export interface SubscriptionParams {
  customer?: string;
  items?: SubscriptionItemParams[];
  default_payment_method?: string;
  payment_behavior?:
    | 'allow_incomplete'
    | 'error_if_incomplete'
    | 'default_incomplete'
    | 'pending_if_incomplete';
  cancel_at_period_end?: boolean;
  trial_period_days?: number;
  description?: string;
  metadata?: Metadata | null;
  collection_method?: string;
  off_session?: boolean;
}

function itemPrice(world: World, env: RunEnv, item: SubscriptionItemParams, i: number): Price {
  const b = billingOf(world, env);
  const param = `items[${i}][price]`;
  if (item.price !== undefined) {
    const price = lookup(b, 'prices', item.price, param);
    if (!price.recurring)
      throw invalidRequest(
        'The price specified is set to `type=one_time` but this field only accepts prices with `type=recurring`.',
        undefined,
        param,
      );
    return price;
  }
  const pd = item.price_data;
  if (!pd) throw invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
  const base = `items[${i}][price_data]`;
  if (!pd.product)
    throw invalidRequest(
      `Missing required param: ${base}[product].`,
      'parameter_missing',
      `${base}[product]`,
    );
  if (pd.unit_amount === undefined)
    throw invalidRequest(
      `Missing required param: ${base}[unit_amount].`,
      'parameter_missing',
      `${base}[unit_amount]`,
    );
  const recurring = checkRecurring(pd.recurring, `${base}[recurring]`);
  if (!recurring)
    throw invalidRequest(
      `Missing required param: ${base}[recurring].`,
      'parameter_missing',
      `${base}[recurring]`,
    );
  const price = makePrice(world, {
    currency: checkCurrency(pd.currency, `${base}[currency]`),
    product: lookup(b, 'products', pd.product, `${base}[product]`).id,
    unit_amount: pd.unit_amount,
    recurring,
  });
  b.prices[price.id] = price;
  return price;
}

const every = (r: Recurring) => (r.interval_count > 1 ? `${r.interval_count} ${r.interval}s` : r.interval);

function subscriptionAmount(sub: SubscriptionObject): number {
  return sub.items.data.reduce((sum, it) => sum + it.price.unit_amount * it.quantity, 0);
}

export function createSubscription(world: World, env: RunEnv, p: SubscriptionParams): SubscriptionObject {
  const b = billingOf(world, env);
  if (p.customer === undefined)
    throw invalidRequest('Missing required param: customer.', 'parameter_missing', 'customer');
  const customer = liveCustomer(world, env, p.customer, 'customer');
  if (!p.items || p.items.length === 0)
    throw invalidRequest('Missing required param: items.', 'parameter_missing', 'items');
  const prices = p.items.map((item, i) => itemPrice(world, env, item, i));
  const first = prices[0]!;
  const recurring = first.recurring!;
  for (const [i, price] of prices.entries()) {
    if (
      price.currency !== first.currency ||
      price.recurring!.interval !== recurring.interval ||
      price.recurring!.interval_count !== recurring.interval_count
    )
      throw invalidRequest(
        'Currency and interval fields must match across all plans on this subscription.',
        undefined,
        `items[${i}][price]`,
      );
  }
  const defaultPm = p.default_payment_method
    ? ownPaymentMethod(world, env, p.default_payment_method, customer.id, 'default_payment_method')
    : undefined;
  if (defaultPm && defaultPm.customer !== customer.id)
    throw invalidRequest(
      `The customer does not have a payment method with the ID ${defaultPm.id}. The payment method must be attached to the customer.`,
      'resource_missing',
      'default_payment_method',
    );
  const behaviour = p.payment_behavior ?? 'allow_incomplete';
  const pmId = defaultPm?.id ?? customer.invoice_settings.default_payment_method ?? customer.default_source;
  const trialDays = p.trial_period_days ?? 0;
  if (!pmId && behaviour !== 'default_incomplete' && trialDays === 0)
    throw invalidRequest(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method. For more information, visit https://stripe.com/docs/billing/subscriptions/payment-methods-setting#payment-method-priority.',
      'resource_missing',
    );
  const id = nextId(world, 'sub');
  const start = world.now;
  const end = trialDays > 0 ? start + trialDays * DAY : addInterval(start, recurring);
  const sub: SubscriptionObject = {
    id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_cycle_anchor: secs(end),
    billing_cycle_anchor_config: null,
    billing_mode: { flexible: null, type: 'classic' },
    billing_thresholds: null,
    cancel_at: null,
    cancel_at_period_end: p.cancel_at_period_end ?? false,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: 'charge_automatically',
    created: secs(start),
    currency: first.currency,
    customer: customer.id,
    customer_account: null,
    days_until_due: null,
    default_payment_method: defaultPm?.id ?? null,
    default_source: null,
    default_tax_rates: [],
    description: p.description ?? null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: {
      object: 'list',
      data: prices.map((price, i) => ({
        id: nextId(world, 'si'),
        object: 'subscription_item',
        billing_thresholds: null,
        created: secs(start),
        current_period_end: secs(end),
        current_period_start: secs(start),
        discounts: [],
        metadata: {},
        plan: null,
        price,
        quantity: p.items![i]!.quantity ?? 1,
        subscription: id,
        tax_rates: [],
      })),
      has_more: false,
      total_count: prices.length,
      url: `/v1/subscription_items?subscription=${id}`,
    },
    latest_invoice: null,
    livemode: false,
    metadata: p.metadata ?? {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: {
      payment_method_options: null,
      payment_method_types: null,
      save_default_payment_method: 'off',
    },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: secs(start),
    status: trialDays > 0 ? 'trialing' : 'incomplete',
    test_clock: null,
    transfer_data: null,
    trial_end: trialDays > 0 ? secs(end) : null,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: trialDays > 0 ? secs(start) : null,
  };
  b.subscriptions[id] = sub;
  if (trialDays > 0) {
    const invoice = makeInvoice(world, env, sub, 0, 'subscription_create', start, end);
    invoicePaid(world, env, invoice.id);
    sub.status = 'trialing';
  } else {
    const invoice = makeInvoice(world, env, sub, subscriptionAmount(sub), 'subscription_create', start, end);
    if (behaviour !== 'default_incomplete') {
      try {
        payInvoice(world, env, invoice.id, {});
      } catch (e) {
        if (!(e instanceof BillingError) || e.status !== 402) throw e;
        if (behaviour !== 'allow_incomplete') {
          // error_if_incomplete / pending_if_incomplete: no subscription, the card error is the answer.
          delete b.subscriptions[id];
          invoice.status = 'void';
          throw e;
        }
        // allow_incomplete: the subscription waits, incomplete, with its invoice open.
      }
    }
  }
  record(world, {
    actor: 'payment',
    kind: 'subscription.created',
    text: `A subscription of ${money(subscriptionAmount(sub), sub.currency)} every ${every(recurring)} was set up for ${customer.email ?? customer.id}${trialDays > 0 ? ` with a ${trialDays}-day trial` : ''} (${sub.status}).`,
    data: {
      subscription: id,
      customer: customer.id,
      amount: toMajor(subscriptionAmount(sub), sub.currency),
      currency: sub.currency,
      status: sub.status,
    },
  });
  scheduleRenewal(world, env, sub, end);
  return sub;
}

function makeInvoice(
  world: World,
  env: RunEnv,
  sub: SubscriptionObject,
  amount: number,
  reason: 'subscription_create' | 'subscription_cycle',
  from: number,
  until: number,
): Invoice {
  const b = billingOf(world, env);
  const customer = b.customers[sub.customer];
  const id = nextId(world, 'in');
  const invoice: Invoice = {
    id,
    object: 'invoice',
    account_country: 'US',
    account_name: env.profile.name,
    amount_due: amount,
    amount_overpaid: 0,
    amount_paid: 0,
    amount_remaining: amount,
    amount_shipping: 0,
    application: null,
    attempt_count: 0,
    attempted: false,
    auto_advance: true,
    billing_reason: reason,
    collection_method: 'charge_automatically',
    created: secs(world.now),
    currency: sub.currency,
    customer: sub.customer,
    customer_email: customer?.email ?? null,
    customer_name: customer?.name ?? null,
    default_payment_method: null,
    description: null,
    discounts: [],
    due_date: null,
    ending_balance: 0,
    hosted_invoice_url: null,
    invoice_pdf: null,
    lines: {
      object: 'list',
      data: sub.items.data.map((it) => ({
        id: `il_${id.slice(3)}_${it.id.slice(3)}`,
        object: 'line_item',
        amount: amount === 0 ? 0 : it.price.unit_amount * it.quantity,
        currency: sub.currency,
        description: `${it.quantity} × ${(b.products[it.price.product]?.name as string | undefined) ?? it.price.product}`,
        period: { end: secs(until), start: secs(from) },
        pricing: {
          price_details: { price: it.price.id, product: it.price.product },
          type: 'price_details',
          unit_amount_decimal: String(it.price.unit_amount),
        },
        quantity: it.quantity,
      })),
      has_more: false,
      url: `/v1/invoices/${id}/lines`,
    },
    livemode: false,
    metadata: {},
    number: `${(customer?.invoice_prefix as string | undefined) ?? 'SBX'}-${String(Object.keys(b.invoices).length + 1).padStart(4, '0')}`,
    parent: {
      quote_details: null,
      subscription_details: { metadata: sub.metadata, subscription: sub.id },
      type: 'subscription_details',
    },
    period_end: secs(until),
    period_start: secs(from),
    status: 'open',
    status_transitions: {
      finalized_at: secs(world.now),
      marked_uncollectible_at: null,
      paid_at: null,
      voided_at: null,
    },
    subscription: sub.id,
    subtotal: amount,
    total: amount,
  };
  b.invoices[id] = invoice;
  sub.latest_invoice = id;
  if (amount > 0) {
    const pi = createPaymentIntent(world, env, {
      amount,
      currency: sub.currency,
      customer: sub.customer,
      description: reason === 'subscription_create' ? 'Subscription creation' : 'Subscription update',
      metadata: {},
    });
    b.intentInvoice[pi.id] = id;
    b.invoiceIntent[id] = pi.id;
    invoice.payments = {
      object: 'list',
      data: [
        {
          id: `inpay_${id.slice(3)}`,
          object: 'invoice_payment',
          amount_paid: null,
          amount_requested: amount,
          currency: sub.currency,
          invoice: id,
          is_default: true,
          payment: { payment_intent: pi.id, type: 'payment_intent' },
          status: 'open',
        },
      ],
      has_more: false,
      url: `/v1/invoice_payments?invoice=${id}`,
    };
    invoice.confirmation_secret = { client_secret: pi.client_secret, type: 'payment_intent' };
  }
  return invoice;
}

/** Pay an open invoice with a payment method (or the subscription's / customer's default). */
export function payInvoice(world: World, env: RunEnv, id: string, p: { payment_method?: string }): Invoice {
  const b = billingOf(world, env);
  const invoice = lookup(b, 'invoices', id);
  if (invoice.status !== 'open')
    throw invalidRequest(`Invoice is already ${invoice.status}`, 'invoice_not_open');
  const piId = b.invoiceIntent[id];
  if (!piId) {
    invoicePaid(world, env, id);
    return invoice;
  }
  const sub = b.subscriptions[invoice.subscription as string];
  const customer = b.customers[invoice.customer];
  const pm =
    p.payment_method ??
    (b.paymentIntents[piId]!.payment_method as string | null) ??
    sub?.default_payment_method ??
    customer?.invoice_settings.default_payment_method ??
    customer?.default_source ??
    undefined;
  if (!pm)
    throw invalidRequest(
      'This customer has no attached payment source or default payment method.',
      'invoice_no_payment_method_types',
    );
  invoice.attempted = true;
  invoice.attempt_count += 1;
  confirmPaymentIntent(world, env, piId, { payment_method: pm, off_session: true });
  return invoice;
}

function invoicePaid(world: World, env: RunEnv, id: string): void {
  const b = billingOf(world, env);
  const invoice = b.invoices[id]!;
  invoice.status = 'paid';
  invoice.amount_paid = invoice.amount_due;
  invoice.amount_remaining = 0;
  (invoice.status_transitions as Record<string, unknown>).paid_at = secs(world.now);
  const payment = (invoice.payments as { data: Record<string, unknown>[] } | undefined)?.data[0];
  if (payment) {
    payment.status = 'paid';
    payment.amount_paid = invoice.amount_due;
  }
  const sub = b.subscriptions[invoice.subscription as string];
  if (
    sub &&
    (sub.status === 'incomplete' ||
      sub.status === 'past_due' ||
      sub.status === 'unpaid' ||
      sub.status === 'trialing')
  )
    sub.status = 'active';
}

function invoiceFailed(world: World, env: RunEnv, id: string): void {
  const b = billingOf(world, env);
  const invoice = b.invoices[id]!;
  const sub = b.subscriptions[invoice.subscription as string];
  if (sub && invoice.billing_reason === 'subscription_cycle' && sub.status === 'active')
    sub.status = 'past_due';
}

function scheduleRenewal(world: World, env: RunEnv, sub: SubscriptionObject, at: number): void {
  const b = billingOf(world, env);
  const generation = (b.renewal[sub.id]?.generation ?? 0) + 1;
  b.renewal[sub.id] = { at, generation };
  schedule(world, { at, type: 'payment.renewal', ref: sub.id, detail: String(generation) });
}

export interface SubscriptionUpdateParams {
  cancel_at_period_end?: boolean;
  default_payment_method?: string;
  description?: string;
  metadata?: Metadata | null;
}

export function updateSubscription(
  world: World,
  env: RunEnv,
  id: string,
  p: SubscriptionUpdateParams,
): SubscriptionObject {
  const b = billingOf(world, env);
  const sub = lookup(b, 'subscriptions', id);
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') {
    if (
      p.cancel_at_period_end !== undefined ||
      p.default_payment_method !== undefined ||
      p.description !== undefined
    )
      throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  }
  if (p.default_payment_method !== undefined) {
    const pm = ownPaymentMethod(world, env, p.default_payment_method, sub.customer, 'default_payment_method');
    if (pm.customer !== sub.customer)
      throw invalidRequest(
        `The customer does not have a payment method with the ID ${pm.id}. The payment method must be attached to the customer.`,
        'resource_missing',
        'default_payment_method',
      );
    sub.default_payment_method = pm.id;
  }
  if (p.cancel_at_period_end !== undefined && p.cancel_at_period_end !== sub.cancel_at_period_end) {
    sub.cancel_at_period_end = p.cancel_at_period_end;
    sub.cancel_at = p.cancel_at_period_end ? (sub.items.data[0]?.current_period_end ?? null) : null;
    sub.canceled_at = p.cancel_at_period_end ? secs(world.now) : null;
    record(world, {
      actor: 'payment',
      kind: p.cancel_at_period_end ? 'subscription.cancel-scheduled' : 'subscription.cancel-withdrawn',
      text: p.cancel_at_period_end
        ? `Subscription ${sub.id} was set to end at the end of its period instead of renewing.`
        : `Subscription ${sub.id} was set to renew again.`,
      data: { subscription: sub.id, customer: sub.customer },
    });
  }
  if (p.description !== undefined) sub.description = p.description || null;
  if (p.metadata !== undefined) sub.metadata = mergeMetadata(sub.metadata, p.metadata);
  return sub;
}

export function cancelSubscription(world: World, env: RunEnv, id: string): SubscriptionObject {
  const b = billingOf(world, env);
  const sub = lookup(b, 'subscriptions', id);
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired')
    throw invalidRequest(`No such subscription: '${id}'`, 'resource_missing', 'id', 404);
  sub.status = 'canceled';
  sub.canceled_at = secs(world.now);
  sub.ended_at = secs(world.now);
  sub.cancellation_details = { comment: null, feedback: null, reason: 'cancellation_requested' };
  record(world, {
    actor: 'payment',
    kind: 'subscription.cancelled',
    text: `Subscription ${sub.id} was cancelled; it will not renew.`,
    data: { subscription: sub.id, customer: sub.customer },
  });
  return sub;
}

/**
 * A subscription reached the end of its period (a `payment.renewal` event fell due): it ends
 * if it was set to, else a new period starts and its invoice is charged to the default card.
 */
export function renewalDue(world: World, env: RunEnv, ev: PendingEvent): void {
  const b = ownBilling(world);
  const sub = b?.subscriptions[ev.ref];
  if (!b || !sub || b.renewal[sub.id]?.generation !== Number(ev.detail)) return;
  if (sub.status === 'canceled' || sub.status === 'incomplete_expired') return;
  const end = b.renewal[sub.id]!.at;
  if (sub.status === 'incomplete') {
    sub.status = 'incomplete_expired';
    return;
  }
  if (sub.cancel_at_period_end) {
    sub.status = 'canceled';
    sub.ended_at = secs(end);
    sub.cancellation_details = { comment: null, feedback: null, reason: 'cancellation_requested' };
    record(world, {
      actor: 'payment',
      kind: 'subscription.cancelled',
      text: `Subscription ${sub.id} ended at the end of its period, as requested; it was not renewed.`,
      data: { subscription: sub.id, customer: sub.customer, atPeriodEnd: true },
    });
    return;
  }
  const recurring = sub.items.data[0]!.price.recurring!;
  const next = addInterval(end, recurring);
  for (const it of sub.items.data) {
    it.current_period_start = secs(end);
    it.current_period_end = secs(next);
  }
  const amount = subscriptionAmount(sub);
  const invoice = makeInvoice(world, env, sub, amount, 'subscription_cycle', end, next);
  let charge: string | undefined;
  let failure: string | undefined;
  try {
    payInvoice(world, env, invoice.id, {});
    charge = b.paymentIntents[b.invoiceIntent[invoice.id] ?? '']?.latest_charge ?? undefined;
  } catch (e) {
    if (!(e instanceof BillingError)) throw e;
    failure = e.message;
    charge = e.body.charge;
    if (sub.status === 'active' || sub.status === 'trialing') sub.status = 'past_due';
  }
  if (failure === undefined) {
    sub.status = 'active';
    record(world, {
      actor: 'payment',
      kind: 'subscription.renewed',
      text: `Subscription ${sub.id} renewed for another ${every(recurring)} at ${money(amount, sub.currency)}.`,
      data: {
        subscription: sub.id,
        customer: sub.customer,
        amount: toMajor(amount, sub.currency),
        currency: sub.currency,
        invoice: invoice.id,
        ...(charge ? { charge } : {}),
      },
    });
  } else {
    record(world, {
      actor: 'payment',
      kind: 'subscription.renewal-failed',
      text: `Subscription ${sub.id} could not be renewed: ${failure} It is past due.`,
      data: {
        subscription: sub.id,
        customer: sub.customer,
        amount: toMajor(amount, sub.currency),
        invoice: invoice.id,
        ...(charge ? { charge } : {}),
      },
    });
  }
  scheduleRenewal(world, env, sub, next);
}

onDue('payment.renewal', renewalDue);
