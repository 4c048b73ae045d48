/**
 * Subscriptions: creation with their first invoice, updates, cancellation, and renewals when a
 * period ends.
 */

import type { RunEnv } from '../../../core/runEnv.ts';
import { onDue } from '../../../core/scheduler.ts';
import { nextId, type PendingEvent, record, schedule, type World } from '../../../core/world.ts';
import { billingOf, liveCustomer, makePrice } from './account.ts';
import { checkRecurring } from './catalogue.ts';
import { BillingError, invalidRequest } from './errors.ts';
import { invoicePaid } from './invoicePayments.ts';
import { makeInvoice, payInvoice } from './invoices.ts';
import { checkCurrency, money, toMajor } from './money.ts';
import { ownPaymentMethod } from './paymentMethods.ts';
import { DAY, lookup, mergeMetadata, secs } from './state.ts';
import type { Metadata, Price, Recurring, SubscriptionObject } from './types.ts';
import { ownBilling } from './worldSlice.ts';

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
