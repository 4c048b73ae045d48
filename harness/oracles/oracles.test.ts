import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../core/trace.ts';
import type { MerchantProfile } from '../merchant/profile.ts';
import { findingsMismatch, ORACLE_IDS, oracleCatalogue, runOracles } from './catalogue.ts';
import type { OracleContext } from './oracle.ts';

const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 16, 0);

function profile(feedbackSurvey = false): MerchantProfile {
  return {
    id: 'shop',
    name: 'The Shop',
    timezone: 'UTC',
    currency: 'USD',
    capabilities: { feedbackSurvey },
    products: [{ id: 'hamper', name: 'Gift hamper', kind: 'physical', price: 64 }],
  } as unknown as MerchantProfile;
}

function ctx(events: TraceEvent[], feedbackSurvey = false): OracleContext {
  const p = profile(feedbackSurvey);
  return { events, profile: p, products: p.products };
}

const ev = (
  h: number,
  kind: string,
  data: Record<string, unknown> = {},
  extra: Partial<TraceEvent> = {},
): TraceEvent => ({
  t: T0 + h * H,
  actor: 'merchant',
  kind,
  text: `${kind} happened.`,
  data,
  ...extra,
});

const confirmed = ev(
  0,
  'order.confirmed',
  { orderId: 'ord_4', product: 'hamper', amount: 64, listPrice: 64 },
  { channel: 'web' },
);
const cancelledMail = (h: number) =>
  ev(
    h,
    'mail.sent',
    { kind: 'order-cancelled', orderId: 'ord_4', to: 'a@example.net' },
    { channel: 'email' },
  );
const page = (shown: string) =>
  ev(
    5,
    'customer.order-page',
    { orderId: 'ord_4', status: 'cancelled', shown: `order ord_4 (Gift hamper) was cancelled: ${shown}` },
    { actor: 'customer', channel: 'web' },
  );
const explained = (said: string, orderId = 'ord_4') =>
  ev(9, 'support.explained', { orderId, status: 'cancelled', said }, { actor: 'support', channel: 'email' });
const redirect = (h: number, from: string, to: string) =>
  ev(
    h,
    'support.redirected',
    { channel: from, to, problem: 'entitlement-missing' },
    { actor: 'support', channel: from },
  );
const reminder = (h: number, status: string) =>
  ev(
    h,
    'mail.sent',
    {
      kind: 'renewal-reminder',
      subscription: 'sub_3',
      subscriptionStatus: status,
      secret: false,
      unverifiedAddress: false,
    },
    { channel: 'email' },
  );
const keyMail = (unverifiedAddress: boolean) =>
  ev(
    1,
    'mail.sent',
    { kind: 'licence-key', to: 'martni.day@example.net', secret: true, unverifiedAddress },
    { channel: 'email' },
  );
const stuck = ev(3, 'customer.stuck', { problem: 'missing-mail' }, { actor: 'customer' });

/** For every oracle: a trace that fires it and a near-identical one that does not. */
const pairs: Record<string, { fires: OracleContext; quiet: OracleContext; events: number[] }> = {
  'silent-failure': {
    fires: ctx([
      confirmed,
      ev(0, 'order.cancelled', { orderId: 'ord_4', notified: false }),
      cancelledMail(30),
    ]),
    quiet: ctx([
      confirmed,
      ev(0, 'order.cancelled', { orderId: 'ord_4', notified: false }),
      cancelledMail(2),
    ]),
    events: [1],
  },
  'inconsistent-reasons': {
    fires: ctx([confirmed, page('due to inventory'), explained('a card mismatch')]),
    quiet: ctx([confirmed, page('due to inventory'), explained('Due to inventory.')]),
    events: [1, 2],
  },
  'ping-pong': {
    fires: ctx([redirect(1, 'phone', 'store'), redirect(2, 'store', 'phone')]),
    quiet: ctx([redirect(1, 'phone', 'store'), redirect(2, 'store', 'web-form')]),
    events: [0, 1],
  },
  'zombie-notice': {
    fires: ctx([reminder(1, 'active'), reminder(2, 'cancelled'), reminder(3, 'cancelled')]),
    quiet: ctx([reminder(1, 'active'), reminder(2, 'active'), reminder(3, 'active')]),
    events: [1, 2],
  },
  'unverified-secret': {
    fires: ctx([confirmed, keyMail(true)], true),
    quiet: ctx([confirmed, keyMail(false)], true),
    events: [1],
  },
  overcharge: {
    fires: ctx([
      ev(0, 'order.confirmed', { orderId: 'ord_9', product: 'hamper', amount: 103, listPrice: 64 }),
    ]),
    quiet: ctx([
      ev(0, 'order.confirmed', {
        orderId: 'ord_9',
        product: 'hamper',
        amount: 103,
        listPrice: 64,
        surcharge: 39,
      }),
    ]),
    events: [0],
  },
  'no-feedback-channel': {
    fires: ctx([confirmed, stuck], false),
    quiet: ctx([confirmed, stuck], true),
    events: [1],
  },
  'lost-in-transit': {
    fires: ctx(
      [confirmed, ev(0, 'order.lost-in-transit', { orderId: 'ord_4', hop: 'warehouse' }, { actor: 'fault' })],
      true,
    ),
    quiet: ctx([confirmed, ev(0, 'order.delivered', { orderId: 'ord_4' }, { actor: 'orders' })], true),
    events: [1],
  },
};

describe('oracle catalogue', () => {
  it('has a firing and a non-firing case for every oracle', () => {
    expect(Object.keys(pairs).sort()).toEqual([...ORACLE_IDS]);
  });

  it('is sorted by id, with a summary and description for each', () => {
    expect([...ORACLE_IDS]).toEqual([...ORACLE_IDS].sort());
    for (const o of oracleCatalogue.values()) {
      expect(o.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(o.summary.length).toBeGreaterThan(10);
      expect(o.description.length).toBeGreaterThan(40);
    }
  });

  for (const [id, pair] of Object.entries(pairs)) {
    describe(id, () => {
      const oracle = oracleCatalogue.get(id)!;
      it('fires, quoting the triggering events', () => {
        const found = oracle.check(pair.fires);
        expect(found).toHaveLength(1);
        const f = found[0]!;
        expect(f).toMatchObject({ oracle: id, severity: oracle.severity, events: pair.events });
        // Each message says when (and on which channel, where there is one).
        expect(f.message).toContain(' UTC');
        for (const i of f.events) {
          const e = pair.fires.events[i]!;
          if (e.channel) expect(f.message).toContain(`(${e.channel})`);
        }
      });
      it('stays quiet on the near-identical trace', () => {
        expect(oracle.check(pair.quiet)).toEqual([]);
      });
    });
  }
});

describe('details', () => {
  it('silent-failure: a notified cancellation never fires; lost orders and failed payments do', () => {
    const o = oracleCatalogue.get('silent-failure')!;
    expect(o.check(ctx([confirmed, ev(0, 'order.cancelled', { orderId: 'ord_4', notified: true })]))).toEqual(
      [],
    );
    expect(o.check(ctx([confirmed, ev(0, 'payment.failed', { orderId: 'ord_4', amount: 64 })]))).toHaveLength(
      1,
    );
    // A routine mail (the confirmation) right after the loss does not count as telling.
    const lost = ev(0, 'order.lost-in-transit', { orderId: 'ord_4', hop: 'carrier' });
    const confirmation = ev(0, 'mail.sent', { kind: 'order-confirmation', orderId: 'ord_4' });
    expect(o.check(ctx([confirmed, lost, confirmation]))).toHaveLength(1);
  });

  it('inconsistent-reasons: different reasons about different orders do not fire', () => {
    const o = oracleCatalogue.get('inconsistent-reasons')!;
    expect(o.check(ctx([page('due to inventory'), explained('a card mismatch', 'ord_11')]))).toEqual([]);
  });

  it('ping-pong: a longer circle phone → store → chat → phone fires once', () => {
    const o = oracleCatalogue.get('ping-pong')!;
    const found = o.check(
      ctx([
        redirect(1, 'phone', 'store'),
        redirect(2, 'store', 'chat'),
        redirect(3, 'chat', 'phone'),
        redirect(4, 'phone', 'store'),
      ]),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.events).toEqual([0, 1, 2]);
    expect(found[0]!.message).toContain('phone → store → chat → phone');
  });

  it('overcharge: a renewal above the list price fires and names the amounts', () => {
    const o = oracleCatalogue.get('overcharge')!;
    const [f] = o.check(
      ctx([
        ev(0, 'subscription.renewed', {
          subscription: 'sub_3',
          product: 'hamper',
          amount: 53.99,
          listPrice: 29.99,
        }),
      ]),
    );
    expect(f!.message).toContain('$53.99');
    expect(f!.message).toContain('$24.00 more than the listed $29.99');
  });

  it('lost-in-transit names the hop', () => {
    const f = oracleCatalogue.get('lost-in-transit')!.check(pairs['lost-in-transit']!.fires)[0]!;
    expect(f.message).toContain('at the warehouse hop');
  });

  it('runOracles sorts by oracle id, then first event', () => {
    const events = [
      keyMail(true),
      stuck,
      ev(4, 'order.lost-in-transit', { orderId: 'ord_4', hop: 'carrier' }),
      keyMail(true),
    ];
    const found = runOracles(ctx(events));
    expect(found.map((f) => [f.oracle, f.events[0]])).toEqual([
      ['lost-in-transit', 2],
      ['no-feedback-channel', 1],
      ['silent-failure', 2],
      ['unverified-secret', 0],
      ['unverified-secret', 3],
    ]);
  });

  it('findingsMismatch says which are missing and which unexpected', () => {
    const found = runOracles(ctx([confirmed, keyMail(true)]));
    expect(findingsMismatch(['unverified-secret'], found)).toBeUndefined();
    expect(findingsMismatch([], found)).toBe('unexpected finding unverified-secret');
    expect(findingsMismatch(['unverified-secret', 'overcharge'], found)).toBe('missing finding overcharge');
  });
});
