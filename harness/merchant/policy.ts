/**
 * The merchant's rules and wording that a second implementation of the merchant flow must share
 * with the model: the reference shop (fixtures/shop) imports the merchant only through this
 * module, so the sim/http agreement test compares two implementations of one policy, and a
 * rule or a message changed here changes in both. What is not here (checkout, dispatch,
 * renewals, the shop port) the shop implements again, on purpose. Rules more than one place
 * applies (the sim merchant, its back office, the staff remedies, the shop) are decided here once.
 */
import { calendarFreeDuration, parseDuration } from '../clock/duration.ts';
import type { MerchantFacts } from '../core/merchantFacts.ts';
import type { RunEnv } from '../core/runEnv.ts';
import type { Subscription, World } from '../core/world.ts';

/**
 * "N business days" as the merchant counts it: on its main calendar (its first support
 * channel), from `from`; without a support channel, as 24-hour days.
 */
export function businessDuration(
  env: Pick<RunEnv, 'profile' | 'calendar'>,
  from: number,
  text: string,
): number {
  const spec = parseDuration(text);
  const first = env.profile.support[0];
  if (spec.kind === 'elapsed' || !first) return calendarFreeDuration(spec);
  return env.calendar(first.id).add(from, spec) - from;
}

/** Who may cancel a product's subscriptions: the customer online only where the merchant allows it; staff always. */
export function mayCancel(
  profile: Pick<MerchantFacts, 'capabilities'>,
  by: 'customer-online' | 'staff',
): boolean {
  return by === 'staff' || profile.capabilities.cancelOnline;
}

/** Cancel the live subscriptions to a product; the ones it cancelled. */
export function cancelSubscriptions(world: Pick<World, 'subscriptions'>, product: string): Subscription[] {
  const cancelled: Subscription[] = [];
  for (const s of world.subscriptions) {
    if (s.product !== product || s.status !== 'active') continue;
    s.status = 'cancelled';
    cancelled.push(s);
  }
  return cancelled;
}

export {
  type CheckoutRequest,
  cancellationMail,
  describeOrder,
  keyMessageKind,
  notifies,
  orderAmount,
  orderMail,
  rejectedEvent,
  skippedEvent,
  typoCaughtEvent,
} from './flows.ts';
export { MAIL_KINDS, type MailKind, type MerchantProfile, PROBLEMS, type Product } from './profile.ts';
export type { OrderPage, ShopCheckout } from './shopPort.ts';
