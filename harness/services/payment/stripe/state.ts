/**
 * Ids, timestamps and lookups over the provider's account objects.
 */
import { invalidRequest } from './errors.ts';
import type { Billing, Metadata } from './types.ts';

export const DAY = 86_400_000;

export const secs = (ms: number) => Math.floor(ms / 1000);

const NAMES: Record<string, string> = {
  customers: 'customer',
  paymentMethods: 'PaymentMethod',
  paymentIntents: 'payment_intent',
  charges: 'charge',
  refunds: 'refund',
  products: 'product',
  prices: 'price',
  subscriptions: 'subscription',
  invoices: 'invoice',
};

type Collection =
  | 'customers'
  | 'paymentMethods'
  | 'paymentIntents'
  | 'charges'
  | 'refunds'
  | 'products'
  | 'prices'
  | 'subscriptions'
  | 'invoices';

/** An object by id; a missing one is Stripe's resource_missing (404 for the path, 400 for a param). */
export function lookup<C extends Collection>(
  b: Billing,
  collection: C,
  id: string,
  param = 'id',
): Billing[C][string] {
  const found = b[collection][id] as Billing[C][string] | undefined;
  if (!found)
    throw invalidRequest(
      `No such ${NAMES[collection]}: '${id}'`,
      'resource_missing',
      param,
      param === 'id' ? 404 : 400,
    );
  return found;
}

/** Collection an id belongs to, by its prefix (for `expand`). */
export function collectionOfId(id: string): Collection | undefined {
  const prefix = id.slice(0, id.indexOf('_') + 1);
  switch (prefix) {
    case 'cus_':
      return 'customers';
    case 'pm_':
      return 'paymentMethods';
    case 'pi_':
      return 'paymentIntents';
    case 'ch_':
      return 'charges';
    case 're_':
      return 'refunds';
    case 'prod_':
      return 'products';
    case 'price_':
      return 'prices';
    case 'sub_':
      return 'subscriptions';
    case 'in_':
      return 'invoices';
    default:
      return undefined;
  }
}

/** Stripe's metadata update: keys merge, an empty value deletes a key. */
export function mergeMetadata(old: Metadata, update: Metadata | null): Metadata {
  if (update === null) return {};
  const out = { ...old };
  for (const [k, v] of Object.entries(update)) {
    if (v === '') delete out[k];
    else out[k] = v;
  }
  return out;
}
