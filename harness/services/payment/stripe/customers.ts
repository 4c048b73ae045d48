/**
 * Customers: create, update, delete, and their metadata.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import { nextId, type World } from '../../../core/world.ts';
import { billingOf, liveCustomer } from './account.ts';
import { invalidRequest } from './errors.ts';
import { attachPaymentMethod, ownPaymentMethod, resolvePaymentMethod } from './paymentMethods.ts';
import { mergeMetadata, secs } from './state.ts';
import { cancelSubscription } from './subscriptions.ts';
import type { Customer, Metadata } from './types.ts';

export interface CustomerParams {
  email?: string;
  name?: string;
  description?: string;
  phone?: string;
  metadata?: Metadata | null;
  payment_method?: string;
  source?: string;
  invoice_settings?: { default_payment_method?: string };
}

export function createCustomer(world: World, env: RunEnv, p: CustomerParams): Customer {
  const b = billingOf(world, env);
  const customer: Customer = {
    id: nextId(world, 'cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: secs(world.now),
    currency: null,
    default_source: null,
    delinquent: false,
    description: p.description ?? null,
    discount: null,
    email: p.email ?? null,
    invoice_prefix: `SBX${world.seq}`,
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: p.metadata ?? {},
    name: p.name ?? null,
    next_invoice_sequence: 1,
    phone: p.phone ?? null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
  };
  b.customers[customer.id] = customer;
  let settings = p.invoice_settings;
  if (p.payment_method) {
    const pm = attachPaymentMethod(world, env, p.payment_method, customer.id, 'payment_method');
    // A test id named twice in one request (`pm_card_visa` as payment_method and as the
    // default) is one card, as Stripe makes it.
    if (settings?.default_payment_method === p.payment_method)
      settings = { ...settings, default_payment_method: pm.id };
  }
  applyCustomer(world, env, customer, { ...p, ...(settings ? { invoice_settings: settings } : {}) });
  return customer;
}

function applyCustomer(world: World, env: RunEnv, c: Customer, p: CustomerParams): void {
  if (p.source) {
    const pm = resolvePaymentMethod(world, env, p.source, 'source');
    pm.customer = c.id;
    c.default_source = pm.id;
  }
  const dpm = p.invoice_settings?.default_payment_method;
  if (dpm !== undefined) {
    if (dpm === '') c.invoice_settings.default_payment_method = null;
    else {
      const pm = ownPaymentMethod(world, env, dpm, c.id, 'invoice_settings[default_payment_method]');
      if (pm.customer !== c.id)
        throw invalidRequest(
          `The customer does not have a payment method with the ID ${dpm}. The payment method must be attached to the customer.`,
          'resource_missing',
          'invoice_settings[default_payment_method]',
        );
      c.invoice_settings.default_payment_method = pm.id;
    }
  }
}

export function updateCustomer(world: World, env: RunEnv, id: string, p: CustomerParams): Customer {
  const c = liveCustomer(world, env, id, 'id');
  if (p.email !== undefined) c.email = p.email || null;
  if (p.name !== undefined) c.name = p.name || null;
  if (p.description !== undefined) c.description = p.description || null;
  if (p.phone !== undefined) c.phone = p.phone || null;
  if (p.metadata !== undefined) c.metadata = mergeMetadata(c.metadata, p.metadata);
  applyCustomer(world, env, c, p);
  return c;
}

/** Deleting a customer cancels their subscriptions, as Stripe does. */
export function deleteCustomer(
  world: World,
  env: RunEnv,
  id: string,
): { id: string; object: 'customer'; deleted: true } {
  const c = liveCustomer(world, env, id, 'id');
  for (const s of Object.values(billingOf(world, env).subscriptions))
    if (s.customer === c.id && s.status !== 'canceled' && s.status !== 'incomplete_expired')
      cancelSubscription(world, env, s.id);
  c.deleted = true;
  return { id: c.id, object: 'customer', deleted: true };
}
