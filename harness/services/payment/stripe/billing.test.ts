import { describe, expect, it } from 'vitest';
import { cloneWorld } from '../../../core/world.ts';
import { events, sandbox } from '../../../engine/testdata/sandbox.ts';
import { advanceTo } from '../../../merchant/flows.ts';
import { authorise } from '../charges.ts';
import { billingOf } from './account.ts';
import { luhn, TEST_CARD_NAMES, TEST_CARDS } from './cards.ts';
import { createCustomer } from './customers.ts';
import { BillingError } from './errors.ts';
import { confirmPaymentIntent, createPaymentIntent } from './intents.ts';
import { attachPaymentMethod, resolvePaymentMethod } from './paymentMethods.ts';
import { createRefund } from './refunds.ts';
import { addInterval, createSubscription, updateSubscription } from './subscriptions.ts';

const DAY = 86_400_000;

describe('billing (the payment provider’s accounts)', () => {
  it('prices the merchant’s catalogue: price_<id> by lookup key, renewals as their own price', () => {
    const { env, world } = sandbox();
    const b = billingOf(world, env);
    expect(b.prices.price_app).toMatchObject({ unit_amount: 10000, recurring: null, lookup_key: 'app' });
    expect(b.prices.price_guard).toMatchObject({
      unit_amount: 3000,
      recurring: { interval: 'year', interval_count: 1 },
    });
    expect(b.prices.price_guard_renewal).toMatchObject({ unit_amount: 5000, lookup_key: 'guard-renewal' });
    expect(world.seq).toBe(0);
  });

  it('every test card number passes Luhn, and every test name names one', () => {
    for (const pan of Object.keys(TEST_CARDS)) expect(luhn(pan)).toBe(true);
    for (const pan of Object.values(TEST_CARD_NAMES)) expect(TEST_CARDS[pan]).toBeDefined();
  });

  it('a payment intent charges through the same model as sim: same event, same counters', () => {
    const { env, world } = sandbox();
    const pi = createPaymentIntent(world, env, {
      amount: 4250,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');
    expect(world.customer.spent).toBe(42.5);
    expect(world.charges).toHaveLength(1);
    expect(events(world, 'payment.charged')[0]!.text).toBe('The card (•••• 4242) was charged $42.50.');
    // The sim's authorise is untouched by all this.
    authorise(world, env, 10, { orderId: 'ord_x' });
    expect(events(world, 'payment.charged')[1]!.data).toEqual({
      charge: world.charges[1]!.id,
      amount: 10,
      orderId: 'ord_x',
    });
  });

  it('a decline is a BillingError with Stripe’s body; the intent waits for another card', () => {
    const { env, world } = sandbox();
    const pi = createPaymentIntent(world, env, { amount: 1000, currency: 'usd' });
    let error: unknown;
    try {
      confirmPaymentIntent(world, env, pi.id, { payment_method: 'pm_card_chargeDeclinedInsufficientFunds' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).status).toBe(402);
    expect((error as BillingError).body).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    expect(pi.status).toBe('requires_payment_method');
    expect(world.customer.spent).toBe(0);
    expect(events(world, 'payment.failed')[0]!.text).toBe(
      'The payment of $10.00 failed: card declined (insufficient funds).',
    );
  });

  it('a partial refund records what went back; the charge is refunded only when all has', () => {
    const { env, world } = sandbox();
    const pi = createPaymentIntent(world, env, {
      amount: 3000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    createRefund(world, env, { payment_intent: pi.id, amount: 1000 });
    expect(world.charges[0]!.status).toBe('succeeded');
    createRefund(world, env, { payment_intent: pi.id });
    expect(world.charges[0]!.status).toBe('refunded');
    expect(world.customer.refunded).toBe(30);
    expect(events(world, 'payment.refunded').map((e) => e.data?.amount)).toEqual([10, 20]);
  });

  it('test payment methods make a new payment method per use; an always-declining card cannot be attached', () => {
    const { env, world } = sandbox();
    const a = resolvePaymentMethod(world, env, 'pm_card_visa', 'payment_method');
    const b = resolvePaymentMethod(world, env, 'pm_card_visa', 'payment_method');
    expect(a.id).not.toBe(b.id);
    const c = createCustomer(world, env, { email: 'x@example.net' });
    expect(() => attachPaymentMethod(world, env, 'pm_card_chargeDeclined', c.id)).toThrow(BillingError);
    expect(attachPaymentMethod(world, env, 'pm_card_chargeCustomerFail', c.id).customer).toBe(c.id);
  });

  it('renews on the world’s clock; a later schedule voids the earlier renewal event', () => {
    const { env, world } = sandbox();
    const c = createCustomer(world, env, { email: 'x@example.net', payment_method: 'pm_card_visa' });
    const pm = Object.values(billingOf(world, env).paymentMethods)[0]!;
    const sub = createSubscription(world, env, {
      customer: c.id,
      default_payment_method: pm.id,
      items: [{ price: 'price_guard' }],
    });
    expect(sub.status).toBe('active');
    updateSubscription(world, env, sub.id, { cancel_at_period_end: true });
    updateSubscription(world, env, sub.id, { cancel_at_period_end: false });
    advanceTo(world, env, world.now + 366 * DAY);
    expect(events(world, 'subscription.renewed')).toHaveLength(1);
    expect(world.charges).toHaveLength(2);
    expect(world.pending.filter((p) => p.type === 'payment.renewal')).toHaveLength(1);
  });

  it('month intervals keep the day of month, clamped to short months (UTC)', () => {
    const jan31 = Date.UTC(2026, 0, 31, 12);
    expect(new Date(addInterval(jan31, { interval: 'month', interval_count: 1 })).toISOString()).toBe(
      '2026-02-28T12:00:00.000Z',
    );
    expect(new Date(addInterval(jan31, { interval: 'year', interval_count: 1 })).toISOString()).toBe(
      '2027-01-31T12:00:00.000Z',
    );
    expect(addInterval(jan31, { interval: 'week', interval_count: 2 }) - jan31).toBe(14 * DAY);
  });

  it('a cloned world carries its own copy of the billing state', () => {
    const { env, world } = sandbox();
    createCustomer(world, env, { email: 'x@example.net' });
    const copy = cloneWorld(world);
    createCustomer(copy, env, { email: 'y@example.net' });
    expect(Object.keys(world.billing!.customers)).toHaveLength(1);
    expect(Object.keys(copy.billing!.customers)).toHaveLength(2);
  });
});
