/**
 * Payment intents: create, update, confirm, capture, cancel.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import { plain } from '../../../core/undoLog.ts';
import { nextId, type World } from '../../../core/world.ts';
import { billingOf, liveCustomer } from './account.ts';
import { attemptCharge, orderRef } from './charge.ts';
import { BillingError, DOCS, invalidRequest } from './errors.ts';
import { invoiceFailed, invoicePaid } from './invoicePayments.ts';
import { checkAmount, checkCurrency } from './money.ts';
import { resolvePaymentMethod } from './paymentMethods.ts';
import { returnMoney } from './refunds.ts';
import { lookup, mergeMetadata, secs } from './state.ts';
import type { Metadata, PaymentIntent } from './types.ts';

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
