/**
 * Products and prices created through the API.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import type { World } from '../../../core/world.ts';
import { billingOf, makePrice, makeProduct, type PriceParams, type ProductParams } from './account.ts';
import { invalidRequest } from './errors.ts';
import { checkCurrency } from './money.ts';
import { lookup } from './state.ts';
import type { Price, Product, Recurring } from './types.ts';

export function createProduct(world: World, env: RunEnv, p: ProductParams): Product {
  const b = billingOf(world, env);
  if (!p.name) throw invalidRequest('Missing required param: name.', 'parameter_missing', 'name');
  if (p.id !== undefined && b.products[p.id])
    throw invalidRequest(`Product already exists.`, 'resource_already_exists', 'id');
  const product = makeProduct(world, { ...p, name: p.name });
  b.products[product.id] = product;
  return product;
}

export function checkRecurring(r: PriceParams['recurring'], param: string): Recurring | null {
  if (r === undefined) return null;
  if (r.interval === undefined)
    throw invalidRequest(
      `Missing required param: ${param}[interval].`,
      'parameter_missing',
      `${param}[interval]`,
    );
  if (!['day', 'week', 'month', 'year'].includes(r.interval))
    throw invalidRequest(
      `Invalid ${param}[interval]: must be one of day, month, week, or year`,
      'parameter_invalid_empty',
      `${param}[interval]`,
    );
  const count = r.interval_count ?? 1;
  const max = { day: 1095, week: 156, month: 36, year: 3 }[r.interval as Recurring['interval']];
  if (count < 1 || count > max)
    throw invalidRequest(
      `Invalid ${param}[interval_count]: must be between 1 and ${max}`,
      undefined,
      `${param}[interval_count]`,
    );
  return { interval: r.interval as Recurring['interval'], interval_count: count };
}

export function createPrice(world: World, env: RunEnv, p: PriceParams): Price {
  const b = billingOf(world, env);
  const currency = checkCurrency(p.currency);
  if (p.unit_amount === undefined)
    throw invalidRequest('Missing required param: unit_amount.', 'parameter_missing', 'unit_amount');
  let product: string;
  if (p.product !== undefined) product = lookup(b, 'products', p.product, 'product').id;
  else if (p.product_data !== undefined)
    product = createProduct(world, env, { name: p.product_data.name, metadata: p.product_data.metadata }).id;
  else throw invalidRequest('Missing required param: product.', 'parameter_missing', 'product');
  const price = makePrice(world, {
    currency,
    product,
    unit_amount: p.unit_amount,
    recurring: checkRecurring(p.recurring, 'recurring'),
    lookup_key: p.lookup_key ?? null,
    nickname: p.nickname ?? null,
    metadata: p.metadata ?? {},
  });
  if (p.active === false) price.active = false;
  b.prices[price.id] = price;
  return price;
}
