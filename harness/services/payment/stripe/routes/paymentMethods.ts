/**
 * The payment method endpoints (cards and Stripe's test tokens).
 */

import { liveCustomer } from '../account.ts';
import { page } from '../listing.ts';
import { ADDRESS, BILLING_DETAILS, CARD, PAGINATION, PM_CREATE, PM_UPDATE } from '../paramLists.ts';
import { attachPaymentMethod, createPaymentMethod, detachPaymentMethod } from '../paymentMethods.ts';
import type { Params } from '../requestParams.ts';
import { q, ret, type StripeRoutes } from '../routeContext.ts';
import { lookup, mergeMetadata } from '../state.ts';

function cardParams(q: Params) {
  const card = q.obj('card', CARD);
  if (!card) return undefined;
  const out: Record<string, unknown> = {};
  for (const k of ['number', 'cvc', 'token']) {
    const v = card.str(k, 'card');
    if (v !== undefined) out[k] = v;
  }
  for (const k of ['exp_month', 'exp_year']) {
    const v = card.int(k, 'card');
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function billingDetails(q: Params) {
  const bd = q.obj('billing_details', BILLING_DETAILS);
  if (!bd) return undefined;
  const out: { name?: string; email?: string; phone?: string; address?: Record<string, string> } = {};
  for (const k of ['name', 'email', 'phone'] as const) {
    const v = bd.str(k, 'billing_details');
    if (v !== undefined) out[k] = v;
  }
  const addr = bd.obj('address', ADDRESS, 'billing_details');
  if (addr) {
    out.address = {};
    for (const k of ADDRESS) {
      const v = addr.str(k, 'billing_details[address]');
      if (v !== undefined) out.address[k] = v;
    }
  }
  return out;
}

/** The payment methods endpoints. */
export function paymentMethodRoutes(routes: StripeRoutes): void {
  routes
    .add('POST', '/v1/payment_methods', (ctx) => {
      const p = q(ctx, PM_CREATE);
      const card = cardParams(p);
      const bd = billingDetails(p);
      const metadata = p.metadata();
      const pm = createPaymentMethod(ctx.world, ctx.env, {
        ...(p.str('type') !== undefined ? { type: p.str('type')! } : {}),
        ...(card ? { card } : {}),
        ...(bd ? { billing_details: bd } : {}),
        ...(metadata ? { metadata } : {}),
      });
      return ret(ctx, pm);
    })
    .add('GET', '/v1/payment_methods', (ctx) => {
      const p = q(ctx, ['allow_redisplay', 'customer', 'customer_account', 'type', ...PAGINATION]);
      const customer = p.str('customer');
      if (customer !== undefined) liveCustomer(ctx.world, ctx.env, customer, 'customer');
      const type = p.str('type');
      const all = Object.values(ctx.b.paymentMethods).filter(
        (m) => (customer === undefined || m.customer === customer) && (type === undefined || m.type === type),
      );
      return ret(ctx, page(all, p, '/v1/payment_methods'));
    })
    .add('GET', '/v1/payment_methods/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'paymentMethods', id!));
    })
    .add('POST', '/v1/payment_methods/:id', (ctx, { id }) => {
      const p = q(ctx, PM_UPDATE);
      const pm = lookup(ctx.b, 'paymentMethods', id!);
      const metadata = p.metadata();
      if (metadata !== undefined) pm.metadata = mergeMetadata(pm.metadata, metadata);
      const bd = billingDetails(p);
      if (bd) {
        for (const k of ['name', 'email', 'phone'] as const)
          if (bd[k] !== undefined) pm.billing_details[k] = bd[k]!;
        if (bd.address) pm.billing_details.address = { ...pm.billing_details.address, ...bd.address };
      }
      const card = p.obj('card', ['exp_month', 'exp_year', 'networks']);
      const month = card?.int('exp_month', 'card');
      const year = card?.int('exp_year', 'card');
      if (month !== undefined) pm.card.exp_month = month;
      if (year !== undefined) pm.card.exp_year = year;
      return ret(ctx, pm);
    })
    .add('POST', '/v1/payment_methods/:id/attach', (ctx, { id }) => {
      const p = q(ctx, ['customer', 'customer_account']);
      return ret(ctx, attachPaymentMethod(ctx.world, ctx.env, id!, p.req('customer')));
    })
    .add('POST', '/v1/payment_methods/:id/detach', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, detachPaymentMethod(ctx.world, ctx.env, id!));
    });
}
