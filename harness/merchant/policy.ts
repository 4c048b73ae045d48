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
import type { CheckoutRequest } from '../core/ports.ts';
import type { RunEnv } from '../core/runEnv.ts';
import type { MailKind } from '../core/vocabulary.ts';
import type { EventOf, Order, Subscription, World } from '../core/world.ts';
import type { OutgoingMail } from '../services/index.ts';
import type { MerchantProfile } from './profile.ts';

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

// ── Wording: what the merchant's messages, pages, staff and trace events say ─────────────────────

/** Whether the merchant's policy sends notifications of this kind. */
export function notifies(profile: MerchantProfile, kind: MailKind): boolean {
  return profile.policies.notify[kind as keyof typeof profile.policies.notify] !== false;
}

export function skippedEvent(
  mail: Pick<OutgoingMail, 'kind' | 'subject' | 'orderId'>,
): EventOf<'notify.skipped'> {
  return {
    actor: 'merchant',
    kind: 'notify.skipped',
    text: `By policy, no "${mail.subject}" message was sent.`,
    data: { kind: mail.kind, orderId: mail.orderId, policy: true },
  };
}

/** What an order costs: the list price times the quantity, plus any rush surcharge. */
export function orderAmount(
  env: Pick<RunEnv, 'profile' | 'product'>,
  req: Pick<CheckoutRequest, 'product' | 'shipping' | 'quantity'>,
): { amount: number; listPrice: number; rush: number } {
  const product = env.product(req.product);
  const rush =
    req.shipping === 'rush' && product.kind === 'physical' ? env.profile.policies.rushSurcharge : 0;
  const listPrice = product.price * req.quantity;
  return { amount: listPrice + rush, listPrice, rush };
}

export function typoCaughtEvent(req: CheckoutRequest): EventOf<'checkout.typo-caught'> {
  return {
    actor: 'merchant',
    kind: 'checkout.typo-caught',
    channel: req.channel,
    text: `The checkout asked for the e-mail address twice and caught the typo "${req.email}".`,
    data: { typed: req.email },
  };
}

export function rejectedEvent(
  channel: string,
  message: string,
  failure: string,
): EventOf<'checkout.rejected'> {
  return {
    actor: 'merchant',
    kind: 'checkout.rejected',
    channel,
    text: `The checkout stopped and asked the customer to check their card details (${message}).`,
    data: { reason: failure },
  };
}

/** The notification of a kind for an order, as the merchant words it. */
export function orderMail(
  env: Pick<RunEnv, 'product'>,
  order: Pick<Order, 'id' | 'product' | 'email'>,
  kind: 'order-confirmation' | 'shipped' | 'licence-key',
): OutgoingMail {
  const name = env.product(order.product).name;
  const subject =
    kind === 'order-confirmation'
      ? `Your order ${order.id}: ${name}`
      : kind === 'shipped'
        ? `${name} is on its way`
        : `Download instructions and licence key for ${name}`;
  return { to: order.email, kind, subject, orderId: order.id };
}

export const cancellationMail = (order: Pick<Order, 'id' | 'email'>, detail: string): OutgoingMail => ({
  to: order.email,
  kind: 'order-cancelled',
  subject: `Order ${order.id} was cancelled: ${detail}`,
  orderId: order.id,
});

/** The message that carries an order to the customer: the key for a licence, else the confirmation. */
export const keyMessageKind = (env: Pick<RunEnv, 'product'>, order: Pick<Order, 'product'>): MailKind =>
  env.product(order.product).kind === 'licence' ? 'licence-key' : 'order-confirmation';

/** Plain words for the internal reasons the merchant's own code records (a customer never sees the code). */
const REASON_WORDS: Partial<Record<string, string>> = {
  'payment-mismatch': 'the card details did not match the billing information',
};

/**
 * The reason a customer is given for a cancellation: the channel's own words, else the public
 * reason, else plain words for the internal reason — never the internal code itself.
 */
export function statedReason(
  env: Pick<RunEnv, 'profile'>,
  order: Order,
  explains?: Partial<Record<string, string>>,
): string {
  const reason = order.reason ?? '';
  return (
    explains?.[reason] ??
    env.profile.policies.publicCancellationReason ??
    REASON_WORDS[reason] ??
    'no reason was given'
  );
}

/** What the order page (or a member of staff) says about an order. */
export function describeOrder(
  env: Pick<RunEnv, 'product' | 'profile'>,
  order: Order,
  explains?: Partial<Record<string, string>>,
): string {
  const name = env.product(order.product).name;
  if (order.status === 'cancelled')
    return `order ${order.id} (${name}) was cancelled: ${statedReason(env, order, explains)}`;
  if (order.status === 'lost') return `order ${order.id} (${name}) is still "processing"`;
  return `order ${order.id} (${name}) is ${order.status}`;
}

export type { CheckoutRequest } from '../core/ports.ts';
export { MAIL_KINDS, type MailKind, type MerchantProfile, PROBLEMS, type Product } from './profile.ts';
export type { OrderPage, ShopCheckout } from './shopPort.ts';
