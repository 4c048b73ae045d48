/**
 * A world's payment-provider account, created on first use with the merchant's catalogue priced,
 * and its live customers.
 */
import { parseDuration } from '../../../clock/duration.ts';
import type { RunEnv } from '../../../core/runEnv.ts';
import { nextId, type World } from '../../../core/world.ts';
import { invalidRequest } from './errors.ts';
import { ZERO_DECIMAL } from './money.ts';
import { DAY, lookup, secs } from './state.ts';
import type { Billing, Customer, Metadata, Price, Product, Recurring } from './types.ts';
import { ownBilling } from './worldSlice.ts';

/** The billing state of a world, created (and the merchant's catalogue priced) on first use. */
export function billingOf(world: World, env: RunEnv): Billing {
  const own = ownBilling(world);
  if (own) return own;
  const b: Billing = {
    customers: {},
    paymentMethods: {},
    paymentIntents: {},
    charges: {},
    refunds: {},
    products: {},
    prices: {},
    subscriptions: {},
    invoices: {},
    cards: {},
    intentInvoice: {},
    invoiceIntent: {},
    renewal: {},
    declineOn: { avs: false, cvc: false },
  };
  world.billing = b;
  seedCatalogue(world, env, b);
  return b;
}

/** Products and prices for the merchant's products: `prod_<id>`, `price_<id>` (lookup key `<id>`). */
function seedCatalogue(world: World, env: RunEnv, b: Billing): void {
  const currency = env.currency.toLowerCase();
  for (const p of env.profile.products) {
    const product = makeProduct(world, { id: `prod_${p.id}`, name: p.name, metadata: { product: p.id } });
    b.products[product.id] = product;
    const recurring =
      p.kind === 'subscription' || (p.kind === 'membership' && p.term) ? termRecurring(p.term) : null;
    const add = (id: string, lookup: string, major: number) => {
      const unit = ZERO_DECIMAL.has(currency) ? Math.round(major) : Math.round(major * 100);
      b.prices[id] = makePrice(world, {
        id,
        currency,
        product: product.id,
        unit_amount: unit,
        recurring,
        lookup_key: lookup,
        metadata: { product: p.id },
      });
    };
    add(`price_${p.id}`, p.id, p.price);
    if (recurring && p.renewalPrice !== undefined && p.renewalPrice !== p.price)
      add(`price_${p.id}_renewal`, `${p.id}-renewal`, p.renewalPrice);
  }
}

function termRecurring(term: string | undefined): Recurring {
  const spec = parseDuration(term ?? 'P365D');
  const days = spec.kind === 'elapsed' ? Math.round(spec.ms / DAY) : 365;
  if (days === 365) return { interval: 'year', interval_count: 1 };
  if (days % 7 === 0) return { interval: 'week', interval_count: days / 7 };
  return { interval: 'day', interval_count: Math.max(1, days) };
}

export function liveCustomer(world: World, env: RunEnv, id: string, param: string): Customer {
  const c = lookup(billingOf(world, env), 'customers', id, param);
  if (c.deleted)
    throw invalidRequest(`No such customer: '${id}'`, 'resource_missing', param, param === 'id' ? 404 : 400);
  return c;
}

export interface ProductParams {
  id?: string;
  name?: string;
  description?: string;
  active?: boolean;
  metadata?: Metadata | null;
}

export function makeProduct(world: World, p: ProductParams & { name: string }): Product {
  return {
    id: p.id ?? nextId(world, 'prod'),
    object: 'product',
    active: p.active ?? true,
    created: secs(world.now),
    default_price: null,
    description: p.description ?? null,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: p.metadata ?? {},
    name: p.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    type: 'service',
    unit_label: null,
    updated: secs(world.now),
    url: null,
  };
}

export interface PriceParams {
  currency?: string;
  unit_amount?: number;
  product?: string;
  product_data?: { name?: string; metadata?: Metadata };
  recurring?: { interval?: string; interval_count?: number };
  lookup_key?: string;
  nickname?: string;
  active?: boolean;
  metadata?: Metadata | null;
}

export function makePrice(
  world: World,
  p: {
    id?: string;
    currency: string;
    product: string;
    unit_amount: number;
    recurring: Recurring | null;
    lookup_key?: string | null;
    nickname?: string | null;
    metadata?: Metadata;
  },
): Price {
  return {
    id: p.id ?? nextId(world, 'price'),
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created: secs(world.now),
    currency: p.currency,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: p.lookup_key ?? null,
    metadata: p.metadata ?? {},
    nickname: p.nickname ?? null,
    product: p.product,
    recurring: p.recurring
      ? { meter: null, trial_period_days: null, usage_type: 'licensed', ...p.recurring }
      : null,
    tax_behavior: 'unspecified',
    tiers_mode: null,
    transform_quantity: null,
    type: p.recurring ? 'recurring' : 'one_time',
    unit_amount: p.unit_amount,
    unit_amount_decimal: String(p.unit_amount),
  };
}
