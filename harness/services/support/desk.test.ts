import { describe, expect, it } from 'vitest';
import { hasFact, latestOrder } from '../../core/world.ts';
import { EMAIL, events, type Sandbox, sandbox, shop } from '../../engine/testdata/sandbox.ts';
import { advanceTo, checkout, givenPurchase } from '../../merchant/flows.ts';
import type { MerchantProfile } from '../../merchant/profile.ts';
import { findMail } from '../mail/mailbox.ts';
import { closedUntil, contact, describeClosure } from './desk.ts';

const MINUTE = 60_000;

/** The shop with a phone line, an e-mail desk and a store; `remedies` etc. per channel. */
function desk(
  over: { phone?: object; email?: object; store?: object; policies?: object } = {},
): MerchantProfile {
  return shop({
    policies: {
      onPaymentMismatch: 'cancel-silently',
      publicCancellationReason: 'due to inventory',
      ...over.policies,
    },
    support: [
      {
        id: 'phone',
        kind: 'phone',
        name: 'the hotline',
        calendar: 'office-9-to-5-ny',
        responseTime: 'PT20M',
        sees: ['web-store', 'store-pos'],
        ...over.phone,
      },
      {
        id: 'email',
        kind: 'email',
        name: 'e-mail support',
        calendar: 'office-9-to-5-ny',
        responseTime: '4 business hours',
        sees: ['web-store'],
        ...over.email,
      },
      {
        id: 'store',
        kind: 'store',
        name: 'the store',
        calendar: 'store-hours-retail',
        responseTime: 'PT20M',
        sees: ['store-pos'],
        ...over.store,
      },
    ],
  });
}

const channel = (sb: Sandbox, id: string) => sb.env.channel(id)!;

function buy(sb: Sandbox, product: string, email = EMAIL) {
  const res = checkout(sb.world, sb.env, {
    product,
    channel: 'web',
    shipping: 'standard',
    quantity: 1,
    email,
  });
  if (!res.ok) throw new Error(res.reason);
  return res.order;
}

describe('support desk: hours', () => {
  it('a phone call on a Saturday waits for Monday 09:00 and takes the handling time', () => {
    const sb = sandbox({ merchant: desk(), start: '2026-03-07T11:00' });
    const result = contact(sb.world, sb.env, channel(sb, 'phone'), 'missing-delivery', 'mug');
    expect(sb.world.now).toBe(sb.at('2026-03-09T09:20'));
    expect(sb.world.contacts[0]).toMatchObject({
      at: sb.at('2026-03-09T09:00'),
      answerAt: sb.at('2026-03-09T09:20'),
    });
    expect(result).toBe('not-found');
    expect(sb.world.customer).toMatchObject({ contacts: 1, calls: 1, storeVisits: 0, effortMinutes: 20 });
  });

  it('a fault closure keeps the channel closed until it ends, and explains why', () => {
    const sb = sandbox({
      merchant: desk(),
      start: '2026-03-07T11:00',
      faults: [
        {
          fault: 'support.closed',
          window: { from: '2026-03-09T00:00', until: '2026-03-11T09:00' },
          params: { channels: ['phone'], reason: 'a call-centre move' },
        },
      ],
    });
    const phone = channel(sb, 'phone');
    expect(closedUntil(sb.env, phone, sb.at('2026-03-09T10:00'))).toEqual({
      reopens: sb.at('2026-03-11T09:00'),
      reason: 'a call-centre move',
    });
    expect(closedUntil(sb.env, channel(sb, 'email'), sb.at('2026-03-09T10:00'))).toBeUndefined();
    expect(describeClosure(sb.env, phone, sb.at('2026-03-09T10:00'), sb.at('2026-03-10T09:00'))).toBe(
      'the hotline is closed (a call-centre move) and reopens Wed 11 Mar 2026 09:00 EDT, 1 day after the deadline',
    );
    expect(
      describeClosure(sb.env, phone, sb.at('2026-03-09T10:00'), sb.at('2026-03-12T09:00')),
    ).toBeUndefined();
    contact(sb.world, sb.env, phone, 'missing-delivery', 'mug');
    expect(sb.world.contacts[0]!.at).toBe(sb.at('2026-03-11T09:00'));
  });

  it('an e-mail written on Friday afternoon is answered after 4 business hours, on Monday', () => {
    const sb = sandbox({ merchant: desk(), start: '2026-03-06T16:00' });
    contact(sb.world, sb.env, channel(sb, 'email'), 'missing-delivery', 'mug');
    expect(sb.world.now).toBe(sb.at('2026-03-09T12:00'));
    expect(sb.world.contacts[0]!.answerAt).toBe(sb.at('2026-03-09T12:00'));
    // Writing the e-mail is the customer's only effort; waiting is not.
    expect(sb.world.customer).toMatchObject({ effortMinutes: 10, contacts: 1, calls: 0 });
    const written = events(sb.world, 'support.contacted')[0]!;
    expect(written.t).toBe(sb.at('2026-03-06T16:00'));
    expect(written.text).toBe('The customer wrote to e-mail support about a delivery that never came.');
  });

  it('an e-mail written on Saturday is counted from the Monday opening', () => {
    const sb = sandbox({ merchant: desk(), start: '2026-03-07T10:00' });
    contact(sb.world, sb.env, channel(sb, 'email'), 'missing-delivery', 'mug');
    expect(sb.world.now).toBe(sb.at('2026-03-09T13:00'));
  });

  it('a store visit costs the travel both ways and counts as a store visit', () => {
    const sb = sandbox({ merchant: desk(), start: '2026-03-02T12:00' });
    contact(sb.world, sb.env, channel(sb, 'store'), 'missing-delivery', 'mug');
    expect(sb.world.customer).toMatchObject({ effortMinutes: 50, storeVisits: 1, calls: 0, contacts: 1 });
    expect(events(sb.world, 'store.visited')).toHaveLength(1);
  });
});

describe('support desk: hand-offs', () => {
  it('redirects a problem to another channel and remembers where the customer was sent', () => {
    const sb = sandbox({ merchant: desk({ phone: { redirects: { 'entitlement-missing': 'store' } } }) });
    givenPurchase(sb.world, sb.env, 'club', 'store', 1);
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'entitlement-missing', 'club')).toBe('redirected');
    expect(sb.world.customer.sentTo).toEqual({ 'entitlement-missing': 'store' });
    expect(events(sb.world, 'support.redirected')[0]!.text).toBe(
      'the hotline: staff said this must be handled by the store.',
    );
  });

  it('escalates after N contacts on any channel: a callback sends the customer to the store, which repairs it', () => {
    const sb = sandbox({
      merchant: desk({
        phone: {
          redirects: { 'entitlement-missing': 'store' },
          escalation: {
            after: 3,
            answerAfter: '2 business days',
            remedy: 'void-and-repurchase',
            at: 'store',
          },
        },
        store: { redirects: { 'entitlement-missing': 'phone' } },
      }),
      faults: [{ fault: 'systems.silo', params: { between: ['store-pos', 'portal'] } }],
    });
    const { world, env } = sb;
    givenPurchase(world, env, 'club', 'store', 1);
    const first = latestOrder(world, 'club')!;
    expect(first.provisioned).toBe(false);
    expect(contact(world, env, channel(sb, 'phone'), 'entitlement-missing', 'club')).toBe('redirected');
    expect(contact(world, env, channel(sb, 'store'), 'entitlement-missing', 'club')).toBe('redirected');
    advanceTo(world, env, sb.at('2026-03-03T10:00'));
    expect(contact(world, env, channel(sb, 'phone'), 'entitlement-missing', 'club')).toBe('escalated');
    const callback = events(world, 'support.callback')[0]!;
    expect(callback.t).toBe(sb.at('2026-03-05T10:20'));
    expect(callback.text).toContain('the customer must go to the store for "void-and-repurchase"');
    expect(world.customer.knows).toContain('remedy:entitlement-missing:store:void-and-repurchase');
    expect(world.customer.sentTo['entitlement-missing']).toBe('store');
    // Two calls plus the callback.
    expect(world.customer).toMatchObject({ calls: 3, contacts: 4, storeVisits: 1 });

    expect(contact(world, env, channel(sb, 'store'), 'entitlement-missing', 'club')).toBe('resolved');
    expect(first.status).toBe('refunded');
    const again = latestOrder(world, 'club')!;
    expect(again.id).not.toBe(first.id);
    expect(again.provisioned).toBe(true);
    expect(hasFact(world, 'active:club')).toBe(true);
    expect(world.customer.refunded).toBe(99);
    expect(world.customer.spent).toBe(2 * 99);
    expect(world.customer.knows.some((k) => k.startsWith('remedy:'))).toBe(false);
  });

  it('does not escalate before the N-th contact', () => {
    const sb = sandbox({
      merchant: desk({
        phone: { escalation: { after: 2, answerAfter: 'PT1H', remedy: 'activate-manually' } },
      }),
    });
    givenPurchase(sb.world, sb.env, 'club', 'web', 1);
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'entitlement-missing', 'club')).toBe('unresolved');
    // Without `at`, the back office does it for the customer.
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'entitlement-missing', 'club')).toBe('resolved');
    expect(hasFact(sb.world, 'active:club')).toBe(true);
  });

  it('understaffed channels misunderstand the first contacts about each problem', () => {
    const sb = sandbox({
      merchant: desk({ phone: { remedies: ['reset-login'] } }),
      faults: [{ fault: 'support.understaffed', params: { channels: ['phone'], misunderstandings: 2 } }],
    });
    const phone = channel(sb, 'phone');
    expect(contact(sb.world, sb.env, phone, 'cannot-log-in', 'app')).toBe('misunderstood');
    expect(contact(sb.world, sb.env, phone, 'cannot-log-in', 'app')).toBe('misunderstood');
    expect(contact(sb.world, sb.env, phone, 'cannot-log-in', 'app')).toBe('resolved');
    expect(events(sb.world, 'support.misunderstood')).toHaveLength(2);
  });
});

describe('support desk: remedies', () => {
  it('read-out-key gives the licence key over the phone', () => {
    const sb = sandbox({ merchant: desk({ phone: { remedies: ['read-out-key'] } }) });
    const order = buy(sb, 'app');
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'missing-mail', 'app')).toBe('resolved');
    expect(hasFact(sb.world, 'licence:app')).toBe(true);
    expect(events(sb.world, 'support.key-given')[0]!.data).toMatchObject({
      orderId: order.id,
      key: sb.world.keys[0]!.key,
    });
  });

  it('staff who cannot see the order cannot read out its key', () => {
    const sb = sandbox({ merchant: desk({ phone: { remedies: ['read-out-key'], sees: [] } }) });
    buy(sb, 'app');
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'missing-mail', 'app')).toBe('not-found');
    expect(hasFact(sb.world, 'licence:app')).toBe(false);
    expect(events(sb.world, 'support.not-found')[0]!.text).toBe(
      'the hotline: staff could not find the order.',
    );
  });

  it('staff who see only the store system cannot read out the key of a web order', () => {
    const sb = sandbox({ merchant: desk({ phone: { remedies: ['read-out-key'], sees: ['store-pos'] } }) });
    buy(sb, 'app');
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'missing-mail', 'app')).toBe('not-found');
  });

  it('resend-mail sends the key mail again, to the address on the order', () => {
    const sb = sandbox({
      merchant: desk({ email: { remedies: ['resend-mail'] } }),
      faults: [{ fault: 'mail.quarantined', params: { kind: 'licence-key' }, times: 1 }],
    });
    buy(sb, 'app');
    advanceTo(sb.world, sb.env, sb.world.now + 5 * MINUTE);
    expect(findMail(sb.world, 'inbox', 'licence-key')).toEqual([]);
    expect(contact(sb.world, sb.env, channel(sb, 'email'), 'missing-mail', 'app')).toBe('resolved');
    advanceTo(sb.world, sb.env, sb.world.now + 5 * MINUTE);
    const [mail] = findMail(sb.world, 'inbox', 'licence-key');
    expect(mail?.secret).toBe(sb.world.keys[0]!.key);
  });

  it('update-email corrects a mistyped address and resends the key to the real one', () => {
    const sb = sandbox({ merchant: desk({ email: { remedies: ['update-email', 'resend-mail'] } }) });
    const order = buy(sb, 'app', 'ptadoe@example.net');
    expect(contact(sb.world, sb.env, channel(sb, 'email'), 'missing-mail', 'app')).toBe('resolved');
    expect(order.email).toBe(EMAIL);
    advanceTo(sb.world, sb.env, sb.world.now + 5 * MINUTE);
    expect(findMail(sb.world, 'inbox', 'licence-key')).toHaveLength(1);
  });

  it('explain-order gives the channel’s own reason, where the order page gives the public one', () => {
    const sb = sandbox({
      merchant: desk({
        email: { remedies: ['explain-order'], explains: { 'payment-mismatch': 'a card discrepancy' } },
        phone: { remedies: ['explain-order'] },
      }),
      faults: [{ fault: 'payment.avs-mismatch' }],
    });
    const order = buy(sb, 'mug');
    expect(order).toMatchObject({ status: 'cancelled', reason: 'payment-mismatch' });
    expect(contact(sb.world, sb.env, channel(sb, 'email'), 'order-cancelled', 'mug')).toBe('resolved');
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'order-cancelled', 'mug')).toBe('resolved');
    const [byMail, byPhone] = events(sb.world, 'support.explained');
    expect(byMail!.text).toBe(
      `e-mail support: staff said order ${order.id} (Mug) was cancelled: a card discrepancy.`,
    );
    expect(byPhone!.text).toBe(
      `the hotline: staff said order ${order.id} (Mug) was cancelled: due to inventory.`,
    );
    expect(byMail!.data).toMatchObject({ reason: 'payment-mismatch', said: 'a card discrepancy' });
    expect(sb.world.customer.knows).toContain('order-failed:mug');
  });

  it('without explains or a public reason, staff give plain words, never the internal code', () => {
    const sb = sandbox({
      merchant: desk({
        phone: { remedies: ['explain-order'] },
        policies: { publicCancellationReason: undefined },
      }),
      faults: [{ fault: 'payment.avs-mismatch' }],
    });
    const order = buy(sb, 'mug');
    expect(order).toMatchObject({ status: 'cancelled', reason: 'payment-mismatch' });
    contact(sb.world, sb.env, channel(sb, 'phone'), 'order-cancelled', 'mug');
    const [said] = events(sb.world, 'support.explained');
    expect(said!.text).toBe(
      `the hotline: staff said order ${order.id} (Mug) was cancelled: the card details did not match the billing information.`,
    );
    expect(said!.text).not.toContain('payment-mismatch');
    expect(said!.data).toMatchObject({ said: 'the card details did not match the billing information' });
  });

  it('the words staff say and the reason the oracles read are the same', () => {
    const sb = sandbox({
      merchant: desk({ phone: { remedies: ['explain-order'] } }),
      faults: [{ fault: 'payment.avs-mismatch' }],
    });
    buy(sb, 'mug');
    contact(sb.world, sb.env, channel(sb, 'phone'), 'order-cancelled', 'mug');
    const [said] = events(sb.world, 'support.explained');
    expect(said!.data).toMatchObject({ reason: 'payment-mismatch', said: 'due to inventory' });
    expect(said!.text).toContain('due to inventory');
  });

  it('a lost order: "we never received your order", and the customer learns to order again', () => {
    const sb = sandbox({
      merchant: desk({ phone: { remedies: ['explain-order'] } }),
      faults: [{ fault: 'order.lost-in-transit', params: { hop: 'warehouse' } }],
    });
    buy(sb, 'mug');
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'missing-delivery', 'mug')).not.toBe('resolved');
    const said = events(sb.world).filter((e) => e.actor === 'support');
    expect(said.map((e) => e.text)).toContain(
      'the hotline: we never received your order; can you place it again?',
    );
    expect(sb.world.customer.knows).toContain('order-failed:mug');
  });

  it('refund pays back the renewals of a subscription', () => {
    const sb = sandbox({ merchant: desk({ phone: { remedies: ['refund'] } }), start: '2025-03-02T10:00' });
    givenPurchase(sb.world, sb.env, 'guard', 'web', 1);
    advanceTo(sb.world, sb.env, sb.at('2026-03-03T10:00'));
    expect(sb.world.charges.filter((c) => c.subscriptionId).map((c) => c.amount)).toEqual([50]);
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'overcharged', 'guard')).toBe('resolved');
    expect(sb.world.customer.refunded).toBe(50);
    expect(hasFact(sb.world, 'refunded:guard')).toBe(true);
    // The original purchase is not refunded.
    expect(sb.world.charges.filter((c) => c.status === 'succeeded').map((c) => c.amount)).toEqual([30]);
  });

  it('reset-login works, except while the login itself is broken', () => {
    const fault = {
      fault: 'auth.login-failure',
      window: { from: '2026-03-02T08:00', until: '2026-03-03T12:00' },
    };
    const sb = sandbox({ merchant: desk({ phone: { remedies: ['reset-login'] } }), faults: [fault] });
    const phone = channel(sb, 'phone');
    expect(contact(sb.world, sb.env, phone, 'cannot-log-in', 'app')).not.toBe('resolved');
    expect(hasFact(sb.world, 'logged-in')).toBe(false);
    expect(events(sb.world, 'support.unresolved')[0]!.text).toContain('clearing the browser cache');
    advanceTo(sb.world, sb.env, sb.at('2026-03-03T13:00'));
    expect(contact(sb.world, sb.env, phone, 'cannot-log-in', 'app')).toBe('resolved');
    expect(hasFact(sb.world, 'logged-in')).toBe(true);
  });

  it('reset-login fixes a login broken for this customer only, during the fault', () => {
    const fault = {
      fault: 'auth.login-failure',
      params: { scope: 'account' },
      window: { from: '2026-03-02T08:00', until: '2026-03-09T12:00' },
    };
    const sb = sandbox({ merchant: desk({ phone: { remedies: ['reset-login'] } }), faults: [fault] });
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'cannot-log-in', 'app')).toBe('resolved');
    expect(hasFact(sb.world, 'logged-in')).toBe(true);
    expect(events(sb.world, 'support.login-reset')).toHaveLength(1);
  });

  it('a channel without the remedy can do nothing', () => {
    const sb = sandbox({ merchant: desk() });
    buy(sb, 'app');
    expect(contact(sb.world, sb.env, channel(sb, 'phone'), 'missing-mail', 'app')).toBe('unresolved');
    expect(events(sb.world, 'support.unresolved')[0]!.text).toBe(
      'the hotline: staff could not do anything about it.',
    );
  });
});
