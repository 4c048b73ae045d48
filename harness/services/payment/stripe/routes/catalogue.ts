/**
 * The product and price endpoints.
 */
import { createPrice, createProduct } from '../catalogue.ts';
import { page } from '../listing.ts';
import { PAGINATION, PRICE_CREATE, PRODUCT_CREATE, PRODUCT_DATA, RECURRING } from '../paramLists.ts';
import type { Params } from '../requestParams.ts';
import { q, ret, type StripeRoutes } from '../routeContext.ts';
import { lookup } from '../state.ts';

export function recurringParams(q: Params | undefined, prefix: string) {
  if (!q) return undefined;
  const out: { interval?: string; interval_count?: number } = {};
  const interval = q.str('interval', prefix);
  if (interval !== undefined) out.interval = interval;
  const count = q.int('interval_count', prefix);
  if (count !== undefined) out.interval_count = count;
  return out;
}

/** The products and prices endpoints. */
export function catalogueRoutes(routes: StripeRoutes): void {
  routes
    .add('POST', '/v1/products', (ctx) => {
      const p = q(ctx, PRODUCT_CREATE);
      const metadata = p.metadata();
      const params = { ...(metadata ? { metadata } : {}) } as Record<string, unknown>;
      for (const k of ['id', 'name', 'description']) {
        const v = p.str(k);
        if (v !== undefined) params[k] = v;
      }
      const active = p.bool('active');
      if (active !== undefined) params.active = active;
      return ret(ctx, createProduct(ctx.world, ctx.env, params));
    })
    .add('GET', '/v1/products', (ctx) => {
      const p = q(ctx, ['active', 'created', 'ids', 'shippable', 'url', ...PAGINATION]);
      const active = p.bool('active');
      const all = Object.values(ctx.b.products).filter((x) => active === undefined || x.active === active);
      return ret(ctx, page(all, p, '/v1/products'));
    })
    .add('GET', '/v1/products/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'products', id!));
    })
    .add('POST', '/v1/prices', (ctx) => {
      const p = q(ctx, PRICE_CREATE);
      const metadata = p.metadata();
      const unit = p.int('unit_amount');
      const pd = p.obj('product_data', PRODUCT_DATA);
      const recurring = recurringParams(p.obj('recurring', RECURRING), 'recurring');
      const params = {
        ...(metadata ? { metadata } : {}),
        ...(unit !== undefined ? { unit_amount: unit } : {}),
        ...(recurring ? { recurring } : {}),
        ...(pd
          ? { product_data: { name: pd.str('name', 'product_data'), metadata: pd.metadata() ?? undefined } }
          : {}),
      } as Record<string, unknown>;
      for (const k of ['currency', 'product', 'lookup_key', 'nickname']) {
        const v = p.str(k);
        if (v !== undefined) params[k] = v;
      }
      const active = p.bool('active');
      if (active !== undefined) params.active = active;
      return ret(ctx, createPrice(ctx.world, ctx.env, params));
    })
    .add('GET', '/v1/prices', (ctx) => {
      const p = q(ctx, [
        'active',
        'created',
        'currency',
        'lookup_keys',
        'product',
        'recurring',
        'type',
        ...PAGINATION,
      ]);
      const active = p.bool('active');
      const product = p.str('product');
      const type = p.str('type');
      const keys = p.list('lookup_keys')?.map(String);
      const all = Object.values(ctx.b.prices).filter(
        (x) =>
          (active === undefined || x.active === active) &&
          (product === undefined || x.product === product) &&
          (type === undefined || x.type === type) &&
          (keys === undefined || (x.lookup_key !== null && keys.includes(x.lookup_key))),
      );
      return ret(ctx, page(all, p, '/v1/prices'));
    })
    .add('GET', '/v1/prices/:id', (ctx, { id }) => {
      q(ctx, []);
      return ret(ctx, lookup(ctx.b, 'prices', id!));
    });
}
