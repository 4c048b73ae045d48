import { describe, expect, it } from 'vitest';
import { pingPong } from './pingPong.ts';
import { ctxOf, ev, h } from './testdata/toy.ts';

const redirect = (t: number, channel: string, to: string, problem = 'broken') =>
  ev(t, 'support.redirected', { contact: `k${t}`, channel, party: 'merchant', problem, to, tells: [] });

describe('ping-pong over declared channels', () => {
  it('fires when a channel sends the customer back to one that had sent them away (chat → counter → post → chat → counter)', () => {
    const events = [
      redirect(h(1), 'chat', 'counter'),
      redirect(h(2), 'counter', 'post'),
      redirect(h(5), 'chat', 'counter'),
      redirect(h(6), 'counter', 'post'),
    ];
    const found = pingPong.check(ctxOf(events));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Toy web chat sent them back to Toy counter');
    expect(found[0]!.message).toContain('my widget is broken');
    expect(found[0]!.events).toEqual([0, 1, 2]);
  });

  it('fires for a circle across a party (phone → partner line → phone)', () => {
    const events = [redirect(h(1), 'chat', 'partner-line'), redirect(h(2), 'partner-line', 'chat')];
    expect(pingPong.check(ctxOf(events))[0]!.message).toContain(
      'PartnerCo line sent them back to Toy web chat',
    );
  });

  it('does not fire when the chat helps on the second visit instead of redirecting', () => {
    const events = [
      redirect(h(1), 'chat', 'counter'),
      redirect(h(2), 'counter', 'post'),
      ev(h(5), 'support.resolved', {
        contact: 'k3',
        channel: 'chat',
        party: 'merchant',
        problem: 'broken',
        action: 'status',
      }),
    ];
    expect(pingPong.check(ctxOf(events))).toEqual([]);
  });

  it('does not fire for the same channels about different problems', () => {
    const events = [redirect(h(1), 'chat', 'counter', 'broken'), redirect(h(2), 'counter', 'chat', 'other')];
    expect(pingPong.check(ctxOf(events))).toEqual([]);
  });
});
