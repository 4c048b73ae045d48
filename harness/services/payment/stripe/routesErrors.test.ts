// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/**
 * The payment API's errors in Stripe's shape (keys, parameters, unknown ids and URLs,
 * idempotency), through the official `stripe` SDK and raw HTTP against the sandbox on loopback.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  control,
  sandbox,
  stripe,
  useStripeSandbox,
} from '../../../targets/sandbox/testdata/stripeSandbox.ts';

useStripeSandbox();

describe('payment API errors', () => {
  const raw = (path: string, init: RequestInit = {}) =>
    fetch(`${sandbox.urls.payment}${path}`, init).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as any,
    }));
  const auth = { authorization: 'Bearer sk_test_x', 'content-type': 'application/x-www-form-urlencoded' };

  it('401 without a key, or with a live key, in Stripe’s shape', async () => {
    const none = await raw('/v1/customers');
    expect(none.status).toBe(401);
    expect(none.body.error.type).toBe('invalid_request_error');
    expect(none.body.error.message).toMatch(/^You did not provide an API key/);
    const live = await raw('/v1/customers', {
      headers: { authorization: 'Bearer sk_live_abcdefghijkl1234' },
    });
    expect(live.status).toBe(401);
    expect(live.body.error.message).toMatch(/^Invalid API Key provided: sk_live_\*+1234/);
    const sdk = new Stripe('sk_live_nope1234567890', {
      host: '127.0.0.1',
      port: sandbox.ports.payment,
      protocol: 'http',
    });
    await expect(sdk.customers.list()).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it('missing, unknown and malformed parameters are 400s naming the param', async () => {
    const missing = await raw('/v1/payment_intents', { method: 'POST', headers: auth, body: 'currency=usd' });
    expect(missing).toEqual({
      status: 400,
      body: {
        error: {
          type: 'invalid_request_error',
          code: 'parameter_missing',
          doc_url: 'https://stripe.com/docs/error-codes/parameter-missing',
          message: 'Missing required param: amount.',
          param: 'amount',
        },
      },
    });
    const unknown = await raw('/v1/customers', { method: 'POST', headers: auth, body: 'emial=x%40y.z' });
    expect(unknown.body.error).toMatchObject({ code: 'parameter_unknown', param: 'emial' });
    const notInt = await raw('/v1/payment_intents', {
      method: 'POST',
      headers: auth,
      body: 'amount=ten&currency=usd',
    });
    expect(notInt.body.error).toMatchObject({
      code: 'parameter_invalid_integer',
      message: 'Invalid integer: ten',
    });
    const small = await raw('/v1/payment_intents', {
      method: 'POST',
      headers: auth,
      body: 'amount=10&currency=usd',
    });
    expect(small.body.error).toMatchObject({ code: 'amount_too_small', param: 'amount' });
    const nested = await raw('/v1/payment_methods', {
      method: 'POST',
      headers: auth,
      body: 'type=card&card[number]=4242424242424242&card[exp_month]=1&card[exp_year]=2040&card[colour]=red',
    });
    expect(nested.body.error).toMatchObject({ code: 'parameter_unknown', param: 'card[colour]' });
  });

  it('404 for an unknown id and an unknown URL; 400 for an unknown id in a parameter', async () => {
    const noSuch = await raw('/v1/customers/cus_nope', { headers: auth });
    expect(noSuch.status).toBe(404);
    expect(noSuch.body.error).toMatchObject({
      code: 'resource_missing',
      message: "No such customer: 'cus_nope'",
      param: 'id',
    });
    const url = await raw('/v1/nothing', { headers: auth });
    expect(url.status).toBe(404);
    expect(url.body.error.message).toBe(
      'Unrecognized request URL (GET: /v1/nothing). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.',
    );
    const ref = await raw('/v1/payment_intents', {
      method: 'POST',
      headers: auth,
      body: 'amount=500&currency=usd&customer=cus_nope',
    });
    expect(ref.status).toBe(400);
    expect(ref.body.error).toMatchObject({ code: 'resource_missing', param: 'customer' });
    await expect(stripe.customers.retrieve('cus_nope')).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('replays an idempotent request and refuses a key reused with other parameters', async () => {
    const headers = { ...auth, 'idempotency-key': 'same-key' };
    const body = 'amount=800&currency=usd&payment_method=pm_card_visa&confirm=true';
    const first = await fetch(`${sandbox.urls.payment}/v1/payment_intents`, {
      method: 'POST',
      headers,
      body,
    });
    const second = await fetch(`${sandbox.urls.payment}/v1/payment_intents`, {
      method: 'POST',
      headers,
      body,
    });
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(((await second.json()) as any).id).toBe(((await first.json()) as any).id);
    const other = await raw('/v1/payment_intents', {
      method: 'POST',
      headers,
      body: 'amount=900&currency=usd',
    });
    expect(other.status).toBe(400);
    expect(other.body.error.type).toBe('idempotency_error');
    expect((await control('/v1/state')).body.charges).toBe(1);
  });
});
