/**
 * The subscription and invoice endpoints.
 */

import { invalidRequest } from '../errors.ts';
import { payInvoice } from '../invoices.ts';
import { page } from '../listing.ts';
import {
  INVOICE_PAY,
  PAGINATION,
  PRICE_DATA,
  RECURRING,
  SUB_CANCEL,
  SUB_CREATE,
  SUB_ITEM,
  SUB_UPDATE,
} from '../paramLists.ts';
import { Params } from '../requestParams.ts';
import { q, ret, type StripeRoutes } from '../routeContext.ts';
import { lookup } from '../state.ts';
import {
  cancelSubscription,
  createSubscription,
  type SubscriptionItemParams,
  updateSubscription,
} from '../subscriptions.ts';
import { recurringParams } from './catalogue.ts';

function subItems(q: Params): SubscriptionItemParams[] | undefined {
  const items = q.list('items');
  if (!items) return undefined;
  return items.map((raw, i) => {
    const prefix = `items[${i}]`;
    if (typeof raw !== 'object' || Array.isArray(raw))
      throw invalidRequest('Invalid hash', undefined, prefix);
    const it = new Params(raw, SUB_ITEM, prefix);
    const out: SubscriptionItemParams = {};
    const price = it.str('price', prefix);
    if (price !== undefined) out.price = price;
    const quantity = it.int('quantity', prefix);
    if (quantity !== undefined) out.quantity = quantity;
    const pd = it.obj('price_data', PRICE_DATA, prefix);
    if (pd) {
      const pdPrefix = `${prefix}[price_data]`;
      const unit = pd.int('unit_amount', pdPrefix);
      const currency = pd.str('currency', pdPrefix);
      const product = pd.str('product', pdPrefix);
      const recurring = recurringParams(pd.obj('recurring', RECURRING, pdPrefix), `${pdPrefix}[recurring]`);
      out.price_data = {
        ...(unit !== undefined ? { unit_amount: unit } : {}),
        ...(currency !== undefined ? { currency } : {}),
        ...(product !== undefined ? { product } : {}),
        ...(recurring ? { recurring } : {}),
      };
    }
    return out;
  });
}

/** The subscriptions and invoices endpoints. */
export function subscriptionRoutes(routes: StripeRoutes): void {
  routes
    .add('POST', '/v1/subscriptions', (ctx) => {
      const p = q(ctx, SUB_CREATE);
      const items = subItems(p);
      const metadata = p.metadata();
      const trial = p.int('trial_period_days');
      const cape = p.bool('cancel_at_period_end');
      const behaviour = p.oneOf('payment_behavior', [
        'allow_incomplete',
        'error_if_incomplete',
        'default_incomplete',
        'pending_if_incomplete',
      ] as const);
      const params = {
        ...(items ? { items } : {}),
        ...(metadata ? { metadata } : {}),
        ...(trial !== undefined ? { trial_period_days: trial } : {}),
        ...(cape !== undefined ? { cancel_at_period_end: cape } : {}),
        ...(behaviour ? { payment_behavior: behaviour } : {}),
      } as Record<string, unknown>;
      for (const k of ['customer', 'default_payment_method', 'description']) {
        const v = p.str(k);
        if (v !== undefined) params[k] = v;
      }
      return ret(ctx, createSubscription(ctx.world, ctx.env, params));
    })
    .add('GET', '/v1/subscriptions', (ctx) => {
      const p = q(ctx, [
        'automatic_tax',
        'collection_method',
        'created',
        'current_period_end',
        'current_period_start',
        'customer',
        'customer_account',
        'plan',
        'price',
        'status',
        'test_clock',
        ...PAGINATION,
      ]);
      const customer = p.str('customer');
      const status = p.str('status');
      const price = p.str('price');
      const all = Object.values(ctx.b.subscriptions).filter(
        (s) =>
          (customer === undefined || s.customer === customer) &&
          (status === undefined ? s.status !== 'canceled' : status === 'all' || s.status === status) &&
          (price === undefined || s.items.data.some((it) => it.price.id === price)),
      );
      return ret(ctx, page(all, p, '/v1/subscriptions'));
    })
    .add('GET', '/v1/subscriptions/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'subscriptions', id!));
    })
    .add('POST', '/v1/subscriptions/:id', (ctx, { id }) => {
      const p = q(ctx, SUB_UPDATE);
      if (p.raw.items !== undefined)
        throw invalidRequest(
          'Changing the items of a subscription is not supported by the sandbox yet.',
          undefined,
          'items',
        );
      const metadata = p.metadata();
      const cape = p.bool('cancel_at_period_end');
      const dpm = p.str('default_payment_method');
      const description = p.str('description');
      return ret(
        ctx,
        updateSubscription(ctx.world, ctx.env, id!, {
          ...(metadata !== undefined ? { metadata } : {}),
          ...(cape !== undefined ? { cancel_at_period_end: cape } : {}),
          ...(dpm !== undefined ? { default_payment_method: dpm } : {}),
          ...(description !== undefined ? { description } : {}),
        }),
      );
    })
    .add('DELETE', '/v1/subscriptions/:id', (ctx, { id }) => {
      const p = q(ctx, SUB_CANCEL);
      p.bool('invoice_now');
      p.bool('prorate');
      return ret(ctx, cancelSubscription(ctx.world, ctx.env, id!));
    })
    .add('GET', '/v1/invoices', (ctx) => {
      const p = q(ctx, [
        'collection_method',
        'created',
        'customer',
        'customer_account',
        'due_date',
        'status',
        'subscription',
        ...PAGINATION,
      ]);
      const customer = p.str('customer');
      const sub = p.str('subscription');
      const status = p.str('status');
      const all = Object.values(ctx.b.invoices).filter(
        (i) =>
          (customer === undefined || i.customer === customer) &&
          (sub === undefined || i.subscription === sub) &&
          (status === undefined || i.status === status),
      );
      return ret(ctx, page(all, p, '/v1/invoices'));
    })
    .add('GET', '/v1/invoices/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'invoices', id!));
    })
    .add('POST', '/v1/invoices/:id/pay', (ctx, { id }) => {
      const p = q(ctx, INVOICE_PAY);
      const pm = p.str('payment_method') ?? p.str('source');
      return ret(ctx, payInvoice(ctx.world, ctx.env, id!, pm !== undefined ? { payment_method: pm } : {}));
    });
}
