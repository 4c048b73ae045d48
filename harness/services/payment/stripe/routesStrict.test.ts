// biome-ignore-all lint/suspicious/noExplicitAny: the API's JSON answers are read loosely in tests
/**
 * The payment API refuses a request whole or not at all, keeps idempotency as Stripe documents
 * it, and is as strict about loose input as Stripe. Through the router, in-process.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../../core/wire.ts';
import { ROUTERS } from '../../../targets/sandbox/index.ts';
import { SandboxSession } from '../../../targets/sandbox/session.ts';
import { billingOf } from './account.ts';
import { paymentRouter } from './routes.ts';

let session: SandboxSession;
beforeEach(() => {
  session = new SandboxSession();
});

function call(
  method: string,
  path: string,
  form = '',
  headers: Record<string, string> = {},
): ApiResponse & { body: any } {
  const [p, query = ''] = path.split('?') as [string, string?];
  const req: ApiRequest = {
    method,
    path: p,
    query,
    headers: {
      authorization: 'Bearer sk_test_strict',
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: form,
  };
  return paymentRouter(session, req) as ApiResponse & { body: any };
}
const post = (path: string, form: string, headers?: Record<string, string>) =>
  call('POST', path, form, headers);
/** A monthly item on a new product, as subscription create takes it. */
const monthly = () => {
  const product = post('/v1/products', 'name=Guard').body.id;
  return `items[0][price_data][currency]=usd&items[0][price_data][unit_amount]=900&items[0][price_data][product]=${product}&items[0][price_data][recurring][interval]=month`;
};
const billing = () => billingOf(session.world, session.env);
const count = (c: 'paymentIntents' | 'charges' | 'customers' | 'subscriptions' | 'prices') =>
  Object.keys(billing()[c]).length;

describe('a request refused by validation has no effect', () => {
  it('PaymentIntent create with confirm=true and a bad expand[]: 400, and no intent, no charge', () => {
    const r = post(
      '/v1/payment_intents',
      'amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true&expand[]=nonsense',
    );
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe('expand');
    expect(count('paymentIntents')).toBe(0);
    expect(count('charges')).toBe(0);
    expect(session.world.charges).toEqual([]);
  });

  it('a subscription create with a bad expand: 400, and no subscription, no invoice paid', () => {
    const cus = post(
      '/v1/customers',
      'payment_method=pm_card_visa&invoice_settings[default_payment_method]=pm_card_visa',
    );
    expect(cus.status).toBe(200);
    const subs = count('subscriptions');
    const r = post('/v1/subscriptions', `customer=${cus.body.id}&${monthly()}&expand[]=bogus`);
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe('expand');
    expect(count('subscriptions')).toBe(subs);
    expect(count('charges')).toBe(0);
  });

  it("Stripe's documented customer create with pm_card_visa as payment method and default succeeds", () => {
    const r = post(
      '/v1/customers',
      'payment_method=pm_card_visa&invoice_settings[default_payment_method]=pm_card_visa',
    );
    expect(r.status).toBe(200);
    const pm = r.body.invoice_settings.default_payment_method;
    expect(pm).toMatch(/^pm_/);
    expect(billing().paymentMethods[pm]!.customer).toBe(r.body.id);
    // One card, not two.
    expect(Object.values(billing().paymentMethods).filter((m) => m.customer === r.body.id)).toHaveLength(1);
  });

  it('pm_card_visa as a later default payment method of a customer and of a subscription', () => {
    const cus = post('/v1/customers', 'email=pat@example.net').body;
    const up = post(`/v1/customers/${cus.id}`, 'invoice_settings[default_payment_method]=pm_card_visa');
    expect(up.status).toBe(200);
    expect(up.body.invoice_settings.default_payment_method).toMatch(/^pm_(?!card_)/);
    const sub = post(
      '/v1/subscriptions',
      `customer=${cus.id}&default_payment_method=pm_card_visa&${monthly()}`,
    );
    expect(sub.status).toBe(200);
    expect(sub.body.default_payment_method).toMatch(/^pm_(?!card_)/);
    expect(sub.body.status).toBe('active');
  });
});

describe("Stripe's test payment methods and expansions", () => {
  it.each([
    ['pm_card_visa_chargeDeclined', 'generic_decline'],
    ['pm_card_visa_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ['pm_card_visa_chargeDeclinedLostCard', 'lost_card'],
    ['pm_card_visa_chargeDeclinedStolenCard', 'stolen_card'],
  ])('%s declines with %s', (pm, decline) => {
    const r = post('/v1/payment_intents', `amount=2000&currency=usd&payment_method=${pm}&confirm=true`);
    expect(r.status).toBe(402);
    expect(r.body.error).toMatchObject({ type: 'card_error', decline_code: decline });
  });

  it('a charge expands its refunds and balance_transaction', () => {
    const pi = post(
      '/v1/payment_intents',
      'amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true',
    ).body;
    const chargeId = pi.latest_charge;
    expect(post('/v1/refunds', `charge=${chargeId}&amount=500`).status).toBe(200);
    const r = call('GET', `/v1/charges/${chargeId}?expand[]=refunds&expand[]=balance_transaction`);
    expect(r.status).toBe(200);
    expect(r.body.refunds).toMatchObject({ object: 'list', data: [{ object: 'refund', amount: 500 }] });
    expect(r.body.balance_transaction).toMatchObject({
      object: 'balance_transaction',
      amount: 2000,
      source: chargeId,
    });
    const viaIntent = call('GET', `/v1/payment_intents/${pi.id}?expand[]=latest_charge.balance_transaction`);
    expect(viaIntent.body.latest_charge.balance_transaction.object).toBe('balance_transaction');
  });
});

describe('idempotency as Stripe documents it', () => {
  const create = 'amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true';

  it('a request refused by validation stores no result: the corrected retry with the same key runs', () => {
    const bad = post('/v1/payment_intents', `${create}&expand[]=nonsense`, { 'idempotency-key': 'order-1' });
    expect(bad.status).toBe(400);
    const good = post('/v1/payment_intents', create, { 'idempotency-key': 'order-1' });
    expect(good.status).toBe(200);
    expect(good.body.status).toBe('succeeded');
    expect(count('paymentIntents')).toBe(1);
  });

  it('a result is saved once executed: a replay answers it, other params are an idempotency_error', () => {
    const first = post('/v1/payment_intents', create, { 'idempotency-key': 'order-2' });
    const again = post('/v1/payment_intents', create, { 'idempotency-key': 'order-2' });
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = post('/v1/payment_intents', `${create}&description=x`, { 'idempotency-key': 'order-2' });
    expect(other.status).toBe(400);
    expect(other.body.error.type).toBe('idempotency_error');
    // A decline is a result too (402), saved with its key.
    const declined = post(
      '/v1/payment_intents',
      'amount=2000&currency=usd&payment_method=pm_card_chargeDeclined&confirm=true',
      {
        'idempotency-key': 'order-3',
      },
    );
    expect(declined.status).toBe(402);
    const replay = post(
      '/v1/payment_intents',
      'amount=2000&currency=usd&payment_method=pm_card_chargeDeclined&confirm=true',
      {
        'idempotency-key': 'order-3',
      },
    );
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('keys up to 255 characters; a longer one is a 400 and nothing happens', () => {
    expect(post('/v1/customers', 'email=a@example.net', { 'idempotency-key': 'k'.repeat(255) }).status).toBe(
      200,
    );
    const r = post('/v1/customers', 'email=b@example.net', { 'idempotency-key': 'k'.repeat(300) });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ type: 'invalid_request_error' });
    expect(r.body.error.message).toContain('255');
    expect(count('customers')).toBe(1);
  });
});

describe('loose input is refused as Stripe refuses it', () => {
  it('currency=xyz', () => {
    const r = post('/v1/payment_intents', 'amount=2000&currency=xyz');
    expect(r.status).toBe(400);
    expect(r.body.error.param).toBe('currency');
    expect(post('/v1/payment_intents', 'amount=2000&currency=EUR').status).toBe(200);
  });

  it('unknown nested params name their full path', () => {
    const r = post('/v1/payment_intents', 'amount=2000&currency=usd&shipping[name]=Pat&shipping[foo]=1');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'parameter_unknown', param: 'shipping[foo]' });
    const deep = post('/v1/customers', 'shipping[name]=Pat&shipping[address][planet]=Mars');
    expect(deep.body.error.param).toBe('shipping[address][planet]');
    expect(post('/v1/customers', 'shipping[name]=Pat&shipping[address][city]=Oslo').status).toBe(200);
  });

  it('metadata keys over 40 characters, values over 500, more than 50 keys', () => {
    expect(post('/v1/customers', `metadata[${'k'.repeat(40)}]=v`).status).toBe(200);
    expect(post('/v1/customers', `metadata[${'k'.repeat(41)}]=v`).status).toBe(400);
    expect(post('/v1/customers', `metadata[k]=${'v'.repeat(501)}`).status).toBe(400);
    const many = Array.from({ length: 51 }, (_, i) => `metadata[k${i}]=v`).join('&');
    expect(post('/v1/customers', many).status).toBe(400);
  });

  it('invalid JSON has the one code every sandbox API uses', () => {
    const r = call('POST', '/v1/customers', '{"email":', { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json' });
    for (const [api, path] of [
      ['control', '/v1/faults'],
      ['licensing', '/v1/keys'],
      ['support', '/v1/contacts'],
      ['mailbox', '/v1/messages'],
      ['backoffice', '/v1/backoffice/orders'],
    ] as const) {
      const req = {
        method: 'POST',
        path,
        query: '',
        headers: { 'content-type': 'application/json' },
        body: '{"a":',
      };
      const res = ROUTERS[api](session, req) as ApiResponse & { body: any };
      expect([api, res.status]).toEqual([api, 400]);
      expect(res.body.error).toMatchObject({
        type: 'invalid_request_error',
        code: 'invalid_json',
        message: r.body.error.message,
      });
    }
  });
});

describe('/v1/customers/search', () => {
  it("is routed: Stripe's query language over email, name and metadata", () => {
    post('/v1/customers', 'email=pat@example.net&name=Pat&metadata[plan]=pro');
    post('/v1/customers', 'email=sam@example.net&name=Sam');
    const byEmail = call(
      'GET',
      `/v1/customers/search?query=${encodeURIComponent("email:'pat@example.net'")}`,
    );
    expect(byEmail.status).toBe(200);
    expect(byEmail.body).toMatchObject({ object: 'search_result', data: [{ name: 'Pat' }] });
    const byMeta = call(
      'GET',
      `/v1/customers/search?query=${encodeURIComponent("metadata['plan']:'pro' AND name~'pa'")}`,
    );
    expect(byMeta.body.data.map((c: any) => c.name)).toEqual(['Pat']);
    const either = call(
      'GET',
      `/v1/customers/search?query=${encodeURIComponent("name:'Pat' OR name:'Sam'")}`,
    );
    expect(either.body.data).toHaveLength(2);
  });

  it('a query it cannot read is a Stripe-shaped 400 naming query, not a missing customer', () => {
    const r = call('GET', `/v1/customers/search?query=${encodeURIComponent('created>5')}`);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ type: 'invalid_request_error', param: 'query' });
    expect(call('GET', '/v1/customers/search').body.error.param).toBe('query');
  });
});
