import { describe, expect, it } from 'vitest';
import { duplicateCharge } from './duplicateCharge.ts';
import { overcharge } from './overcharge.ts';
import { ctxOf, ev, h } from './testdata/toy.ts';

const charge = (t: number, charge: string, amount = 20, tag = 'basket') =>
  ev(t, 'payment.charged', { charge, tag, amount, currency: 'GBP', action: 'pay', byCustomer: true });

describe('duplicate-charge', () => {
  it('fires for two equal charges of one tag within the hour, quoting both', () => {
    const [f, ...more] = duplicateCharge.check(ctxOf([charge(h(0), 'c1'), charge(h(0.1), 'c2')]));
    expect(more).toEqual([]);
    expect(f!.message).toContain('charged twice for basket');
    expect(f!.message).toContain(
      '£20.00 on Monday 2 March 2026 at 09:00 and £20.00 on Monday 2 March 2026 at 09:06',
    );
    expect(f!.events).toEqual([0, 1]);
  });

  it('does not fire with a refund between the two charges', () => {
    const events = [
      charge(h(0), 'c1'),
      ev(h(0.05), 'payment.refunded', {
        charge: 'c1',
        tag: 'basket',
        amount: 20,
        reaches: '2026-03-05T09:00Z',
      }),
      charge(h(0.1), 'c2'),
    ];
    expect(duplicateCharge.check(ctxOf(events))).toEqual([]);
  });

  it('does not fire for another amount, another tag or the same charge a day later', () => {
    const events = [
      charge(h(0), 'c1'),
      charge(h(0.1), 'c2', 25),
      charge(h(0.2), 'c3', 20, 'other'),
      charge(h(24), 'c4'),
    ];
    expect(duplicateCharge.check(ctxOf(events))).toEqual([]);
  });
});

describe('overcharge', () => {
  it('fires for a charge above the product’s listed price, and not at the price', () => {
    const events = [
      charge(h(0), 'c1', 20, 'widget'),
      charge(h(1), 'c2', 26, 'widget'),
      charge(h(2), 'c3', 99),
    ];
    const found = overcharge.check(ctxOf(events));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('£26.00 for Blue widget (widget), £6.00 more than the listed £20.00');
    expect(found[0]!.events).toEqual([1]);
  });
});
