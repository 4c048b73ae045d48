/**
 * The customer endpoints.
 */

import { liveCustomer } from '../account.ts';
import { type CustomerParams, createCustomer, deleteCustomer, updateCustomer } from '../customers.ts';
import { invalidRequest } from '../errors.ts';
import { page } from '../listing.ts';
import { CUSTOMER_CREATE, CUSTOMER_UPDATE, INVOICE_SETTINGS, PAGINATION } from '../paramLists.ts';
import type { Params } from '../requestParams.ts';
import { q, ret, type StripeRoutes } from '../routeContext.ts';
import { searchCustomers } from '../search.ts';
import { lookup } from '../state.ts';

function customerParams(q: Params): CustomerParams {
  const settings = q.obj('invoice_settings', INVOICE_SETTINGS);
  const out: CustomerParams = {};
  const set = <K extends keyof CustomerParams>(k: K, v: CustomerParams[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set('email', q.str('email'));
  set('name', q.str('name'));
  set('description', q.str('description'));
  set('phone', q.str('phone'));
  set('metadata', q.metadata());
  set('source', q.str('source'));
  const dpm = settings?.str('default_payment_method', 'invoice_settings');
  if (dpm !== undefined) out.invoice_settings = { default_payment_method: dpm };
  return out;
}

/** The customers endpoints. */
export function customerRoutes(routes: StripeRoutes): void {
  routes
    .add('POST', '/v1/customers', (ctx) => {
      const p = q(ctx, CUSTOMER_CREATE);
      const params = customerParams(p);
      const pm = p.str('payment_method');
      if (pm !== undefined) params.payment_method = pm;
      return ret(ctx, createCustomer(ctx.world, ctx.env, params));
    })
    .add('GET', '/v1/customers', (ctx) => {
      const p = q(ctx, ['created', 'email', 'test_clock', ...PAGINATION]);
      const email = p.str('email');
      const all = Object.values(ctx.b.customers).filter(
        (c) => !c.deleted && (email === undefined || c.email === email),
      );
      return ret(ctx, page(all, p, '/v1/customers'));
    })
    .add('GET', '/v1/customers/search', (ctx) => {
      // Before `/v1/customers/:id`, which would read "search" as an id.
      const p = q(ctx, ['query', 'limit', 'page']);
      const query = p.req('query');
      const limit = p.int('limit') ?? 10;
      if (limit < 1 || limit > 100)
        throw invalidRequest('This value must be between 1 and 100.', undefined, 'limit');
      const live = Object.values(ctx.b.customers).filter((c) => !c.deleted);
      const found = searchCustomers(live, query).reverse();
      return ret(ctx, {
        object: 'search_result',
        data: found.slice(0, limit),
        has_more: found.length > limit,
        next_page: null,
        total_count: found.length,
        url: '/v1/customers/search',
      });
    })
    .add('GET', '/v1/customers/:id', (ctx, { id }) => {
      q(ctx, []);
      const c = lookup(ctx.b, 'customers', id!);
      return ret(ctx, c.deleted ? { id: c.id, object: 'customer', deleted: true } : c);
    })
    .add('POST', '/v1/customers/:id', (ctx, { id }) =>
      ret(ctx, updateCustomer(ctx.world, ctx.env, id!, customerParams(q(ctx, CUSTOMER_UPDATE)))),
    )
    .add('DELETE', '/v1/customers/:id', (ctx, { id }) => {
      q(ctx, []);
      return deleteCustomer(ctx.world, ctx.env, id!);
    })
    .add('GET', '/v1/customers/:id/payment_methods', (ctx, { id }) => {
      const p = q(ctx, ['allow_redisplay', 'type', ...PAGINATION]);
      const c = liveCustomer(ctx.world, ctx.env, id!, 'customer');
      const type = p.str('type');
      const all = Object.values(ctx.b.paymentMethods).filter(
        (m) => m.customer === c.id && (type === undefined || m.type === type),
      );
      return ret(ctx, page(all, p, `/v1/customers/${c.id}/payment_methods`));
    });
}
