/**
 * Invoices of a subscription: drafted with their payment intent, and paid on request.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import { nextId, type World } from '../../../core/world.ts';
import { billingOf } from './account.ts';
import { invalidRequest } from './errors.ts';
import { confirmPaymentIntent, createPaymentIntent } from './intents.ts';
import { invoicePaid } from './invoicePayments.ts';
import { lookup, secs } from './state.ts';
import type { Invoice, SubscriptionObject } from './types.ts';

export function makeInvoice(
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
