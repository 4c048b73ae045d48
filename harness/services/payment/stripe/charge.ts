/**
 * One attempt to charge a card (the model decides, then the run's faults), and legacy charges
 * built on it.
 */
import type { HookResults } from '../../../core/fault.ts';
import type { RunEnv } from '../../../core/runEnv.ts';
import type { World } from '../../../core/world.ts';
import { type CardAnswer, settle } from '../charges.ts';
import { billingOf, liveCustomer } from './account.ts';
import { cardFor, DECLINES, type Decline } from './cards.ts';
import { BillingError, DOCS, invalidRequest } from './errors.ts';
import { checkAmount, checkCurrency, toMajor } from './money.ts';
import { resolvePaymentMethod } from './paymentMethods.ts';
import { secs } from './state.ts';
import type { CardChecks, ChargeObject, Metadata, PaymentMethod, StripeErrorBody } from './types.ts';

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
export function attemptCharge(
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

export function orderRef(metadata: Metadata): { orderId?: string } {
  const orderId = metadata.order_id ?? metadata.orderId ?? metadata.order;
  return orderId ? { orderId } : {};
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
