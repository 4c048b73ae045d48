import { describe, expect, it } from 'vitest';
import { advanceTo, closed, effortMs, giveUp, money, offers, perform } from './index.ts';
import { at, events, local, toyWorld } from './testkit.ts';

const profile = {
  capabilities: { backup: false },
  calendars: [
    {
      id: 'office',
      timezone: 'Europe/London',
      hours: {
        mon: '09:00-17:00',
        tue: '09:00-17:00',
        wed: '09:00-17:00',
        thu: '09:00-17:00',
        fri: '09:00-17:00',
      },
    },
  ],
  channels: [
    { id: 'web', name: 'Web site', kind: 'web', medium: 'account' },
    { id: 'chat', name: 'Live chat', kind: 'chat', medium: 'account', calendar: 'office' },
    { id: 'post', name: 'Post office', kind: 'post', medium: 'postal' },
  ],
  facts: [
    { id: 'signed-in', description: 'the customer is signed in' },
    { id: 'cancelled', description: 'the plan is cancelled', shownOn: ['web'] },
    { id: 'posted', description: 'posted' },
  ],
  actions: [
    {
      id: 'sign-in',
      label: 'sign in',
      by: 'customer',
      on: 'web',
      limit: 2,
      effort: 'PT2M',
      effects: [{ set: 'signed-in' }],
    },
    {
      id: 'cancel',
      label: 'cancel the plan',
      by: 'customer',
      on: 'web',
      requires: { fact: 'signed-in' },
      takes: 'PT0S',
      effects: [{ set: 'cancelled' }],
    },
    {
      id: 'use-backup',
      label: 'sign in with a backup code',
      by: 'customer',
      on: 'web',
      capability: 'backup',
      effects: [{ set: 'signed-in' }],
    },
    { id: 'ask', label: 'ask in the chat', by: 'customer', on: 'chat', effects: [{ set: 'posted' }] },
    {
      id: 'send-back',
      label: 'send it back',
      by: 'customer',
      on: 'post',
      cost: 6.5,
      takes: 'P2D',
      effects: [{ set: 'posted' }],
    },
  ],
};

describe('customer actions', () => {
  it('offers what applies; closed says why the rest does not, in plain words', () => {
    const w = toyWorld({ profile, scenario: { start: '2026-03-07T10:00' } });
    expect(offers(w).map((o) => o.action)).toEqual(['sign-in', 'send-back']);
    const why = Object.fromEntries(closed(w).map((c) => [c.action, c.why]));
    expect(why).toEqual({
      cancel: 'needs: the customer is signed in',
      'use-backup': 'not offered: sign in with a backup code (backup is off)',
      ask: 'Live chat is closed until Monday 9 March 2026 at 09:00',
    });
    expect(closed(w).find((c) => c.action === 'ask')?.opensAt).toBe(at(w, '2026-03-09T09:00'));
    expect(closed(w).find((c) => c.action === 'use-backup')?.capability).toBe('backup');
  });

  it('perform counts effort and limits; without takes the effects land at once', () => {
    const w = toyWorld({ profile });
    const r = perform(w, 'sign-in');
    expect(r.ok).toBe(true);
    expect(r.effectsAt).toBe(w.now);
    advanceTo(w, r.effectsAt);
    expect(w.facts['signed-in']).toBe(true);
    perform(w, 'sign-in');
    expect(perform(w, 'sign-in')).toMatchObject({ ok: false, why: 'used 2 times (limit 2)' });
    expect(effortMs(w)).toBe(4 * 60_000);
  });

  it('a cost is money out of the customer’s pocket', () => {
    const w = toyWorld({ profile });
    const r = perform(w, 'send-back');
    expect(local(w, r.effectsAt)).toBe('2026-03-04T09:00');
    expect(money(w)).toMatchObject({ net: 6.5, customerFees: 6.5, held: 0 });
  });

  it('pages on the channel teach the facts they show, traced as the customer finding out', () => {
    const w = toyWorld({ profile, scenario: { given: { facts: ['signed-in', 'cancelled'] } } });
    perform(w, 'cancel');
    expect(w.known.cancelled).toBe('web');
    expect(events(w, 'customer.told')[0]?.data).toMatchObject({
      fact: 'cancelled',
      byCustomer: true,
      channel: 'web',
    });
  });

  it('the persona’s channels, being away and giving up close actions', () => {
    const only = toyWorld({ profile, channels: ['post'] });
    expect(offers(only).map((o) => o.action)).toEqual(['send-back']);
    const away = toyWorld({
      profile,
      faults: [{ fault: 'customer.away', from: '2026-03-01T00:00', until: '2026-03-05T00:00' }],
    });
    expect(offers(away)).toEqual([]);
    expect(closed(away)[0]?.why).toBe('the customer is away until Thursday 5 March 2026');
    const quit = toyWorld({ profile });
    giveUp(quit, 'no way in');
    expect(offers(quit)).toEqual([]);
    expect(events(quit, 'customer.gave-up')).toHaveLength(1);
  });
});
