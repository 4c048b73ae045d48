import { describe, expect, it } from 'vitest';
import { ctxOf, ev, h, sentAndDelivered, toyLoaded } from './testdata/toy.ts';
import { endedSubjects, zombieNotice } from './zombieNotice.ts';

const cancelled = ev(h(1), 'fact.set', { fact: 'order-cancelled', process: 'hold' });

describe('zombie-notice', () => {
  it('reads the ending from the fact’s id: order-cancelled ends the order, data-deleted the account', () => {
    const ctx = ctxOf([]);
    expect([...endedSubjects(ctx, 'order-cancelled')]).toEqual(['order']);
    expect([...endedSubjects(ctx, 'data-deleted')]).toEqual(['account']);
    expect([...endedSubjects(ctx, 'trial-cancelled')]).toEqual(['subscription']);
    expect([...endedSubjects(ctx, 'order-ready')]).toEqual([]);
    expect([...endedSubjects(ctx, 'account-suspended')]).toEqual([]);
  });

  it('fires for notices about the order after it was cancelled', () => {
    const events = [
      cancelled,
      ...sentAndDelivered(h(2), 'm1', 'order-news', 'email', 'inbox'),
      ...sentAndDelivered(h(30), 'm2', 'order-news', 'email', 'inbox'),
    ];
    const [f, ...more] = zombieNotice.check(ctxOf(events));
    expect(more).toEqual([]);
    expect(f!.message).toContain('order-cancelled');
    expect(f!.message).toContain('order-news (order newsletter)');
    expect(f!.message).toContain('2 in all');
    expect(f!.events).toEqual([0, 1, 3]);
  });

  it('does not fire for the notice of the cancellation itself, another subject, or after the order is open again', () => {
    const events = [
      cancelled,
      ...sentAndDelivered(h(1), 'm1', 'cancel-mail', 'email', 'inbox'),
      ...sentAndDelivered(h(2), 'm2', 'statement', 'email', 'inbox'),
      ev(h(3), 'fact.cleared', { fact: 'order-cancelled', action: 'reorder', byCustomer: true }),
      ...sentAndDelivered(h(4), 'm3', 'order-news', 'email', 'inbox'),
    ];
    expect(zombieNotice.check(ctxOf(events))).toEqual([]);
    expect(toyLoaded.profile.messages.length).toBeGreaterThan(0);
  });
});
