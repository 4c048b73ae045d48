/**
 * One behavioural test per fault in the catalogue. The table is checked against the catalogue,
 * so adding a fault without a test here fails the suite.
 */
import { describe, expect, it } from 'vitest';
import { hasFact, latestOrder } from '../core/world.ts';
import type { PlannedStep } from '../customer/journey.ts';
import { runStep } from '../customer/steps.ts';
import { EMAIL, events, sandbox, webOrder } from '../engine/testdata/sandbox.ts';
import { advanceTo, givenPurchase, notify } from '../merchant/flows.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { FAULT_IDS, faultCatalogue } from './index.ts';
import { typoOf } from './mail/faults/addressTypo.ts';
import { findMail } from './mail/mailbox.ts';
import { contact } from './support/desk.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type FaultUse = NonNullable<ScenarioInput['faults']>[number];
const withFault = (use: FaultUse, start?: string) => sandbox({ faults: [use], ...(start ? { start } : {}) });

const buy = webOrder;

/** Where the licence key of an order placed under `use` ends up an hour later. */
function keyMailUnder(use: FaultUse) {
  const sb = withFault(use);
  const res = buy(sb, 'app');
  expect(res.ok).toBe(true);
  advanceTo(sb.world, sb.env, sb.world.now + HOUR);
  return { sb, key: sb.world.mail.find((m) => m.kind === 'licence-key')! };
}

const step = (kind: PlannedStep['kind'], product: string, extra: Partial<PlannedStep> = {}): PlannedStep => ({
  kind,
  label: kind,
  product,
  provides: [],
  ...extra,
});

const tests: Record<string, () => void> = {
  'mail.spam-foldered'() {
    const { sb, key } = keyMailUnder({ fault: 'mail.spam-foldered', params: { kind: 'licence-key' } });
    expect(key.folder).toBe('spam');
    expect(findMail(sb.world, 'spam', 'licence-key')).toEqual([key]);
    expect(findMail(sb.world, 'inbox', 'order-confirmation')).toHaveLength(1);
  },
  'mail.quarantined'() {
    const { sb, key } = keyMailUnder({ fault: 'mail.quarantined', params: { kind: 'licence-key' } });
    expect(key.folder).toBe('quarantine');
    expect([...findMail(sb.world, 'inbox', 'licence-key'), ...findMail(sb.world, 'spam')]).toEqual([]);
  },
  'mail.delayed'() {
    const sb = withFault({ fault: 'mail.delayed', params: { kind: 'licence-key', by: 'P2D' } });
    const t0 = sb.world.now;
    buy(sb, 'app');
    advanceTo(sb.world, sb.env, t0 + 2 * DAY);
    expect(findMail(sb.world, 'inbox', 'licence-key')).toEqual([]);
    expect(findMail(sb.world, 'inbox', 'order-confirmation')).toHaveLength(1);
    advanceTo(sb.world, sb.env, t0 + 2 * DAY + 60_000);
    expect(findMail(sb.world, 'inbox', 'licence-key')).toHaveLength(1);
  },
  'mail.bounced'() {
    const { sb, key } = keyMailUnder({ fault: 'mail.bounced' });
    expect(key.folder).toBe('bounced');
    expect(findMail(sb.world, 'inbox')).toEqual([]);
  },
  'mail.address-typo'() {
    const sb = withFault({ fault: 'mail.address-typo' });
    const res = buy(sb, 'app');
    if (!res.ok) throw new Error(res.reason);
    expect(typoOf(EMAIL)).not.toBe(EMAIL);
    expect(res.order.email).toBe(typoOf(EMAIL));
    advanceTo(sb.world, sb.env, sb.world.now + HOUR);
    expect(findMail(sb.world, 'inbox')).toEqual([]);
    expect(sb.world.mail.every((m) => m.to === typoOf(EMAIL) && m.folder === 'inbox')).toBe(true);
    const typed = withFault({ fault: 'mail.address-typo', params: { typed: 'someone@example.org' } });
    const again = buy(typed, 'app');
    expect(again.ok && again.order.email).toBe('someone@example.org');
  },
  'support.closed'() {
    const sb = withFault(
      {
        fault: 'support.closed',
        window: { from: '2026-03-02T00:00', until: '2026-03-04T09:00' },
        params: { reason: 'a systems migration' },
      },
      '2026-03-02T10:00',
    );
    contact(sb.world, sb.env, sb.env.channel('phone')!, 'missing-delivery', 'mug');
    expect(sb.world.contacts[0]!.at).toBe(sb.at('2026-03-04T09:00'));
    expect(sb.env.calendar('phone').closedBecause(sb.at('2026-03-03T10:00'))?.reason).toBe(
      'a systems migration',
    );
  },
  'support.understaffed'() {
    const sb = withFault({ fault: 'support.understaffed', params: { misunderstandings: 1 } });
    const phone = sb.env.channel('phone')!;
    expect(contact(sb.world, sb.env, phone, 'missing-delivery', 'mug')).toBe('misunderstood');
    expect(contact(sb.world, sb.env, phone, 'missing-delivery', 'mug')).not.toBe('misunderstood');
    // Counted per problem: a new problem is misunderstood again.
    expect(contact(sb.world, sb.env, phone, 'missing-mail', 'mug')).toBe('misunderstood');
  },
  'payment.avs-mismatch'() {
    const sb = withFault({ fault: 'payment.avs-mismatch' });
    const res = buy(sb, 'mug');
    // The default policy asks the customer to check the card: no order, money back.
    expect(res).toEqual({ ok: false, reason: 'billing address does not match the card' });
    expect(sb.world.orders).toEqual([]);
    expect(sb.world.customer.refunded).toBe(sb.world.customer.spent);
  },
  'payment.cvc-mismatch'() {
    const sb = withFault({ fault: 'payment.cvc-mismatch' });
    expect(buy(sb, 'mug')).toEqual({ ok: false, reason: 'card security code does not match' });
    expect(events(sb.world, 'checkout.rejected')).toHaveLength(1);
  },
  'payment.declined'() {
    const sb = withFault({ fault: 'payment.declined' });
    expect(buy(sb, 'mug')).toEqual({ ok: false, reason: 'card declined' });
    expect(sb.world.orders).toEqual([]);
    expect(sb.world.customer.spent).toBe(0);
    expect(sb.world.mail).toEqual([]);
  },
  'payment.timeout'() {
    const sb = withFault({ fault: 'payment.timeout' });
    expect(buy(sb, 'mug')).toEqual({ ok: false, reason: 'payment provider timed out' });
    expect(sb.world.orders).toEqual([]);
    expect(sb.world.customer.spent).toBe(0);
  },
  'order.lost-in-transit'() {
    const sb = withFault({ fault: 'order.lost-in-transit', params: { hop: 'warehouse' } });
    const res = buy(sb, 'mug');
    // Confirmed to the customer, then lost: never shipped, never delivered.
    expect(res.ok).toBe(true);
    advanceTo(sb.world, sb.env, sb.world.now + 10 * DAY);
    expect(latestOrder(sb.world, 'mug')).toMatchObject({ status: 'lost', lostAt: 'warehouse' });
    expect(findMail(sb.world, 'inbox').map((m) => m.kind)).toEqual(['order-confirmation']);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(false);
  },
  'systems.silo'() {
    const sb = withFault({ fault: 'systems.silo', params: { between: ['store-pos', 'portal'] } });
    givenPurchase(sb.world, sb.env, 'club', 'store', 1);
    expect(latestOrder(sb.world, 'club')!.provisioned).toBe(false);
    const r = runStep(sb.world, sb.env, sb.prep.journey, step('activate', 'club'));
    expect(r).toMatchObject({ ok: false, trouble: { problem: 'entitlement-missing' } });
    expect(events(sb.world, 'activation.refused')[0]!.text).toBe(
      'The portal said the customer was not in the system.',
    );
  },
  'licence.server-down'() {
    const sb = withFault({ fault: 'licence.server-down' });
    buy(sb, 'app');
    advanceTo(sb.world, sb.env, sb.world.now + HOUR);
    runStep(
      sb.world,
      sb.env,
      sb.prep.journey,
      step('await-mail', 'app', { mailKind: 'licence-key', waitMs: HOUR }),
    );
    expect(hasFact(sb.world, 'licence:app')).toBe(true);
    const r = runStep(sb.world, sb.env, sb.prep.journey, step('install', 'app'));
    expect(r).toMatchObject({ ok: false, trouble: { problem: 'retry', what: 'the download failed' } });
    expect(hasFact(sb.world, 'installed:app')).toBe(false);
  },
  'notify.suppressed'() {
    const sb = withFault({ fault: 'notify.suppressed', params: { kind: 'shipped' } });
    buy(sb, 'mug');
    expect(sb.world.mail.map((m) => m.kind)).toEqual(['order-confirmation']);
    expect(events(sb.world, 'notify.suppressed')[0]!.data).toMatchObject({ kind: 'shipped' });
    // The parcel still comes.
    advanceTo(sb.world, sb.env, sb.world.now + 10 * DAY);
    expect(hasFact(sb.world, 'delivered:mug')).toBe(true);
  },
  'notify.delayed'() {
    const sb = withFault({ fault: 'notify.delayed', params: { kind: 'statement', by: 'P10D' } });
    const t0 = sb.world.now;
    notify(sb.world, sb.env, { to: EMAIL, kind: 'statement', subject: 'Statement' });
    advanceTo(sb.world, sb.env, t0 + 10 * DAY);
    expect(findMail(sb.world, 'inbox')).toEqual([]);
    advanceTo(sb.world, sb.env, t0 + 10 * DAY + 60_000);
    expect(findMail(sb.world, 'inbox', 'statement')).toHaveLength(1);
    expect(events(sb.world, 'notify.delayed')[0]!.text).toContain('held back for');
  },
  'auth.login-failure'() {
    const sb = withFault({
      fault: 'auth.login-failure',
      window: { from: '2026-03-02T08:00', until: '2026-03-03T12:00' },
    });
    const login = step('log-in', '');
    expect(runStep(sb.world, sb.env, sb.prep.journey, login)).toMatchObject({
      ok: false,
      trouble: { problem: 'cannot-log-in' },
    });
    advanceTo(sb.world, sb.env, sb.at('2026-03-03T12:00'));
    expect(runStep(sb.world, sb.env, sb.prep.journey, login)).toEqual({ ok: true });
    expect(hasFact(sb.world, 'logged-in')).toBe(true);
  },
  'site.slow'() {
    const slow = withFault({ fault: 'site.slow', params: { latencySeconds: 120 } });
    expect(buy(slow, 'mug')).toEqual({ ok: false, reason: 'the checkout page was too slow' });
    expect(slow.world.charges).toEqual([]);
    // Slow, but within the customer's page patience.
    const bearable = withFault({ fault: 'site.slow', params: { latencySeconds: 30 } });
    expect(buy(bearable, 'mug').ok).toBe(true);
  },
};

describe('fault catalogue', () => {
  it('every fault in the catalogue has a behavioural test here', () => {
    expect(FAULT_IDS.filter((id) => !(id in tests))).toEqual([]);
    expect(Object.keys(tests).filter((id) => !faultCatalogue.has(id))).toEqual([]);
  });

  it.each(FAULT_IDS)('%s', (id) => {
    const test = tests[id];
    if (!test) throw new Error(`no test for fault ${id}`);
    test();
  });

  it.each(FAULT_IDS)('%s documents itself with an example that its own schema accepts', (id) => {
    const def = faultCatalogue.get(id)!;
    expect(def.summary.length).toBeGreaterThan(10);
    expect(def.description.length).toBeGreaterThan(def.summary.length / 2);
    expect(def.example.fault).toBe(id);
    expect(() => def.params.parse(def.example.params ?? {})).not.toThrow();
    if (def.needsWindow) expect(def.example.window).toBeDefined();
  });
});
