import { describe, expect, it } from 'vitest';
import { advanceTo, cloneWorld, contact, money, perform, stateKey } from './index.ts';
import { at, toyWorld } from './testkit.ts';

const office = {
  id: 'office',
  timezone: 'Europe/Madrid',
  hours: {
    mon: '09:00-18:00',
    tue: '09:00-18:00',
    wed: '09:00-18:00',
    thu: '09:00-18:00',
    fri: '09:00-18:00',
  },
};

/** 104 in miniature: a timeout that charged, a second attempt, a refund of the duplicate. */
function shop() {
  return toyWorld({
    profile: {
      timezone: 'Europe/Madrid',
      currency: 'EUR',
      calendars: [office],
      channels: [
        { id: 'checkout', kind: 'web', medium: 'account' },
        {
          id: 'support',
          kind: 'email',
          medium: 'email',
          calendar: 'office',
          responseTime: { length: '2 business days', calendar: 'office' },
          remedies: ['refund-duplicate'],
        },
      ],
      facts: [{ id: 'paid', description: 'paid' }],
      problems: [
        { id: 'twice', when: { money: { charges: { tag: 'purchase', atLeast: 2 } } }, says: 'charged twice' },
      ],
      actions: [
        {
          id: 'pay',
          label: 'pay',
          by: 'customer',
          on: 'checkout',
          takes: 'PT0S',
          requires: { not: { fact: 'paid' } },
          effects: [{ charge: { tag: 'purchase', amount: 180 } }, { set: 'paid' }],
        },
        {
          id: 'refund-duplicate',
          label: 'refund',
          by: 'staff',
          about: ['twice'],
          effects: [
            { refund: { of: 'purchase', reaches: { length: '5 business days', calendar: 'office' } } },
          ],
        },
      ],
    },
    scenario: {
      start: '2026-05-04T12:00',
      customer: { timezone: 'Europe/Madrid', addresses: { email: { current: 'ana@example.net' } } },
    },
    faults: [{ fault: 'payment.timeout', params: { charges: true }, times: 1 }],
  });
}

describe('money', () => {
  it('a timeout that charged drops the rest of the action; net, maxHeld and heldDays', () => {
    const w = shop();
    perform(w, 'pay');
    expect(w.facts.paid).toBeUndefined();
    perform(w, 'pay');
    expect(money(w)).toMatchObject({ net: 360, held: 360, maxHeld: 360 });
    const r = contact(w, 'support', 'twice');
    expect(r.outcome).toBe('resolved');
    advanceTo(w, at(w, '2026-05-31T23:59'));
    expect(money(w)).toEqual({
      net: 180,
      held: 180,
      maxHeld: 360,
      heldDays: 9,
      merchantFees: 0,
      customerFees: 0,
    });
  });
});

describe('clone and key', () => {
  it('a clone is independent of its original', () => {
    const w = shop();
    const copy = cloneWorld(w);
    perform(copy, 'pay');
    perform(copy, 'pay');
    expect(money(w).net).toBe(0);
    expect(money(copy).net).toBe(360);
    expect(w.trace?.length ?? 0).toBeLessThan(copy.trace?.length ?? 0);
  });

  it('equal futures have equal keys; past times do not count', () => {
    const a = shop();
    const b = shop();
    advanceTo(b, b.now + 3600_000);
    expect(stateKey(a)).toBe(stateKey(b));
    perform(a, 'pay');
    expect(stateKey(a)).not.toBe(stateKey(b));
    perform(b, 'pay');
    expect(stateKey(a)).toBe(stateKey(b));
  });
});
