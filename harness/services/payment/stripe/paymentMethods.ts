/**
 * Payment methods: cards from numbers or test tokens, attached to and detached from customers.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import { nextId, type World } from '../../../core/world.ts';
import { billingOf, liveCustomer } from './account.ts';
import { cardFor, DECLINES, luhn, TEST_CARD_NAMES, TEST_CARDS, TEST_PAYMENT_METHOD } from './cards.ts';
import { BillingError, DOCS, invalidRequest } from './errors.ts';
import { lookup, secs } from './state.ts';
import type { Metadata, PaymentMethod, StripeErrorBody } from './types.ts';

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
export function ownPaymentMethod(
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
