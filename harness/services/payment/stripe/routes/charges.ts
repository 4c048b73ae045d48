/**
 * The charge and refund endpoints.
 */
import { createCharge } from '../charge.ts';
import { page } from '../listing.ts';
import { CHARGE_CREATE, PAGINATION, REFUND_CREATE } from '../paramLists.ts';
import { createRefund } from '../refunds.ts';
import { q, ret, type StripeRoutes } from '../routeContext.ts';
import { lookup } from '../state.ts';

/** The charges and refunds endpoints. */
export function chargeRoutes(routes: StripeRoutes): void {
  routes
    .add('POST', '/v1/charges', (ctx) => {
      const p = q(ctx, CHARGE_CREATE);
      const amount = p.int('amount');
      const capture = p.bool('capture');
      const metadata = p.metadata();
      const params = {
        ...(amount !== undefined ? { amount } : {}),
        ...(capture !== undefined ? { capture } : {}),
        ...(metadata ? { metadata } : {}),
      } as Record<string, unknown>;
      for (const k of ['currency', 'customer', 'source', 'description', 'receipt_email']) {
        const v = p.str(k);
        if (v !== undefined) params[k] = v;
      }
      return ret(ctx, createCharge(ctx.world, ctx.env, params));
    })
    .add('GET', '/v1/charges', (ctx) => {
      const p = q(ctx, ['created', 'customer', 'payment_intent', 'transfer_group', ...PAGINATION]);
      const customer = p.str('customer');
      const pi = p.str('payment_intent');
      const all = Object.values(ctx.b.charges).filter(
        (c) =>
          (customer === undefined || c.customer === customer) &&
          (pi === undefined || c.payment_intent === pi),
      );
      return ret(ctx, page(all, p, '/v1/charges'));
    })
    .add('GET', '/v1/charges/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'charges', id!));
    })
    .add('POST', '/v1/refunds', (ctx) => {
      const p = q(ctx, REFUND_CREATE);
      const amount = p.int('amount');
      const metadata = p.metadata();
      const reason = p.oneOf('reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const);
      const charge = p.str('charge');
      const pi = p.str('payment_intent');
      return ret(
        ctx,
        createRefund(ctx.world, ctx.env, {
          ...(charge !== undefined ? { charge } : {}),
          ...(pi !== undefined ? { payment_intent: pi } : {}),
          ...(amount !== undefined ? { amount } : {}),
          ...(reason ? { reason } : {}),
          ...(metadata ? { metadata } : {}),
        }),
      );
    })
    .add('GET', '/v1/refunds', (ctx) => {
      const p = q(ctx, ['charge', 'created', 'payment_intent', ...PAGINATION]);
      const charge = p.str('charge');
      const pi = p.str('payment_intent');
      const all = Object.values(ctx.b.refunds).filter(
        (r) => (charge === undefined || r.charge === charge) && (pi === undefined || r.payment_intent === pi),
      );
      return ret(ctx, page(all, p, '/v1/refunds'));
    })
    .add('GET', '/v1/refunds/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'refunds', id!));
    });
}
