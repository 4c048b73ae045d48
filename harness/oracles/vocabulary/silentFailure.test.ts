import { describe, expect, it } from 'vitest';
import { silentFailure } from './silentFailure.ts';
import { ctxOf, ev, h, sentAndDelivered } from './testdata/toy.ts';

const ready = (t = h(1)) => ev(t, 'fact.set', { fact: 'order-ready', process: 'prepare' });

describe('silent-failure over declared facts', () => {
  it('fires when a process changes a customer-relevant fact and no teller reaches the customer', () => {
    const events = [
      ready(),
      ...sentAndDelivered(h(1), 'm1', 'ready-mail', 'email', 'quarantine'),
      ...sentAndDelivered(h(73), 'm2', 'ready-mail', 'email', 'quarantine'),
    ];
    const [f, ...more] = silentFailure.check(ctxOf(events));
    expect(more).toEqual([]);
    expect(f!.oracle).toBe('silent-failure');
    expect(f!.severity).toBe('high');
    // Every teller sent but never seen, with its date in the customer's words.
    expect(f!.message).toContain('order-ready');
    expect(f!.message).toContain(
      'ready-mail (“ready” e-mail) was sent on Monday 2 March 2026 at 10:00 and Thursday 5 March',
    );
    expect(f!.message).toContain('quarantine');
    expect(f!.message).toContain('the shop prepares the order');
    expect(f!.events).toEqual([0, 1, 3]);
  });

  it('does not fire when the text is delivered to her phone in time', () => {
    const events = [ready(), ...sentAndDelivered(h(2), 'm1', 'ready-text', 'sms', 'phone')];
    expect(silentFailure.check(ctxOf(events))).toEqual([]);
  });

  it('fires when the only teller is delivered after 24 hours', () => {
    const events = [ready(), ...sentAndDelivered(h(26), 'm1', 'ready-text', 'sms', 'phone')];
    expect(silentFailure.check(ctxOf(events))).toHaveLength(1);
  });

  it('counts a spam-foldered mail as told once the customer sees it in time', () => {
    const events = [
      ready(),
      ...sentAndDelivered(h(1), 'm1', 'ready-mail', 'email', 'spam'),
      ev(h(5), 'message.shown', { id: 'm1', message: 'ready-mail', via: 'email', place: 'spam' }),
    ];
    expect(silentFailure.check(ctxOf(events))).toEqual([]);
  });

  it('does not count a teller sent to a former address', () => {
    const events = [
      ready(),
      ...sentAndDelivered(h(1), 'm1', 'ready-mail', 'email', 'inbox', {
        owner: 'former',
        to: 'jo@old.example',
      }),
    ];
    expect(silentFailure.check(ctxOf(events))[0]!.message).toContain('an address that is not the customer’s');
  });

  it('a business tell is telling; looking at a page, her own routine or a staff answer is finding out', () => {
    const pushed = [ready(), ev(h(3), 'customer.told', { fact: 'order-ready', process: 'prepare' })];
    expect(silentFailure.check(ctxOf(pushed))).toEqual([]);
    for (const pulled of [
      ev(h(3), 'customer.told', { fact: 'order-ready', action: 'look', byCustomer: true }),
      ev(h(3), 'customer.told', { fact: 'order-ready', process: 'peek' }),
      ev(h(3), 'customer.told', { fact: 'order-ready', action: 'status', channel: 'chat', contact: 'k1' }),
    ]) {
      const [f] = silentFailure.check(ctxOf([ready(), pulled]));
      expect(f!.message).toContain('found out only by looking or asking, on Monday 2 March 2026 at 12:00');
    }
  });

  it('never counts a change the customer made, or one staff made on her contact', () => {
    const events = [
      ev(h(1), 'fact.set', { fact: 'order-ready', action: 'look', byCustomer: true }),
      ev(h(2), 'fact.set', { fact: 'order-cancelled', action: 'status' }),
      ev(h(3), 'fact.cleared', { fact: 'order-ready', given: true }),
    ];
    expect(silentFailure.check(ctxOf(events))).toEqual([]);
  });

  it('gives one finding for a step that changes several facts, naming each', () => {
    const events = [
      ev(h(48), 'fact.cleared', { fact: 'order-ready', process: 'hold' }),
      ev(h(48), 'fact.set', { fact: 'order-cancelled', process: 'hold' }),
    ];
    const [f, ...more] = silentFailure.check(ctxOf(events));
    expect(more).toEqual([]);
    expect(f!.message).toContain('made order-cancelled (“the order was cancelled”) true');
    expect(f!.message).toContain('made order-ready (“the order is ready”) false');
    expect(f!.message).toContain('no message that tells of order-cancelled was sent');
    expect(f!.message).toContain('on Wednesday 4 March 2026 at 09:00');
  });

  it('quotes a teller a fault suppressed, and ignores facts nobody marked customer-relevant', () => {
    const events = [
      ready(),
      ev(h(1), 'message.suppressed', { message: 'ready-text', via: 'sms', fault: 'text-lost' }),
      ev(h(1), 'fact.set', { fact: 'order-placed', process: 'prepare' }),
    ];
    const [f, ...more] = silentFailure.check(ctxOf(events));
    expect(more).toEqual([]);
    expect(f!.message).toContain(
      'ready-text (“ready” text), due on Monday 2 March 2026 at 10:00, was never sent (text-lost)',
    );
  });
});
