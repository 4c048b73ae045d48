// biome-ignore-all lint/suspicious/noExplicitAny: the APIs' JSON answers are read loosely in tests
/**
 * The payment API through the official `stripe` SDK, pointed at the sandbox on loopback with
 * nothing changed but host, port and protocol.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  cardError,
  control,
  stripe,
  useStripeSandbox,
} from '../../../targets/sandbox/testdata/stripeSandbox.ts';

useStripeSandbox();

describe('payment API with the stripe SDK', () => {
  it('creates, retrieves, updates, lists and deletes customers', async () => {
    const c = await stripe.customers.create({
      email: 'pat@example.net',
      name: 'Pat',
      metadata: { plan: 'pro' },
    });
    expect(c.id).toMatch(/^cus_/);
    expect(c).toMatchObject({ object: 'customer', email: 'pat@example.net', livemode: false });
    const again = await stripe.customers.retrieve(c.id);
    expect(again).toMatchObject({ id: c.id, name: 'Pat', metadata: { plan: 'pro' } });
    const updated = await stripe.customers.update(c.id, { name: 'Pat Doe', metadata: { plan: '' } });
    expect(updated).toMatchObject({ name: 'Pat Doe', metadata: {} });
    await stripe.customers.create({ email: 'sam@example.net' });
    const list = await stripe.customers.list({ limit: 1 });
    expect(list.object).toBe('list');
    expect(list.data).toHaveLength(1);
    expect(list.has_more).toBe(true);
    const all: string[] = [];
    for await (const x of stripe.customers.list({ limit: 1 })) all.push(x.email!);
    expect(all).toEqual(['sam@example.net', 'pat@example.net']);
    const deleted = await stripe.customers.del(c.id);
    expect(deleted).toEqual({ id: c.id, object: 'customer', deleted: true });
  });

  it('pm_card_visa and 4242 4242 4242 4242 succeed, with the charge the SDK can read back', async () => {
    const customer = await stripe.customers.create({ email: 'pat@example.net' });
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      metadata: { order_id: 'ord_77' },
    });
    expect(pi.id).toMatch(/^pi_/);
    expect(pi).toMatchObject({
      status: 'succeeded',
      amount_received: 2000,
      currency: 'usd',
      customer: customer.id,
    });
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge.id).toMatch(/^ch_/);
    expect(charge).toMatchObject({
      status: 'succeeded',
      paid: true,
      amount_captured: 2000,
      payment_intent: pi.id,
    });
    expect(charge.payment_method_details?.card?.last4).toBe('4242');

    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4242424242424242', exp_month: 12, exp_year: 2030, cvc: '123' },
    } as Stripe.PaymentMethodCreateParams);
    const two = await stripe.paymentIntents.create({ amount: 999, currency: 'usd' });
    expect(two.status).toBe('requires_payment_method');
    const confirmed = await stripe.paymentIntents.confirm(two.id, { payment_method: pm.id });
    expect(confirmed.status).toBe('succeeded');
    const expanded = await stripe.paymentIntents.retrieve(two.id, {
      expand: ['latest_charge', 'payment_method'],
    });
    expect((expanded.latest_charge as Stripe.Charge).payment_method_details?.card?.checks?.cvc_check).toBe(
      'pass',
    );
    expect((expanded.payment_method as Stripe.PaymentMethod).card?.last4).toBe('4242');

    const trace = (await control('/v1/trace?kind=payment')).body.data;
    expect(trace.map((e: any) => e.kind)).toEqual(['payment.charged', 'payment.charged']);
    expect(trace[0].data).toMatchObject({
      charge: charge.id,
      paymentIntent: pi.id,
      amount: 20,
      orderId: 'ord_77',
    });
    expect(trace[0].text).toBe('The card (•••• 4242) was charged $20.00.');
  });

  it.each([
    ['pm_card_chargeDeclined', 'card_declined', 'generic_decline', 'Your card was declined.'],
    [
      'pm_card_chargeDeclinedInsufficientFunds',
      'card_declined',
      'insufficient_funds',
      'Your card has insufficient funds.',
    ],
    [
      'pm_card_chargeDeclinedIncorrectCvc',
      'incorrect_cvc',
      'incorrect_cvc',
      "Your card's security code is incorrect.",
    ],
  ])('%s declines with a StripeCardError (%s / %s)', async (pm, code, decline, message) => {
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd' });
    const e = await cardError(stripe.paymentIntents.confirm(pi.id, { payment_method: pm }));
    expect(e.statusCode).toBe(402);
    expect(e.type).toBe('StripeCardError');
    expect(e.rawType).toBe('card_error');
    expect(e.code).toBe(code);
    expect(e.decline_code).toBe(decline);
    expect(e.message).toBe(message);
    expect(e.charge).toMatch(/^ch_/);
    expect(e.payment_intent?.status).toBe('requires_payment_method');
    expect(e.payment_intent?.last_payment_error?.code).toBe(code);
    const after = await stripe.paymentIntents.retrieve(pi.id);
    expect(after.status).toBe('requires_payment_method');
    expect((await stripe.charges.retrieve(e.charge!)).status).toBe('failed');
    // A new card on the same intent succeeds.
    expect((await stripe.paymentIntents.confirm(pi.id, { payment_method: 'pm_card_visa' })).status).toBe(
      'succeeded',
    );
  });

  it('4000 0000 0000 0002 declines; a raw number failing Luhn is incorrect_number', async () => {
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4000000000000002', exp_month: 1, exp_year: 2031 },
    } as Stripe.PaymentMethodCreateParams);
    const e = await cardError(
      stripe.paymentIntents.create({ amount: 700, currency: 'usd', payment_method: pm.id, confirm: true }),
    );
    expect([e.code, e.decline_code]).toEqual(['card_declined', 'generic_decline']);
    const bad = await cardError(
      stripe.paymentMethods.create({
        type: 'card',
        card: { number: '4242424242424241', exp_month: 1, exp_year: 2031 },
      } as Stripe.PaymentMethodCreateParams),
    );
    expect([bad.code, bad.param]).toEqual(['incorrect_number', 'number']);
  });

  it('4000 0000 0000 0010 fails the address check: charged, checks report fail', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_avsFail',
      confirm: true,
      expand: ['latest_charge'],
    });
    expect(pi.status).toBe('succeeded');
    const checks = (pi.latest_charge as Stripe.Charge).payment_method_details?.card?.checks;
    expect(checks).toMatchObject({ address_line1_check: 'fail', address_postal_code_check: 'fail' });
    const events = (await control('/v1/trace?kind=payment')).body.data;
    expect(events.at(-1)).toMatchObject({ kind: 'payment.check-failed', data: { failure: 'avs-mismatch' } });
  });

  it('4000 0000 0000 0101 fails the CVC check; with decline-on-CVC it is a StripeCardError', async () => {
    const pm = await stripe.paymentMethods.create({
      type: 'card',
      card: { number: '4000000000000101', exp_month: 3, exp_year: 2032, cvc: '999' },
    } as Stripe.PaymentMethodCreateParams);
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: pm.id,
      confirm: true,
      expand: ['latest_charge'],
    });
    expect(pi.status).toBe('succeeded');
    expect((pi.latest_charge as Stripe.Charge).payment_method_details?.card?.checks?.cvc_check).toBe('fail');

    expect((await control('/v1/payment/settings', { declineOn: { cvc: true } })).body.declineOn).toEqual({
      avs: false,
      cvc: true,
    });
    const e = await cardError(
      stripe.paymentIntents.create({ amount: 5000, currency: 'usd', payment_method: pm.id, confirm: true }),
    );
    expect([e.code, e.decline_code, e.param]).toEqual(['incorrect_cvc', 'incorrect_cvc', 'cvc']);
  });

  it('sandbox payment faults apply on top of a good card', async () => {
    expect((await control('/v1/faults', { fault: 'payment.declined', times: 1 })).status).toBe(201);
    const e = await cardError(
      stripe.paymentIntents.create({
        amount: 1200,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      }),
    );
    expect([e.code, e.decline_code]).toEqual(['card_declined', 'generic_decline']);
    // `times: 1`: the next payment goes through.
    const ok = await stripe.paymentIntents.create({
      amount: 1200,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(ok.status).toBe('succeeded');

    await control('/v1/faults', { fault: 'payment.avs-mismatch' });
    const avs = await stripe.paymentIntents.create({
      amount: 1200,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      expand: ['latest_charge'],
    });
    expect(avs.status).toBe('succeeded');
    expect(
      (avs.latest_charge as Stripe.Charge).payment_method_details?.card?.checks?.address_line1_check,
    ).toBe('fail');
    await control('/v1/faults', undefined, 'DELETE');
    await control('/v1/faults', { fault: 'payment.timeout' });
    const t = await cardError(
      stripe.paymentIntents.create({
        amount: 1200,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
      }),
    );
    expect(t.code).toBe('processing_error');
    const kinds = (await control('/v1/trace?kind=payment')).body.data.map((x: any) => [
      x.kind,
      x.actor,
      x.data.fault,
    ]);
    expect(kinds).toEqual([
      ['payment.failed', 'fault', 'payment.declined'],
      ['payment.charged', 'payment', undefined],
      ['payment.check-failed', 'fault', 'payment.avs-mismatch'],
      ['payment.failed', 'fault', 'payment.timeout'],
    ]);
  });

  it('refunds in full and in part, and refuses more than is left', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 3000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const part = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 });
    expect(part.id).toMatch(/^re_/);
    expect(part).toMatchObject({
      object: 'refund',
      amount: 1000,
      status: 'succeeded',
      payment_intent: pi.id,
    });
    const rest = await stripe.refunds.create({ charge: pi.latest_charge as string });
    expect(rest.amount).toBe(2000);
    const charge = await stripe.charges.retrieve(pi.latest_charge as string);
    expect(charge).toMatchObject({ refunded: true, amount_refunded: 3000 });
    const e = await stripe.refunds.create({ payment_intent: pi.id }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((e as Stripe.errors.StripeError).code).toBe('charge_already_refunded');
    expect((await stripe.refunds.list({ payment_intent: pi.id })).data).toHaveLength(2);
    const state = (await control('/v1/state')).body;
    expect(state).toMatchObject({ spent: 30, refunded: 30 });
  });

  it('authorises and captures (manual capture) and cancels an authorisation', async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
    });
    expect(pi.status).toBe('requires_capture');
    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 2500 });
    expect(captured).toMatchObject({ status: 'succeeded', amount_received: 2500 });
    const other = await stripe.paymentIntents.create({
      amount: 4000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      capture_method: 'manual',
      confirm: true,
    });
    expect((await stripe.paymentIntents.cancel(other.id)).status).toBe('canceled');
    const e = await stripe.paymentIntents.confirm(other.id).catch((x: unknown) => x);
    expect((e as Stripe.errors.StripeError).code).toBe('payment_intent_unexpected_state');
  });

  it('creates and cancels a subscription; the clock renews it and ends it at period end', async () => {
    const customer = await stripe.customers.create({
      email: 'sub@example.net',
      payment_method: 'pm_card_visa',
    });
    const pms = await stripe.customers.listPaymentMethods(customer.id);
    expect(pms.data).toHaveLength(1);
    await stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: pms.data[0]!.id },
    });
    const price = await stripe.prices.create({
      currency: 'usd',
      unit_amount: 999,
      recurring: { interval: 'month' },
      product_data: { name: 'Pro plan' },
    });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: price.id }],
      expand: ['latest_invoice'],
    });
    expect(sub.id).toMatch(/^sub_/);
    expect(sub.status).toBe('active');
    const item = sub.items.data[0]!;
    expect(item.current_period_end - item.current_period_start).toBeGreaterThanOrEqual(28 * 86400);
    expect((sub.latest_invoice as Stripe.Invoice).status).toBe('paid');

    // The control API moves the clock one month and a bit: the subscription renews.
    await control('/v1/clock', { advance: 'P32D' });
    const renewed = await stripe.subscriptions.retrieve(sub.id);
    expect(renewed.status).toBe('active');
    expect(renewed.items.data[0]!.current_period_start).toBe(item.current_period_end);
    const invoices = await stripe.invoices.list({ subscription: sub.id });
    expect(invoices.data.map((i) => [i.billing_reason, i.status, i.amount_paid])).toEqual([
      ['subscription_cycle', 'paid', 999],
      ['subscription_create', 'paid', 999],
    ]);
    const charges = await stripe.charges.list({ customer: customer.id });
    expect(charges.data).toHaveLength(2);
    const renewals = (await control('/v1/trace?kind=subscription')).body.data.map((e: any) => e.kind);
    expect(renewals).toEqual(['subscription.created', 'subscription.renewed']);

    // Cancel at period end: the next period end ends it instead of renewing.
    const scheduled = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect(scheduled.cancel_at_period_end).toBe(true);
    await control('/v1/clock', { advance: 'P32D' });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('canceled');
    expect((await stripe.charges.list({ customer: customer.id })).data).toHaveLength(2);

    // Cancel at once.
    const second = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: price.id }] });
    const cancelled = await stripe.subscriptions.cancel(second.id);
    expect(cancelled).toMatchObject({ status: 'canceled' });
    await control('/v1/clock', { advance: 'P40D' });
    expect((await stripe.charges.list({ customer: customer.id })).data).toHaveLength(3);
  });

  it('a declined renewal leaves the subscription past due', async () => {
    const customer = await stripe.customers.create({ email: 'late@example.net' });
    const pm = await stripe.paymentMethods.attach('pm_card_visa', { customer: customer.id });
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      default_payment_method: pm.id,
      items: [{ price: 'price_guard' }],
    });
    expect(sub.status).toBe('active');
    expect(sub.items.data[0]!.price).toMatchObject({ unit_amount: 3000, recurring: { interval: 'year' } });
    await control('/v1/faults', { fault: 'payment.declined' });
    await control('/v1/clock', { advance: 'P366D' });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe('past_due');
    const kinds = (await control('/v1/trace?kind=subscription')).body.data.map((e: any) => e.kind);
    expect(kinds).toEqual(['subscription.created', 'subscription.renewal-failed']);
  });

  it('a subscription without a payment method is refused the way Stripe refuses it', async () => {
    const customer = await stripe.customers.create({ email: 'nopm@example.net' });
    const e = await stripe.subscriptions
      .create({ customer: customer.id, items: [{ price: 'price_guard' }] })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect((e as Stripe.errors.StripeError).code).toBe('resource_missing');
  });
});
