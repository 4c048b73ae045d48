/**
 * The payment API: compatible with the part of Stripe's v1 API that checkout and subscription
 * flows use — customers, payment methods (Stripe's test cards), payment intents, charges,
 * refunds, products, prices, subscriptions and invoices. The official `stripe` SDK works
 * against it unchanged but for `host`, `port` and `protocol`.
 *
 * Stripe's conventions: form-encoded bodies with bracket notation, `Authorization: Bearer
 * sk_test_…`, list objects, `expand[]`, idempotency keys, and `{ error: { type, code,
 * decline_code, message, param } }` with Stripe's HTTP statuses (400, 401, 402, 404). The
 * behaviour lives in harness/services/payment/stripe/billing.ts; this file only reads parameters and shapes
 * answers.
 */

import type { RunEnv } from '../../../core/runEnv.ts';
import { journaled, plain } from '../../../core/undoLog.ts';
import {
  type ApiRequest,
  type ApiResponse,
  INVALID_JSON,
  Routes,
  SandboxInputError,
  unrouted,
  type WireContext,
} from '../../../core/wire.ts';
import type { World } from '../../../core/world.ts';
import {
  attachPaymentMethod,
  type Billing,
  BillingError,
  billingOf,
  type CustomerParams,
  cancelPaymentIntent,
  cancelSubscription,
  capturePaymentIntent,
  collectionOfId,
  confirmPaymentIntent,
  createCharge,
  createCustomer,
  createPaymentIntent,
  createPaymentMethod,
  createPrice,
  createProduct,
  createRefund,
  createSubscription,
  deleteCustomer,
  detachPaymentMethod,
  invalidRequest,
  liveCustomer,
  lookup,
  type Metadata,
  mergeMetadata,
  type PaymentIntentParams,
  payInvoice,
  type StripeErrorBody,
  type StripeObject,
  type SubscriptionItemParams,
  updateCustomer,
  updatePaymentIntent,
  updateSubscription,
} from './billing.ts';
import { checkMetadataEntry, checkNestedParams, idempotencyKeyProblem } from './paramChecks.ts';
import { FormError, type FormObject, type FormValue, parseForm } from './params.ts';
import { rejectedBeforeExecuting, virtualExpansion } from './request.ts';
import { searchCustomers } from './search.ts';

/** The API version the sandbox answers as (what the installed `stripe` SDK sends by default). */
export const STRIPE_API_VERSION = '2026-10-28.endive';

// ---------------------------------------------------------------------------------------------
// Parameters

const PAGINATION = ['limit', 'starting_after', 'ending_before'];

/** Request parameters with Stripe's coercions and errors. */
class Params {
  readonly raw: FormObject;

  constructor(raw: FormObject, allowed: readonly string[], prefix = '') {
    this.raw = raw;
    for (const key of Object.keys(raw)) {
      if (key !== 'expand' && !allowed.includes(key)) {
        const name = prefix ? `${prefix}[${key}]` : key;
        throw invalidRequest(`Received unknown parameter: ${name}`, 'parameter_unknown', name);
      }
    }
    checkNestedParams(raw, prefix);
  }

  #name(key: string, prefix: string): string {
    return prefix ? `${prefix}[${key}]` : key;
  }

  str(key: string, prefix = ''): string | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string')
      throw invalidRequest(`Invalid string: ${JSON.stringify(v)}`, undefined, this.#name(key, prefix));
    return v;
  }

  req(key: string, prefix = ''): string {
    const v = this.str(key, prefix);
    if (v === undefined || v === '') {
      const name = this.#name(key, prefix);
      throw invalidRequest(`Missing required param: ${name}.`, 'parameter_missing', name);
    }
    return v;
  }

  int(key: string, prefix = ''): number | undefined {
    const v = this.str(key, prefix);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v.trim()))
      throw invalidRequest(`Invalid integer: ${v}`, 'parameter_invalid_integer', this.#name(key, prefix));
    return Number(v);
  }

  bool(key: string, prefix = ''): boolean | undefined {
    const v = this.str(key, prefix);
    if (v === undefined) return undefined;
    if (v === 'true') return true;
    if (v === 'false') return false;
    throw invalidRequest(`Invalid boolean: ${v}`, undefined, this.#name(key, prefix));
  }

  oneOf<T extends string>(key: string, values: readonly T[], prefix = ''): T | undefined {
    const v = this.str(key, prefix);
    if (v === undefined) return undefined;
    if (!values.includes(v as T))
      throw invalidRequest(
        `Invalid ${this.#name(key, prefix)}: must be one of ${values.join(', ')}`,
        undefined,
        this.#name(key, prefix),
      );
    return v as T;
  }

  obj(key: string, allowed: readonly string[], prefix = ''): Params | undefined {
    const v = this.raw[key];
    if (v === undefined || v === '') return undefined;
    const name = this.#name(key, prefix);
    if (typeof v === 'string' || Array.isArray(v)) throw invalidRequest(`Invalid hash`, undefined, name);
    return new Params(v, allowed, name);
  }

  list(key: string, prefix = ''): FormValue[] | undefined {
    const v = this.raw[key];
    if (v === undefined || v === '') return undefined;
    if (!Array.isArray(v)) throw invalidRequest(`Invalid array`, undefined, this.#name(key, prefix));
    return v;
  }

  /** `metadata`: a hash of strings; an empty string clears it all (null). */
  metadata(key = 'metadata'): Metadata | null | undefined {
    const v = this.raw[key];
    if (v === undefined) return undefined;
    if (v === '') return null;
    if (typeof v === 'string' || Array.isArray(v)) throw invalidRequest('Invalid hash', undefined, key);
    const out: Metadata = {};
    let count = 0;
    for (const [k, value] of Object.entries(v)) {
      if (typeof value !== 'string')
        throw invalidRequest(
          `Invalid value for metadata key ${k}: must be a string`,
          undefined,
          `${key}[${k}]`,
        );
      checkMetadataEntry(key, k, value, ++count);
      out[k] = value;
    }
    return out;
  }

  expand(): string[] {
    const v = this.raw.expand;
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    return list.map((e) => {
      if (typeof e !== 'string') throw invalidRequest('Invalid array', undefined, 'expand');
      return e;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Lists and expansion

interface Ctx {
  session: WireContext;
  world: World;
  env: RunEnv;
  b: Billing;
  p: FormObject;
  req: ApiRequest;
}

function page<T extends StripeObject>(items: T[], q: Params, url: string): Record<string, unknown> {
  const limit = q.int('limit') ?? 10;
  if (limit < 1 || limit > 100)
    throw invalidRequest(
      'This value must be greater than or equal to 1 and less than or equal to 100.',
      undefined,
      'limit',
    );
  // Newest first, as Stripe lists.
  let data = items.slice().reverse();
  const after = q.str('starting_after');
  const before = q.str('ending_before');
  if (after !== undefined) {
    const i = data.findIndex((o) => o.id === after);
    if (i < 0) throw invalidRequest(`No such object: '${after}'`, 'resource_missing', 'starting_after');
    data = data.slice(i + 1);
  } else if (before !== undefined) {
    const i = data.findIndex((o) => o.id === before);
    if (i < 0) throw invalidRequest(`No such object: '${before}'`, 'resource_missing', 'ending_before');
    data = data.slice(Math.max(0, i - limit), i);
    return { object: 'list', data, has_more: i - limit > 0, url };
  }
  return { object: 'list', data: data.slice(0, limit), has_more: data.length > limit, url };
}

function resolveId(b: Billing, id: string): StripeObject | undefined {
  const c = collectionOfId(id);
  return c ? (b[c][id] as StripeObject | undefined) : undefined;
}

function expandOne(b: Billing, value: unknown, path: string[], full: string): unknown {
  if (path.length === 0) return value;
  if (Array.isArray(value)) return value.map((v) => expandOne(b, v, path, full));
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (obj.object === 'list' && path[0] === 'data')
    return { ...obj, data: (obj.data as unknown[]).map((v) => expandOne(b, v, path.slice(1), full)) };
  const [head, ...rest] = path as [string, ...string[]];
  const virtual = head in obj && typeof obj[head] !== 'string' ? undefined : virtualExpansion(b, obj, head);
  if (virtual !== undefined) return { ...obj, [head]: expandOne(b, virtual, rest, full) };
  if (!(head in obj))
    throw invalidRequest(`This property cannot be expanded (${full}).`, undefined, 'expand');
  let field = obj[head];
  if (typeof field === 'string') {
    const found = resolveId(b, field);
    if (!found) throw invalidRequest(`This property cannot be expanded (${full}).`, undefined, 'expand');
    field = found;
  }
  return { ...obj, [head]: expandOne(b, field, rest, full) };
}

function expand(b: Billing, value: unknown, paths: string[]): unknown {
  let out = value;
  for (const path of paths) out = expandOne(b, out, path.split('.'), path);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parameter lists (from the installed stripe SDK's *Params types)

const CUSTOMER_CREATE =
  'address balance business_name cash_balance description email individual_name invoice_prefix invoice_settings metadata name next_invoice_sequence payment_method phone preferred_locales shipping source tax tax_exempt tax_id_data test_clock validate'.split(
    ' ',
  );
const CUSTOMER_UPDATE =
  'address balance business_name cash_balance default_source description email individual_name invoice_prefix invoice_settings metadata name next_invoice_sequence phone preferred_locales shipping source tax tax_exempt validate'.split(
    ' ',
  );
const INVOICE_SETTINGS = ['custom_fields', 'default_payment_method', 'footer', 'rendering_options'];
const PM_CREATE =
  'allow_redisplay billing_details card customer metadata payment_method radar_options type'.split(' ');
const PM_UPDATE = 'allow_redisplay billing_details card metadata'.split(' ');
const CARD = ['number', 'exp_month', 'exp_year', 'cvc', 'token', 'networks'];
const BILLING_DETAILS = ['address', 'email', 'name', 'phone', 'tax_id'];
const ADDRESS = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'];
const PI_CREATE =
  'amount currency allowed_payment_method_types amount_details application_fee_amount automatic_payment_methods capture_method confirm confirmation_method confirmation_token customer customer_account description error_on_requires_action excluded_payment_method_types hooks mandate mandate_data metadata off_session on_behalf_of payment_details payment_method payment_method_configuration payment_method_data payment_method_options payment_method_types radar_options receipt_email return_url setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group use_stripe_sdk'.split(
    ' ',
  );
const PI_UPDATE =
  'allowed_payment_method_types amount amount_details application_fee_amount capture_method currency customer customer_account description excluded_payment_method_types hooks metadata payment_details payment_method payment_method_configuration payment_method_data payment_method_options payment_method_types receipt_email setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group'.split(
    ' ',
  );
const PI_CONFIRM =
  'allowed_payment_method_types amount_details amount_to_confirm capture_method confirmation_token error_on_requires_action excluded_payment_method_types hooks mandate mandate_data off_session payment_details payment_method payment_method_data payment_method_options radar_options receipt_email return_url setup_future_usage shipping use_stripe_sdk'.split(
    ' ',
  );
const PI_CAPTURE =
  'amount_details amount_to_capture application_fee_amount final_capture hooks metadata payment_details statement_descriptor statement_descriptor_suffix transfer_data'.split(
    ' ',
  );
const CHARGE_CREATE =
  'amount application_fee application_fee_amount capture currency customer description destination metadata on_behalf_of radar_options receipt_email shipping source statement_descriptor statement_descriptor_suffix transfer_data transfer_group'.split(
    ' ',
  );
const REFUND_CREATE =
  'amount charge currency customer instructions_email metadata origin payment_intent reason refund_application_fee reverse_transfer'.split(
    ' ',
  );
const PRODUCT_CREATE =
  'name active default_price_data description id images marketing_features metadata package_dimensions shippable statement_descriptor tax_code tax_details type unit_label url'.split(
    ' ',
  );
const PRICE_CREATE =
  'currency active billing_scheme currency_options custom_unit_amount lookup_key metadata nickname product product_data recurring tax_behavior tiers tiers_mode transfer_lookup_key transform_quantity unit_amount unit_amount_decimal'.split(
    ' ',
  );
const PRODUCT_DATA = [
  'name',
  'active',
  'id',
  'metadata',
  'statement_descriptor',
  'tax_code',
  'tax_details',
  'unit_label',
];
const RECURRING = ['interval', 'interval_count', 'meter', 'trial_period_days', 'usage_type'];
const SUB_CREATE =
  'add_invoice_items application_fee_percent automatic_tax backdate_start_date billing_cycle_anchor billing_cycle_anchor_config billing_mode billing_schedules billing_thresholds cancel_at cancel_at_period_end collection_method currency customer customer_account days_until_due default_payment_method default_source default_tax_rates description discounts invoice_settings items metadata off_session on_behalf_of payment_behavior payment_settings pending_invoice_item_interval proration_behavior transfer_data trial_end trial_from_plan trial_period_days trial_settings'.split(
    ' ',
  );
const SUB_UPDATE =
  'add_invoice_items application_fee_percent automatic_tax billing_cycle_anchor billing_schedules billing_thresholds cancel_at cancel_at_period_end cancellation_details collection_method days_until_due default_payment_method default_source default_tax_rates description discounts invoice_settings items metadata off_session on_behalf_of pause_collection payment_behavior payment_settings pending_invoice_item_interval proration_behavior proration_date transfer_data trial_end trial_from_plan trial_settings'.split(
    ' ',
  );
const SUB_ITEM = [
  'price',
  'price_data',
  'quantity',
  'metadata',
  'discounts',
  'tax_rates',
  'billing_thresholds',
  'plan',
];
const PRICE_DATA = ['currency', 'product', 'unit_amount', 'unit_amount_decimal', 'recurring', 'tax_behavior'];
const SUB_CANCEL = ['cancellation_details', 'invoice_now', 'prorate'];
const INVOICE_PAY = ['forgive', 'mandate', 'off_session', 'paid_out_of_band', 'payment_method', 'source'];

// ---------------------------------------------------------------------------------------------
// Handlers

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

function piParams(q: Params): PaymentIntentParams {
  const out: PaymentIntentParams = {};
  const amount = q.int('amount');
  if (amount !== undefined) out.amount = amount;
  const currency = q.str('currency');
  if (currency !== undefined) out.currency = currency;
  for (const key of [
    'customer',
    'payment_method',
    'description',
    'receipt_email',
    'statement_descriptor',
    'setup_future_usage',
  ] as const) {
    const v = q.str(key);
    if (v !== undefined) out[key] = v;
  }
  const capture = q.oneOf('capture_method', ['automatic', 'automatic_async', 'manual'] as const);
  if (capture) out.capture_method = capture;
  const metadata = q.metadata();
  if (metadata !== undefined) out.metadata = metadata;
  const confirm = q.bool('confirm');
  if (confirm !== undefined) out.confirm = confirm;
  const types = q.list('payment_method_types');
  if (types) out.payment_method_types = types.map(String);
  return out;
}

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

function recurringParams(q: Params | undefined, prefix: string) {
  if (!q) return undefined;
  const out: { interval?: string; interval_count?: number } = {};
  const interval = q.str('interval', prefix);
  if (interval !== undefined) out.interval = interval;
  const count = q.int('interval_count', prefix);
  if (count !== undefined) out.interval_count = count;
  return out;
}

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

const routes = new Routes<Ctx, unknown>();
const q = (ctx: Ctx, allowed: readonly string[]) => new Params(ctx.p, allowed);
const ret = (ctx: Ctx, value: unknown) =>
  expand(ctx.b, value, new Params(ctx.p, Object.keys(ctx.p)).expand());

// Customers
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

// Payment methods
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

// Payment intents
routes
  .add('POST', '/v1/payment_intents', (ctx) =>
    ret(ctx, createPaymentIntent(ctx.world, ctx.env, piParams(q(ctx, PI_CREATE)))),
  )
  .add('GET', '/v1/payment_intents', (ctx) => {
    const p = q(ctx, ['created', 'customer', 'customer_account', ...PAGINATION]);
    const customer = p.str('customer');
    const all = Object.values(ctx.b.paymentIntents).filter(
      (pi) => customer === undefined || pi.customer === customer,
    );
    return ret(ctx, page(all, p, '/v1/payment_intents'));
  })
  .add('GET', '/v1/payment_intents/:id', (ctx, { id }) => {
    q(ctx, ['client_secret']);
    return ret(ctx, lookup(ctx.b, 'paymentIntents', id!));
  })
  .add('POST', '/v1/payment_intents/:id', (ctx, { id }) =>
    ret(ctx, updatePaymentIntent(ctx.world, ctx.env, id!, piParams(q(ctx, PI_UPDATE)))),
  )
  .add('POST', '/v1/payment_intents/:id/confirm', (ctx, { id }) => {
    const p = q(ctx, PI_CONFIRM);
    const pm = p.str('payment_method');
    const email = p.str('receipt_email');
    const offSession = p.bool('off_session');
    return ret(
      ctx,
      confirmPaymentIntent(ctx.world, ctx.env, id!, {
        ...(pm !== undefined ? { payment_method: pm } : {}),
        ...(email !== undefined ? { receipt_email: email } : {}),
        ...(offSession !== undefined ? { off_session: offSession } : {}),
      }),
    );
  })
  .add('POST', '/v1/payment_intents/:id/capture', (ctx, { id }) => {
    const p = q(ctx, PI_CAPTURE);
    const amount = p.int('amount_to_capture');
    return ret(
      ctx,
      capturePaymentIntent(
        ctx.world,
        ctx.env,
        id!,
        amount !== undefined ? { amount_to_capture: amount } : {},
      ),
    );
  })
  .add('POST', '/v1/payment_intents/:id/cancel', (ctx, { id }) => {
    const p = q(ctx, ['cancellation_reason']);
    const reason = p.oneOf('cancellation_reason', [
      'duplicate',
      'fraudulent',
      'requested_by_customer',
      'abandoned',
    ] as const);
    return ret(
      ctx,
      cancelPaymentIntent(ctx.world, ctx.env, id!, reason ? { cancellation_reason: reason } : {}),
    );
  });

// Charges and refunds
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
        (customer === undefined || c.customer === customer) && (pi === undefined || c.payment_intent === pi),
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

// Products and prices
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

// Subscriptions and invoices
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

// ---------------------------------------------------------------------------------------------
// The router

function stripeError(status: number, body: StripeErrorBody, headers: Record<string, string>): ApiResponse {
  return { status, headers: { ...headers, 'stripe-should-retry': 'false' }, body: { error: body } };
}

const NO_KEY =
  "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.";

function apiKey(req: ApiRequest): string | undefined {
  const auth = req.headers.authorization?.trim();
  if (!auth) return undefined;
  const [scheme, value = ''] = auth.split(/\s+/, 2) as [string, string?];
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.split(':')[0];
  }
  return '';
}

function mask(key: string): string {
  if (key.length <= 12) return `${key.slice(0, 3)}***`;
  return `${key.slice(0, 8)}${'*'.repeat(Math.max(3, key.length - 12))}${key.slice(-4)}`;
}

function parseParams(req: ApiRequest): FormObject {
  const type = req.headers['content-type'] ?? '';
  const fromQuery = parseForm(req.query);
  if (req.method === 'GET' || req.method === 'DELETE' || req.body.trim() === '') {
    return req.body.trim() === '' ? fromQuery : { ...fromQuery, ...parseForm(req.body) };
  }
  if (type.includes('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(req.body);
    } catch {
      throw invalidRequest(INVALID_JSON.message, INVALID_JSON.code);
    }
    return { ...fromQuery, ...(stringify(parsed) as FormObject) };
  }
  return { ...fromQuery, ...parseForm(req.body) };
}

/** A JSON body in form terms: every scalar a string, as if it had been form-encoded. */
function stringify(v: unknown): FormValue {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(stringify);
  if (typeof v === 'object') {
    const out: FormObject = {};
    for (const [k, x] of Object.entries(v)) out[k] = stringify(x);
    return out;
  }
  return String(v);
}

export function paymentRouter(session: WireContext, req: ApiRequest): ApiResponse {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'request-id': session.nextRequestId(),
    'stripe-version': req.headers['stripe-version'] ?? STRIPE_API_VERSION,
    'cache-control': 'no-cache, no-store',
  };
  const key = apiKey(req);
  if (key === undefined || key === '')
    return stripeError(
      401,
      { type: 'invalid_request_error', message: NO_KEY },
      { ...headers, 'www-authenticate': 'Bearer realm="Stripe"' },
    );
  if (!/^(sk|rk)_test_\S+$/.test(key))
    return stripeError(
      401,
      {
        type: 'invalid_request_error',
        message: `Invalid API Key provided: ${mask(key)}. The sandbox accepts test keys only (sk_test_…).`,
      },
      { ...headers, 'www-authenticate': 'Bearer realm="Stripe"' },
    );
  const idem = req.method === 'POST' ? req.headers['idempotency-key'] : undefined;
  const fingerprint = `${req.method} ${req.path} ${req.body}`;
  if (idem !== undefined) {
    const problem = idempotencyKeyProblem(idem);
    if (problem)
      return stripeError(
        400,
        { type: 'invalid_request_error', message: problem, param: 'Idempotency-Key' },
        headers,
      );
    headers['idempotency-key'] = idem;
    const stored = session.idempotency.get(`${key}|${idem}`);
    if (stored) {
      if (stored.fingerprint !== fingerprint)
        return stripeError(
          400,
          {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idem}' if you meant to execute a different request.`,
          },
          headers,
        );
      return {
        status: stored.status,
        headers: { ...stored.headers, 'request-id': headers['request-id']!, 'idempotent-replayed': 'true' },
        body: stored.body,
      };
    }
  }
  // A request is all or nothing: one refused by validation (however late the check) leaves no
  // trace, so a client that corrects and retries it is not charged twice. Stripe saves an
  // idempotent result only once the endpoint started executing; a refused request saves none.
  const tx = req.method === 'GET' ? undefined : journaled(session.world);
  const answer = dispatch(session, req, headers, tx?.view ?? session.world);
  const response = { ...answer, body: plain(answer.body) };
  const rejected = rejectedBeforeExecuting(response);
  if (tx && rejected) tx.undo();
  if (idem !== undefined && !rejected) session.remember(`${key}|${idem}`, { fingerprint, ...response });
  return response;
}

function dispatch(
  session: WireContext,
  req: ApiRequest,
  headers: Record<string, string>,
  world: World,
): ApiResponse {
  const unrecognised = () =>
    stripeError(
      404,
      {
        type: 'invalid_request_error',
        message: `Unrecognized request URL (${req.method}: ${req.path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      },
      headers,
    );
  const m = routes.match(req.method, req.path);
  if (m === undefined || m === 'wrong-method') return unrouted(unrecognised());
  try {
    const p = parseParams(req);
    const ctx: Ctx = { session, world, env: session.env, b: billingOf(world, session.env), p, req };
    return { status: 200, headers, body: m.handler(ctx, m.params) };
  } catch (e) {
    if (e instanceof BillingError) return stripeError(e.status, e.body, headers);
    if (e instanceof FormError)
      return stripeError(400, { type: 'invalid_request_error', message: e.message, param: e.param }, headers);
    if (e instanceof SandboxInputError)
      return stripeError(e.status, { type: 'invalid_request_error', message: e.message }, headers);
    return stripeError(
      500,
      { type: 'api_error', message: `The sandbox failed: ${(e as Error)?.message ?? String(e)}` },
      headers,
    );
  }
}
