import { describe, expect, it } from 'vitest';
import { learn } from '../core/world.ts';
import { EMAIL, type Sandbox, sandbox, shop } from '../engine/testdata/sandbox.ts';
import { advanceTo, checkout } from '../merchant/flows.ts';
import type { Journey } from './journey.ts';
import {
  actionLabel,
  availableActions,
  JOURNEY_CAPABILITIES,
  missingSelfService,
  nextChange,
} from './recovery.ts';
import type { Trouble } from './steps.ts';

const missingKey: Trouble = { problem: 'missing-mail', product: 'app', what: 'no key' };

const channels = [
  { id: 'phone', kind: 'phone', calendar: 'office-9-to-5-ny' },
  { id: 'email', kind: 'email', calendar: 'office-9-to-5-ny' },
  { id: 'store', kind: 'store', calendar: 'store-hours-retail' },
];

function setup(capabilities: object = {}, faults: object[] = []): Sandbox {
  const sb = sandbox({ merchant: shop({ capabilities, support: channels }), faults: faults as never });
  const res = checkout(sb.world, sb.env, {
    product: 'app',
    channel: 'web',
    shipping: 'standard',
    quantity: 1,
    email: EMAIL,
  });
  expect(res.ok).toBe(true);
  advanceTo(sb.world, sb.env, sb.world.now + 3_600_000);
  return sb;
}

const journey = (sb: Sandbox, over: Partial<Journey> = {}): Journey => ({
  ...sb.prep.journey,
  checksSpam: true,
  channels: ['phone', 'email'],
  ...over,
});
const ids = (sb: Sandbox, trouble = missingKey, j = journey(sb), staff = true) =>
  availableActions(sb.world, sb.env, j, trouble, staff).map((a) => a.id);

describe('recovery repertoire', () => {
  it('offers only what the merchant offers: a bare shop leaves the order page and staff', () => {
    const sb = setup();
    expect(ids(sb)).toEqual(['open-order-page', 'contact:phone', 'contact:email']);
    expect(ids(sb, missingKey, journey(sb), false)).toEqual(['open-order-page']);
  });

  it('self-service capabilities add their actions', () => {
    const sb = setup({ resendConfirmation: true, orderTracking: false });
    expect(ids(sb, missingKey, journey(sb), false)).toEqual(['resend-confirmation']);
  });

  it('looks in the spam folder only if the customer does and there is unread spam', () => {
    const sb = setup({}, [{ fault: 'mail.spam-foldered', params: { kind: 'licence-key' } }]);
    expect(ids(sb, missingKey, journey(sb), false)).toContain('look-in-spam');
    expect(ids(sb, missingKey, journey(sb, { checksSpam: false }), false)).not.toContain('look-in-spam');
    const [action] = availableActions(sb.world, sb.env, journey(sb), missingKey, false).filter(
      (a) => a.id === 'look-in-spam',
    );
    action!.apply(sb.world, sb.env, missingKey);
    expect(sb.world.customer.facts).toContain('licence:app');
    expect(ids(sb, missingKey, journey(sb), false)).not.toContain('look-in-spam');
  });

  it('can change the e-mail address only after learning it is wrong, and only where allowed', () => {
    const sb = setup({ changeEmailAfterOrder: true });
    expect(ids(sb)).not.toContain('change-email');
    learn(sb.world, 'wrong-email:ord_x');
    expect(ids(sb)).toContain('change-email');
    const strict = setup();
    learn(strict.world, 'wrong-email:ord_x');
    expect(ids(strict)).not.toContain('change-email');
  });

  it('re-orders only once the customer knows the order failed', () => {
    const sb = setup();
    const trouble: Trouble = { problem: 'order-cancelled', product: 'app', what: 'cancelled' };
    expect(ids(sb, trouble)).not.toContain('reorder');
    learn(sb.world, 'order-failed:app');
    expect(ids(sb, trouble)).toContain('reorder');
  });

  it('uses only the channels the customer is willing to use, and only the one they were sent to', () => {
    const sb = setup();
    expect(ids(sb, missingKey, journey(sb, { channels: ['store'] }))).toEqual([
      'open-order-page',
      'contact:store',
    ]);
    sb.world.customer.sentTo['missing-mail'] = 'email';
    expect(ids(sb)).toEqual(['open-order-page', 'contact:email']);
  });

  it('offers to wait only when something will change: a pending event or a fault window ending', () => {
    const sb = sandbox({ faults: [{ fault: 'auth.login-failure', window: { until: '2026-03-03T12:00' } }] });
    expect(nextChange(sb.world, sb.env)).toBe(sb.at('2026-03-03T12:00'));
    const trouble: Trouble = { problem: 'cannot-log-in', product: '', what: 'x' };
    const waits = (sb: Sandbox) =>
      availableActions(sb.world, sb.env, { ...sb.prep.journey, channels: [] }, trouble, true).map(
        (a) => a.id,
      );
    expect(waits(sb)).toEqual(['wait']);
    const calm = sandbox();
    expect(nextChange(calm.world, calm.env)).toBeUndefined();
    expect(waits(calm)).toEqual([]);
  });

  it('names the self-service capabilities that would have helped', () => {
    const bare = setup();
    expect(missingSelfService(bare.env, missingKey)).toEqual([
      'no way to resend the confirmation',
      'no download from the order page',
      'no way to correct the e-mail address',
    ]);
    const generous = setup({
      resendConfirmation: true,
      downloadFromOrderPage: true,
      changeEmailAfterOrder: true,
    });
    expect(missingSelfService(generous.env, missingKey)).toEqual([]);
    expect(missingSelfService(bare.env, { problem: 'unwanted-renewal', product: 'guard', what: '' })).toEqual(
      ['no way to cancel online'],
    );
    expect(missingSelfService(bare.env, { problem: 'missing-statement', product: '', what: '' })).toEqual([
      'no statements on the account page',
    ]);
  });

  it('names each action in a path by its definition, one per support channel', () => {
    expect(actionLabel('look-in-spam')).toBe('Look in the spam folder');
    expect(actionLabel('contact:live-chat')).toBe('Contact the shop (live chat)');
    expect(actionLabel('wait')).toBe('Wait and look again');
    expect(actionLabel('something-else')).toBe('something else');
  });

  it('offers the what-if every capability a step or an action depends on, and no other', () => {
    expect(JOURNEY_CAPABILITIES).toContain('orderTracking');
    expect(JOURNEY_CAPABILITIES).toContain('confirmEmailTwice');
    expect(JOURNEY_CAPABILITIES).toContain('cancelOnline');
    // Only an oracle reads it: switching it on cannot rescue a journey.
    expect(JOURNEY_CAPABILITIES).not.toContain('feedbackSurvey');
  });
});
