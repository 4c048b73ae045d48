import { describe, expect, it } from 'vitest';
import { staleAddress } from './staleAddress.ts';
import { ctxOf, h, sentAndDelivered } from './testdata/toy.ts';
import { unverifiedSecret } from './unverifiedSecret.ts';

describe('stale-address', () => {
  it('fires for personal data sent to the former address after the change, naming kind, address and what it carried', () => {
    const events = sentAndDelivered(h(1), 'm1', 'statement', 'email', 'inbox', {
      owner: 'former',
      to: 'jo@old.example',
    });
    const [f, ...more] = staleAddress.check(ctxOf(events));
    expect(more).toEqual([]);
    expect(f!.message).toContain('statement (monthly statement)');
    expect(f!.message).toContain('jo@old.example');
    expect(f!.message).toContain('personal data');
    expect(f!.message).toContain('former address, replaced on Sunday 1 March 2026 at 12:00');
    expect(f!.events).toEqual([0]);
  });

  it('fires for a secret sent to an address that is none of the customer’s', () => {
    const events = sentAndDelivered(h(1), 'm1', 'login-code', 'sms', 'phone', {
      owner: 'unknown',
      to: '+447700900999',
    });
    const [f] = staleAddress.check(ctxOf(events));
    expect(f!.message).toContain('a secret');
    expect(f!.message).toContain('+447700900999');
    expect(f!.message).toContain('none of the customer’s');
  });

  it('does not fire for the current address, nor for a message that carries nothing', () => {
    const current = sentAndDelivered(h(1), 'm1', 'statement', 'email', 'inbox');
    const plain = sentAndDelivered(h(1), 'm2', 'order-news', 'email', 'inbox', {
      owner: 'former',
      to: 'jo@old.example',
    });
    expect(staleAddress.check(ctxOf([...current, ...plain]))).toEqual([]);
  });

  it('does not fire for the former address before the customer changed it', () => {
    const events = sentAndDelivered(h(-30), 'm1', 'statement', 'email', 'inbox', { to: 'jo@old.example' });
    expect(staleAddress.check(ctxOf(events))).toEqual([]);
  });
});

describe('unverified-secret', () => {
  it('fires for a secret to an unverified address, and not for the same one verified', () => {
    const bad = sentAndDelivered(h(1), 'm1', 'login-code', 'sms', 'phone', { unverified: true });
    const good = sentAndDelivered(h(2), 'm2', 'login-code', 'sms', 'phone');
    const found = unverifiedSecret.check(ctxOf([...bad, ...good]));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('login-code (login code)');
    expect(found[0]!.message).toContain('nobody had verified');
  });
});
