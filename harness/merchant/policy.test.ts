import { describe, expect, it } from 'vitest';
import { calendarFreeDuration, parseDuration } from '../clock/duration.ts';
import { sandbox, shop } from '../engine/testdata/sandbox.ts';
import { businessDuration, cancelSubscriptions, mayCancel } from './policy.ts';

const DAY = 86_400_000;

describe('merchant policy', () => {
  it('lets customers cancel online only where the merchant allows it, and staff always', () => {
    const closed = { capabilities: { cancelOnline: false } } as Parameters<typeof mayCancel>[0];
    const open = { capabilities: { cancelOnline: true } } as Parameters<typeof mayCancel>[0];
    expect(mayCancel(closed, 'customer-online')).toBe(false);
    expect(mayCancel(open, 'customer-online')).toBe(true);
    expect(mayCancel(closed, 'staff')).toBe(true);
  });

  it('cancels the active subscriptions to one product and says which', () => {
    const subs = [
      { id: 'sub_1', product: 'guard', status: 'active' },
      { id: 'sub_2', product: 'guard', status: 'cancelled' },
      { id: 'sub_3', product: 'other', status: 'active' },
    ] as Parameters<typeof cancelSubscriptions>[0]['subscriptions'];
    const world = { subscriptions: subs };
    expect(cancelSubscriptions(world, 'guard').map((s) => s.id)).toEqual(['sub_1']);
    expect(subs.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'active']);
    expect(cancelSubscriptions(world, 'guard')).toEqual([]);
  });

  it('counts business days on the merchant calendar, and as 24-hour days without a support channel', () => {
    const sb = sandbox();
    const fri = sb.at('2026-03-06T15:00');
    expect(fri + businessDuration(sb.env, fri, '1 business day')).toBe(sb.at('2026-03-09T15:00'));
    const noDesk = sandbox({ merchant: shop({ support: [] }) });
    expect(businessDuration(noDesk.env, fri, '1 business day')).toBe(DAY);
    expect(calendarFreeDuration(parseDuration('2 business days'))).toBe(2 * DAY);
    expect(calendarFreeDuration(parseDuration('3 business hours'))).toBe(3 * 3_600_000);
  });
});
