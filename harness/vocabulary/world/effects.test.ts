import { describe, expect, it } from 'vitest';
import { advanceTo, contact, holds, money, perform } from './index.ts';
import { at, events, local, toyWorld } from './testkit.ts';

const weekdays = {
  id: 'office',
  timezone: 'Europe/London',
  hours: {
    mon: '09:00-17:00',
    tue: '09:00-17:00',
    wed: '09:00-17:00',
    thu: '09:00-17:00',
    fri: '09:00-17:00',
  },
};

/** One customer action per effect kind, on an always-open web channel. */
function shop(effects: Record<string, unknown[]>, extra: Record<string, unknown> = {}) {
  return {
    products: [{ id: 'kettle', name: 'Kettle', price: 40, kind: 'physical' }],
    calendars: [weekdays],
    messages: [
      { id: 'receipt', name: 'receipt', tells: ['paid'], carries: ['personal-data'] },
      { id: 'code', name: 'sign-in code', carries: ['secret'] },
    ],
    channels: [
      { id: 'web', name: 'Web shop', kind: 'web', medium: 'account' },
      { id: 'email', name: 'E-mail', kind: 'email', medium: 'email' },
      { id: 'sms', name: 'SMS', kind: 'sms', medium: 'phone-number' },
      { id: 'desk', name: 'Help desk', kind: 'phone', medium: 'phone-number', calendar: 'office' },
    ],
    parties: [{ id: 'bank', name: 'the bank', role: 'card issuer', calendar: 'office' }],
    systems: [{ id: 'crm' }, { id: 'billing' }],
    records: [{ id: 'phone', description: 'the phone on file', master: 'crm', value: 'address' }],
    facts: [
      { id: 'paid', description: 'the order is paid' },
      { id: 'shipped', description: 'it shipped' },
    ],
    reasons: [{ id: 'late', says: 'the order was late' }],
    routes: [
      {
        id: 'post',
        hops: [
          { id: 'depot', takes: 'PT1H', scans: 'shipped' },
          { id: 'door', takes: '1 business day', party: 'bank' },
        ],
      },
    ],
    commitments: [
      {
        id: 'call-back',
        says: 'we will call you back',
        recordedIn: { record: 'phone', in: 'billing' },
        due: 'P1D',
        keptWhen: { fact: 'paid' },
      },
    ],
    processes: [
      {
        id: 'reminder',
        label: 'a reminder',
        starts: 'manually',
        steps: [{ after: 'P1D', do: [{ set: 'shipped' }] }],
      },
    ],
    actions: Object.entries(effects).map(([id, list]) => ({
      id,
      label: id,
      by: 'customer',
      on: 'web',
      takes: 'PT0S',
      effects: list,
    })),
    ...extra,
  };
}

const customer = {
  addresses: {
    email: { current: 'ann@example.net' },
    'phone-number': { current: '+441', former: '+440', changedAt: '2026-02-01T00:00' },
  },
};

describe('effects', () => {
  it('set and clear change facts and trace each change once', () => {
    const w = toyWorld({
      profile: shop({ on: [{ set: 'paid' }, { set: 'paid' }], off: [{ clear: 'paid' }] }),
    });
    perform(w, 'on');
    expect(holds(w, { fact: 'paid' })).toBe(true);
    perform(w, 'off');
    expect(holds(w, { fact: 'paid' })).toBe(false);
    expect(events(w, 'fact.set')).toHaveLength(1);
    expect(events(w, 'fact.cleared')).toHaveLength(1);
  });

  it('send: e-mail reaches the inbox and is seen, teaching what it tells', () => {
    const w = toyWorld({
      profile: shop({ mail: [{ send: { message: 'receipt', via: 'email' } }] }),
      scenario: { customer },
    });
    perform(w, 'mail');
    expect(events(w, 'message.delivered')[0]?.data).toMatchObject({ place: 'inbox', to: 'ann@example.net' });
    expect(holds(w, { has: { message: 'receipt', via: 'email' } })).toBe(true);
    expect(holds(w, { knows: 'paid' })).toBe(true);
  });

  it('send to a record copy that holds the former number lands nowhere the customer sees', () => {
    const w = toyWorld({
      profile: shop({
        text: [{ send: { message: 'code', via: 'sms', to: { record: 'phone', in: 'crm' } } }],
      }),
      scenario: { customer, given: { records: [{ record: 'phone', in: 'crm', value: 'former' }] } },
    });
    perform(w, 'text');
    expect(events(w, 'message.sent')[0]?.data).toMatchObject({ to: '+440', owner: 'former' });
    expect(holds(w, { has: { message: 'code' } })).toBe(false);
  });

  it('send by an app channel is seen at the next action on an account channel', () => {
    const w = toyWorld({
      profile: shop({ banner: [{ send: { message: 'receipt', via: 'web' } }], look: [{ set: 'shipped' }] }),
    });
    perform(w, 'banner');
    expect(holds(w, { has: { message: 'receipt' } })).toBe(false);
    perform(w, 'look');
    expect(holds(w, { has: { message: 'receipt' } })).toBe(true);
  });

  it('write records a value; a copy from another system is the value at that moment', () => {
    const w = toyWorld({
      profile: shop({
        change: [{ write: { record: 'phone', in: 'crm', value: 'former' } }],
        sync: [{ write: { record: 'phone', in: 'billing', value: { record: 'phone', in: 'crm' } } }],
      }),
    });
    perform(w, 'sync');
    perform(w, 'change');
    expect(w.records.billing?.phone?.value).toBe('current');
    expect(w.records.crm?.phone?.value).toBe('former');
    expect(events(w, 'record.copied')).toHaveLength(1);
  });

  it('charge, refund (held until it reaches the card) and credit', () => {
    const w = toyWorld({
      profile: shop({
        buy: [{ charge: { tag: 'order', amount: { price: 'kettle' } } }],
        back: [{ refund: { of: 'order', reaches: { length: '2 business days', calendar: 'office' } } }],
        voucher: [{ credit: { tag: 'sorry', amount: 5 } }],
      }),
      scenario: { start: '2026-03-06T10:00' },
    });
    perform(w, 'buy');
    perform(w, 'back');
    expect(money(w)).toMatchObject({ net: 40, held: 40 });
    expect(events(w, 'payment.refunded')[0]?.data).toMatchObject({ reaches: '2 business days' });
    advanceTo(w, at(w, '2026-03-10T10:00'));
    expect(money(w)).toMatchObject({ net: 0, held: 0, maxHeld: 40 });
    expect(local(w, events(w, 'payment.refund-reached')[0]!.t)).toBe('2026-03-10T10:00');
    perform(w, 'voucher');
    expect(money(w).net).toBe(-5);
  });

  it('dispute decides after business days in the party calendar and refunds; fee is the merchant’s', () => {
    const w = toyWorld({
      profile: shop({
        buy: [{ charge: { tag: 'order', amount: 40 } }],
        claim: [
          { dispute: { of: 'order', with: 'bank', decides: '3 business days' } },
          { fee: { amount: 15, payer: 'merchant', to: 'bank', why: 'chargeback fee' } },
        ],
      }),
      scenario: { start: '2026-03-06T10:00' },
    });
    perform(w, 'buy');
    perform(w, 'claim');
    advanceTo(w, at(w, '2026-03-11T09:59'));
    expect(money(w).net).toBe(40);
    advanceTo(w, at(w, '2026-03-11T10:00'));
    expect(events(w, 'dispute.decided')[0]?.data).toMatchObject({ outcome: 'refund' });
    expect(money(w)).toMatchObject({ net: 0, merchantFees: 15, customerFees: 0 });
  });

  it('start and stop a process', () => {
    const w = toyWorld({ profile: shop({ go: [{ start: 'reminder' }], halt: [{ stop: 'reminder' }] }) });
    perform(w, 'go');
    perform(w, 'halt');
    advanceTo(w, at(w, '2026-03-05T09:00'));
    expect(holds(w, { fact: 'shipped' })).toBe(false);
    expect(events(w, 'process.stopped')).toHaveLength(1);
  });

  it('tell teaches a fact that holds, and nothing when it does not', () => {
    const w = toyWorld({ profile: shop({ ask: [{ tell: 'paid' }], pay: [{ set: 'paid' }] }) });
    perform(w, 'ask');
    expect(holds(w, { knows: 'paid' })).toBe(false);
    perform(w, 'pay');
    perform(w, 'ask');
    expect(holds(w, { knows: 'paid' })).toBe(true);
    expect(events(w, 'customer.told')).toHaveLength(1);
  });

  it('say uses the channel’s explains words, else the reason’s own', () => {
    const profile = shop({}, {});
    profile.channels[3] = {
      ...profile.channels[3],
      remedies: ['explain'],
      explains: { late: 'the courier was late' },
    } as never;
    profile.actions.push({
      id: 'explain',
      label: 'explain',
      by: 'staff',
      about: ['why'],
      takes: 'PT0S',
      effects: [{ say: 'late' }],
    } as never);
    (profile as Record<string, unknown>).problems = [
      { id: 'why', when: { not: { fact: 'shipped' } }, says: 'where is it?' },
    ];
    const w = toyWorld({ profile, scenario: { start: '2026-03-02T10:00' } });
    contact(w, 'desk', 'why');
    expect(events(w, 'support.said')[0]?.data).toMatchObject({
      reason: 'late',
      said: 'the courier was late',
      channel: 'desk',
    });
  });

  it('ship scans each hop after its time; the last hop delivers', () => {
    const w = toyWorld({
      profile: shop({ send: [{ ship: { route: 'post', delivered: ['paid'] } }] }),
      scenario: { start: '2026-03-06T16:00' },
    });
    perform(w, 'send');
    advanceTo(w, at(w, '2026-03-06T17:00'));
    expect(holds(w, { fact: 'shipped' })).toBe(true);
    expect(holds(w, { fact: 'paid' })).toBe(false);
    advanceTo(w, at(w, '2026-03-09T17:00'));
    expect(holds(w, { fact: 'paid' })).toBe(true);
    expect(events(w, 'parcel.delivered')).toHaveLength(1);
  });

  it('promise is recorded when its record reaches the system, and judged when due', () => {
    const w = toyWorld({
      profile: shop({
        vow: [{ promise: 'call-back' }],
        note: [{ write: { record: 'phone', in: 'billing' } }],
      }),
    });
    perform(w, 'vow');
    perform(w, 'note');
    advanceTo(w, at(w, '2026-03-04T09:00'));
    expect(events(w, 'commitment.due')[0]?.data).toMatchObject({
      commitment: 'call-back',
      recorded: true,
      kept: false,
    });
  });

  it('redirect traces the customer being sent on', () => {
    const w = toyWorld({ profile: shop({ away: [{ redirect: 'desk' }] }) });
    perform(w, 'away');
    expect(events(w, 'support.redirected')[0]?.data).toMatchObject({ to: 'desk' });
  });
});
