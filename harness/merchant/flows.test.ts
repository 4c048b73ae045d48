import { describe, expect, it } from 'vitest';
import { hasFact } from '../core/world.ts';
import { readMessage } from '../customer/steps.ts';
import { EMAIL, events, type Sandbox, sandbox, shop, webOrder } from '../engine/testdata/sandbox.ts';
import { typoOf } from '../services/mail/faults/addressTypo.ts';
import { findMail } from '../services/mail/mailbox.ts';
import { advanceTo, checkout, givenPurchase } from './flows.ts';
import { businessDuration, describeOrder } from './policy.ts';
import { applyOverrides, type MerchantProfile } from './profile.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function buy(sb: Sandbox, product: string, shipping: 'standard' | 'rush' = 'standard', quantity = 1) {
  return checkout(sb.world, sb.env, { product, channel: 'web', shipping, quantity, email: EMAIL });
}

const withPolicy = (onPaymentMismatch: string): MerchantProfile =>
  shop({ policies: { onPaymentMismatch, publicCancellationReason: 'due to inventory', rushSurcharge: 39 } });
const mismatch = [{ fault: 'payment.avs-mismatch', times: 1 }];

describe('checkout on a card mismatch', () => {
  it('ask-customer: stops the checkout, places no order and gives the money back', () => {
    const sb = sandbox({ merchant: withPolicy('ask-customer'), faults: mismatch });
    expect(buy(sb, 'mug')).toEqual({ ok: false, reason: 'billing address does not match the card' });
    expect(sb.world.orders).toEqual([]);
    expect(sb.world.charges.map((c) => c.status)).toEqual(['refunded']);
    expect(sb.world.mail).toEqual([]);
    expect(events(sb.world, 'checkout.rejected')[0]!.text).toContain(
      'asked the customer to check their card details',
    );
    // Trying again works (times: 1).
    expect(buy(sb, 'mug').ok).toBe(true);
  });

  it('cancel-and-notify: confirms, cancels, refunds and tells the customer why', () => {
    const sb = sandbox({ merchant: withPolicy('cancel-and-notify'), faults: mismatch });
    const res = buy(sb, 'mug');
    if (!res.ok) throw new Error(res.reason);
    expect(res.order).toMatchObject({ status: 'cancelled', reason: 'payment-mismatch' });
    expect(sb.world.customer.refunded).toBe(20);
    advanceTo(sb.world, sb.env, sb.world.now + HOUR);
    const kinds = findMail(sb.world, 'inbox').map((m) => m.kind);
    expect(kinds).toEqual(['order-confirmation', 'order-cancelled']);
    const notice = findMail(sb.world, 'inbox', 'order-cancelled')[0]!;
    expect(notice.subject).toBe(
      `Order ${res.order.id} was cancelled: billing address does not match the card`,
    );
    readMessage(sb.world, sb.env, notice);
    expect(sb.world.customer.knows).toContain('order-failed:mug');
    expect(events(sb.world, 'order.cancelled')[0]!.data).toMatchObject({ notified: true });
  });

  it('cancel-silently: cancels without a word; the order page gives the public reason', () => {
    const sb = sandbox({ merchant: withPolicy('cancel-silently'), faults: mismatch });
    const res = buy(sb, 'mug');
    if (!res.ok) throw new Error(res.reason);
    advanceTo(sb.world, sb.env, sb.world.now + 10 * DAY);
    expect(findMail(sb.world, 'inbox').map((m) => m.kind)).toEqual(['order-confirmation']);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(false);
    const cancelled = events(sb.world, 'order.cancelled')[0]!;
    expect(cancelled.text).toMatch(/did not tell the customer\.$/);
    expect(cancelled.data).toMatchObject({ notified: false, reason: 'payment-mismatch' });
    expect(res.order.reason).toBe('payment-mismatch');
    expect(describeOrder(sb.env, res.order)).toBe(
      `order ${res.order.id} (Mug) was cancelled: due to inventory`,
    );
    expect(sb.world.customer.refunded).toBe(20);
  });

  it('without a public reason the order page gives the real one in plain words, not its code', () => {
    const profile = shop({ policies: { onPaymentMismatch: 'cancel-silently' } });
    const sb = sandbox({ merchant: profile, faults: mismatch });
    const res = buy(sb, 'mug');
    expect(res.ok && describeOrder(sb.env, res.order)).toMatch(
      /was cancelled: the card details did not match the billing information$/,
    );
  });

  it('the payment event names the order it paid for', () => {
    const sb = sandbox();
    const res = buy(sb, 'mug');
    if (!res.ok) throw new Error(res.reason);
    expect(events(sb.world, 'payment.charged')[0]!.data?.orderId).toBe(res.order.id);
  });
});

describe('checkout', () => {
  it('confirmEmailTwice catches a typo: the key goes to the real, verified address', () => {
    const faults = [{ fault: 'mail.address-typo' }];
    const careful = sandbox({ merchant: shop({ capabilities: { confirmEmailTwice: true } }), faults });
    const res = webOrder(careful, 'app');
    expect(res.ok && res.order.email).toBe(EMAIL);
    expect(events(careful.world, 'checkout.typo-caught')[0]!.data).toMatchObject({ typed: typoOf(EMAIL) });
    const key = careful.world.mail.find((m) => m.kind === 'licence-key')!;
    expect(key).toMatchObject({ to: EMAIL, unverifiedAddress: false });

    const careless = sandbox({ faults });
    const bad = webOrder(careless, 'app');
    expect(bad.ok && bad.order.email).toBe(typoOf(EMAIL));
    expect(careless.world.mail.find((m) => m.kind === 'licence-key')).toMatchObject({
      to: typoOf(EMAIL),
      unverifiedAddress: true,
    });
    expect(events(careless.world, 'checkout.email-mistyped')).toHaveLength(1);
  });

  it('rush delivery costs the surcharge once and arrives the next day', () => {
    const sb = sandbox({ merchant: withPolicy('ask-customer') });
    const t0 = sb.world.now;
    const res = buy(sb, 'mug', 'rush', 2);
    if (!res.ok) throw new Error(res.reason);
    expect(res.order.price).toBe(2 * 20 + 39);
    expect(sb.world.charges[0]!.amount).toBe(79);
    expect(events(sb.world, 'order.confirmed')[0]!.text).toContain(
      '($79.00, including $39.00 for rush delivery)',
    );
    advanceTo(sb.world, sb.env, t0 + DAY - 1);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(false);
    advanceTo(sb.world, sb.env, t0 + DAY);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(true);
  });

  it('standard delivery takes the product’s shipping days, with no surcharge', () => {
    const sb = sandbox({ merchant: withPolicy('ask-customer') });
    const t0 = sb.world.now;
    const res = buy(sb, 'mug');
    expect(res.ok && res.order.price).toBe(20);
    advanceTo(sb.world, sb.env, t0 + 3 * DAY - 1);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(false);
    advanceTo(sb.world, sb.env, t0 + 3 * DAY);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(true);
  });

  it('no rush surcharge on things that are not shipped', () => {
    const sb = sandbox({ merchant: withPolicy('ask-customer') });
    const res = buy(sb, 'app', 'rush');
    expect(res.ok && res.order.price).toBe(100);
  });

  it('a policy can switch a notification off, and says so in the trace', () => {
    const sb = sandbox({ merchant: shop({ policies: { notify: { shipped: false } } }) });
    buy(sb, 'mug');
    expect(sb.world.mail.map((m) => m.kind)).toEqual(['order-confirmation']);
    expect(events(sb.world, 'notify.skipped')[0]!.data).toMatchObject({ kind: 'shipped', policy: true });
  });

  it('business durations count on the first support channel’s calendar', () => {
    const sb = sandbox();
    const fri = sb.at('2026-03-06T15:00');
    expect(fri + businessDuration(sb.env, fri, '1 business day')).toBe(sb.at('2026-03-09T15:00'));
    expect(businessDuration(sb.env, fri, 'PT2H')).toBe(2 * HOUR);
  });
});

describe('subscriptions', () => {
  const billing = (over: object = {}) =>
    shop({
      systems: [
        { id: 'web-store', sharesWith: ['billing'] },
        { id: 'billing', sharesWith: ['notifications'] },
        { id: 'notifications' },
      ],
      policies: { renewalRemindersBefore: ['P30D', 'P7D'] },
      ...over,
    });
  const reminders = (sb: Sandbox) => sb.world.mail.filter((m) => m.kind === 'renewal-reminder');

  it('renews at the renewal price after the term, with reminders before, every year', () => {
    const sb = sandbox({ merchant: billing(), start: '2025-01-10T09:00' });
    givenPurchase(sb.world, sb.env, 'guard', 'web', 1);
    const bought = sb.world.now;
    const renews = bought + 365 * DAY;
    advanceTo(sb.world, sb.env, renews - 30 * DAY - 1);
    expect(reminders(sb)).toEqual([]);
    advanceTo(sb.world, sb.env, renews - 1);
    expect(reminders(sb).map((m) => m.sentAt)).toEqual([renews - 30 * DAY, renews - 7 * DAY]);
    expect(sb.world.charges.filter((c) => c.subscriptionId)).toEqual([]);
    advanceTo(sb.world, sb.env, renews);
    const renewal = sb.world.charges.filter((c) => c.subscriptionId);
    expect(renewal.map((c) => [c.amount, c.at])).toEqual([[50, renews]]);
    expect(events(sb.world, 'subscription.renewed')[0]!.text).toBe(
      'The Guard subscription renewed automatically at $50.00 (listed price $30.00).',
    );
    expect(sb.world.mail.filter((m) => m.kind === 'renewed')).toHaveLength(1);
    advanceTo(sb.world, sb.env, renews + 365 * DAY);
    expect(sb.world.charges.filter((c) => c.subscriptionId).map((c) => c.amount)).toEqual([50, 50]);
    expect(reminders(sb)).toHaveLength(4);
    expect(sb.world.customer.spent).toBe(30 + 50 + 50);
  });

  it('after a cancellation: no renewal, and no reminders while notifications can see billing', () => {
    const sb = sandbox({ merchant: billing(), start: '2025-01-10T09:00' });
    givenPurchase(sb.world, sb.env, 'guard', 'web', 1);
    sb.world.subscriptions[0]!.status = 'cancelled';
    advanceTo(sb.world, sb.env, sb.world.now + 2 * 365 * DAY);
    expect(reminders(sb)).toEqual([]);
    expect(sb.world.charges.filter((c) => c.subscriptionId)).toEqual([]);
  });

  it('after a cancellation behind a billing/notifications silo: zombie reminders, still no renewal', () => {
    const sb = sandbox({
      merchant: billing(),
      start: '2025-01-10T09:00',
      faults: [{ fault: 'systems.silo', params: { between: ['billing', 'notifications'] } }],
    });
    givenPurchase(sb.world, sb.env, 'guard', 'web', 1);
    sb.world.subscriptions[0]!.status = 'cancelled';
    advanceTo(sb.world, sb.env, sb.world.now + 365 * DAY);
    expect(reminders(sb)).toHaveLength(2);
    const sent = events(sb.world, 'mail.sent').filter((e) => e.data?.kind === 'renewal-reminder');
    expect(sent.every((e) => e.data?.subscriptionStatus === 'cancelled')).toBe(true);
    expect(sb.world.charges.filter((c) => c.subscriptionId)).toEqual([]);
  });

  it('a shop that does not model billing systems sends no reminders after a cancellation', () => {
    const sb = sandbox({ merchant: shop(), start: '2025-01-10T09:00' });
    givenPurchase(sb.world, sb.env, 'guard', 'web', 1);
    sb.world.subscriptions[0]!.status = 'cancelled';
    advanceTo(sb.world, sb.env, sb.world.now + 365 * DAY);
    expect(reminders(sb)).toEqual([]);
  });

  it('an earlier purchase of a physical product is already delivered; a membership is provisioned', () => {
    const sb = sandbox();
    givenPurchase(sb.world, sb.env, 'mug', 'store', 2);
    givenPurchase(sb.world, sb.env, 'club', 'store', 1);
    expect(sb.world.orders.map((o) => [o.product, o.status, o.provisioned])).toEqual([
      ['mug', 'delivered', true],
      ['mug', 'delivered', true],
      ['club', 'confirmed', true],
    ]);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(true);
    expect(sb.world.customer.spent).toBe(2 * 20 + 99);
  });
});

describe('profile overrides', () => {
  it('switch capabilities and policies without touching the rest or the original', () => {
    const base = shop();
    const over = applyOverrides(base, {
      capabilities: { resendConfirmation: true },
      policies: { onPaymentMismatch: 'cancel-and-notify' },
    });
    expect(over.capabilities).toEqual({ ...base.capabilities, resendConfirmation: true });
    expect(over.policies).toEqual({ ...base.policies, onPaymentMismatch: 'cancel-and-notify' });
    expect(base.capabilities.resendConfirmation).toBe(false);
    expect(applyOverrides(base, undefined)).toBe(base);
  });
});

describe('notification policy', () => {
  it('a kind switched off in policies.notify is not sent, and the trace says it was policy', () => {
    const sb = sandbox({
      merchant: shop({ policies: { notify: { 'order-confirmation': false } } }),
    });
    expect(buy(sb, 'app').ok).toBe(true);
    const kinds = sb.world.mail.map((m) => m.kind);
    expect(kinds).not.toContain('order-confirmation');
    expect(kinds).toContain('licence-key');
    expect(events(sb.world, 'notify.skipped')[0]!.data).toMatchObject({
      kind: 'order-confirmation',
      policy: true,
    });
  });
});
