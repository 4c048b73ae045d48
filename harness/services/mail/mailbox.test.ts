import { describe, expect, it } from 'vitest';
import { EMAIL, events, sandbox } from '../../engine/testdata/sandbox.ts';
import { advanceTo } from '../../merchant/flows.ts';
import { findMail, sendMail } from './mailbox.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const key = { to: EMAIL, kind: 'licence-key' as const, subject: 'Your key', secret: 'K-1' };
const confirmation = { to: EMAIL, kind: 'order-confirmation' as const, subject: 'Your order' };

describe('mail', () => {
  it('delivers to the inbox after one minute of transit, not before', () => {
    const { env, world } = sandbox();
    const t0 = world.now;
    const m = sendMail(world, env, confirmation);
    expect(m.folder).toBe('in-flight');
    expect(m.deliverAt).toBe(t0 + MINUTE);
    advanceTo(world, env, t0 + MINUTE - 1);
    expect(findMail(world, 'inbox')).toEqual([]);
    advanceTo(world, env, t0 + MINUTE);
    expect(findMail(world, 'inbox').map((x) => x.subject)).toEqual(['Your order']);
    expect(events(world, 'mail.delivered')).toHaveLength(1);
  });

  it('files a spam-foldered message in the spam folder only, for the matching kind only', () => {
    const { env, world } = sandbox({
      faults: [{ fault: 'mail.spam-foldered', params: { kind: 'licence-key' } }],
    });
    sendMail(world, env, key);
    sendMail(world, env, confirmation);
    advanceTo(world, env, world.now + HOUR);
    expect(findMail(world, 'spam').map((m) => m.kind)).toEqual(['licence-key']);
    expect(findMail(world, 'inbox').map((m) => m.kind)).toEqual(['order-confirmation']);
    expect(findMail(world, 'spam', 'order-confirmation')).toEqual([]);
    const spam = events(world, 'mail.spam-foldered');
    expect(spam).toHaveLength(1);
    expect(spam[0]!.actor).toBe('fault');
    expect(spam[0]!.data).toMatchObject({ fault: 'mail.spam-foldered', folder: 'spam' });
  });

  it('keeps a quarantined message out of both the inbox and the spam folder', () => {
    const { env, world } = sandbox({ faults: [{ fault: 'mail.quarantined' }] });
    const m = sendMail(world, env, key);
    advanceTo(world, env, world.now + HOUR);
    expect(m.folder).toBe('quarantine');
    expect(findMail(world, 'inbox')).toEqual([]);
    expect(findMail(world, 'spam')).toEqual([]);
    expect(events(world, 'mail.quarantined')[0]!.text).toMatch(/never reached pat\.doe@example\.net/);
  });

  it('marks a bounced message as bounced and never shows it', () => {
    const { env, world } = sandbox({ faults: [{ fault: 'mail.bounced' }] });
    const m = sendMail(world, env, confirmation);
    advanceTo(world, env, world.now + HOUR);
    expect(m.folder).toBe('bounced');
    expect(findMail(world, 'inbox')).toEqual([]);
    expect(events(world, 'mail.bounced')).toHaveLength(1);
  });

  it('delays a message by the given time on top of the transit time', () => {
    const { env, world } = sandbox({ faults: [{ fault: 'mail.delayed', params: { by: 'PT6H' } }] });
    const t0 = world.now;
    const m = sendMail(world, env, confirmation);
    expect(m.deliverAt).toBe(t0 + 6 * HOUR + MINUTE);
    advanceTo(world, env, t0 + 6 * HOUR);
    expect(findMail(world, 'inbox')).toEqual([]);
    advanceTo(world, env, t0 + 6 * HOUR + MINUTE);
    expect(findMail(world, 'inbox')).toHaveLength(1);
  });

  it('shows the customer only their own mailbox', () => {
    const { env, world } = sandbox();
    sendMail(world, env, { ...key, to: 'pta.doe@example.net' });
    sendMail(world, env, { ...confirmation, to: 'someone.else@example.org' });
    advanceTo(world, env, world.now + HOUR);
    // Both were delivered — into other people's mailboxes.
    expect(events(world, 'mail.delivered')).toHaveLength(2);
    expect(findMail(world, 'inbox')).toEqual([]);
    world.customer.email = 'pta.doe@example.net';
    expect(findMail(world, 'inbox').map((m) => m.kind)).toEqual(['licence-key']);
  });

  it('records whether a sent message carries a secret and whether the address was verified', () => {
    const { env, world } = sandbox();
    sendMail(world, env, { ...key, unverifiedAddress: true });
    const sent = events(world, 'mail.sent')[0]!;
    expect(sent.text).toContain('it carries the licence key');
    expect(sent.data).toMatchObject({ secret: true, unverifiedAddress: true, to: EMAIL });
  });
});
