/**
 * The reference merchant: checkout, fulfilment, notifications and renewals, following the
 * merchant profile. It reaches the sandbox only through the model functions (the direct
 * adapters); what it decides comes from the profile, never from the scenario.
 */
import type { CheckoutRequest } from '../core/ports.ts';
import { formatMoney, type RunEnv } from '../core/runEnv.ts';
import { onDue } from '../core/scheduler.ts';
import type { MailKind } from '../core/vocabulary.ts';
import {
  addFact,
  nextId,
  type Order,
  type PendingEvent,
  record,
  type Subscription,
  schedule,
  type World,
} from '../core/world.ts';
import {
  authorise,
  CARD_LAST4,
  createOrder,
  deliverNotification,
  issueKey,
  type OutgoingMail,
  refund,
  transfer,
} from '../services/index.ts';
import {
  businessDuration,
  cancellationMail,
  notifies,
  orderAmount,
  orderMail,
  rejectedEvent,
  skippedEvent,
  typoCaughtEvent,
} from './policy.ts';
import type { MerchantProfile } from './profile.ts';

const DAY = 86_400_000;

export type { CheckoutRequest } from '../core/ports.ts';

export type CheckoutResult =
  | { ok: true; order: Order }
  | { ok: false; reason: string /** The form caught two different addresses. */; emailsDiffer?: boolean };

/** Send a customer notification, unless the merchant's policy says not to (faults: `deliverNotification`). */
export function notify(world: World, env: RunEnv, mail: OutgoingMail): void {
  if (!notifies(env.profile, mail.kind)) {
    record(world, skippedEvent(mail));
    return;
  }
  deliverNotification(world, env, mail);
}

/** The system an order placed on a channel is recorded in. */
export const salesSystem = (profile: MerchantProfile, channel: CheckoutRequest['channel']): string =>
  profile.sales[channel] ?? `${channel}-sales`;

/**
 * Checkout: the payment first, then the order, its confirmation and its fulfilment. The
 * reference shop (fixtures/shop) does the same over the wire; `--target http` checks they agree.
 */
export function checkout(world: World, env: RunEnv, req: CheckoutRequest): CheckoutResult {
  const { profile } = env;
  if (
    profile.capabilities.confirmEmailTwice &&
    req.emailConfirm !== undefined &&
    req.emailConfirm !== req.email
  ) {
    record(world, typoCaughtEvent(req));
    return { ok: false, reason: 'the two e-mail addresses differ', emailsDiffer: true };
  }
  const { amount, listPrice, rush } = orderAmount(env, req);
  const orderId = nextId(world, 'ord');
  const auth = authorise(world, env, amount, { orderId });
  if (auth.charge.status === 'failed') return { ok: false, reason: auth.failure!.message };
  if (auth.failure && profile.policies.onPaymentMismatch === 'ask-customer') {
    refund(world, env, auth.charge, 'the checkout was stopped');
    record(world, rejectedEvent(req.channel, auth.failure.message, auth.failure.failure));
    return { ok: false, reason: auth.failure.message };
  }
  const order = recordOrder(world, env, {
    id: orderId,
    product: req.product,
    channel: req.channel,
    email: req.email,
    price: amount,
    listPrice,
    surcharge: rush,
    shipping: req.shipping,
    chargeId: auth.charge.id,
  });
  notify(world, env, orderMail(env, order, 'order-confirmation'));
  if (auth.failure) {
    cancelOrder(
      world,
      env,
      order,
      'payment-mismatch',
      auth.failure.message,
      profile.policies.onPaymentMismatch === 'cancel-and-notify',
    );
    return { ok: true, order };
  }
  fulfil(world, env, order);
  return { ok: true, order };
}

export interface OrderRecord {
  id?: string;
  product: string;
  channel: CheckoutRequest['channel'];
  email: string;
  price: number;
  listPrice: number;
  surcharge: number;
  shipping: CheckoutRequest['shipping'];
  chargeId?: string;
}

/** The back office records a paid order in the system of its sales channel. */
export function recordOrder(world: World, env: RunEnv, rec: OrderRecord): Order {
  const product = env.product(rec.product);
  const system = salesSystem(env.profile, rec.channel);
  const order = createOrder(world, {
    ...(rec.id ? { id: rec.id } : {}),
    product: product.id,
    channel: rec.channel,
    system,
    email: rec.email,
    price: rec.price,
    shipping: rec.shipping,
    ...(rec.chargeId ? { chargeId: rec.chargeId } : {}),
  });
  const charge = rec.chargeId ? world.charges.find((c) => c.id === rec.chargeId) : undefined;
  if (charge) charge.orderId = order.id;
  const rush = rec.surcharge;
  record(world, {
    actor: 'merchant',
    kind: 'order.confirmed',
    channel: rec.channel,
    text: `The shop confirmed order ${order.id} for ${product.name} (${formatMoney(rec.price, env.currency)}${rush ? `, including ${formatMoney(rush, env.currency)} for rush delivery` : ''}).`,
    data: {
      orderId: order.id,
      product: product.id,
      amount: rec.price,
      listPrice: rec.listPrice,
      ...(rush ? { surcharge: rush, surchargeFor: 'rush delivery' } : {}),
      email: rec.email,
      system,
    },
  });
  return order;
}

export function cancelOrder(
  world: World,
  env: RunEnv,
  order: Order,
  reason: string,
  detail: string,
  tell: boolean,
): void {
  const charge = world.charges.find((c) => c.id === order.chargeId);
  if (charge) refund(world, env, charge, `order ${order.id} was cancelled`);
  recordCancellation(world, order, reason, detail, tell);
  if (tell) notify(world, env, cancellationMail(order, detail));
}

/** The back office marks an order cancelled (the refund and the message are the shop's). */
export function recordCancellation(
  world: World,
  order: Order,
  reason: string,
  detail: string,
  notified: boolean,
): void {
  order.status = 'cancelled';
  order.reason = reason;
  record(world, {
    actor: 'merchant',
    kind: 'order.cancelled',
    text: `The shop cancelled order ${order.id} (${detail})${notified ? '' : ' and did not tell the customer'}.`,
    data: { orderId: order.id, reason, notified },
  });
}

function fulfil(world: World, env: RunEnv, order: Order): void {
  const product = env.product(order.product);
  switch (product.kind) {
    case 'licence': {
      const key = issueKey(world, product.id, order.id);
      notify(world, env, {
        ...orderMail(env, order, 'licence-key'),
        secret: key.key,
        unverifiedAddress: !env.profile.capabilities.confirmEmailTwice,
      });
      return;
    }
    case 'physical':
      if (dispatch(world, env, order)) notify(world, env, orderMail(env, order, 'shipped'));
      return;
    case 'membership':
      provision(world, env, order);
      return;
    case 'subscription':
      startSubscription(world, env, order);
      return;
  }
}

/** The back office sends a parcel on its way; false when it was lost between systems. */
export function dispatch(world: World, env: RunEnv, order: Order): boolean {
  if (transfer(world, env, order)) return false;
  const product = env.product(order.product);
  order.status = 'shipped';
  const days = order.shipping === 'rush' ? 1 : (product.shippingDays ?? 5);
  schedule(world, { at: world.now + days * DAY, type: 'parcel.arrive', ref: order.id });
  return true;
}

export function provision(world: World, env: RunEnv, order: Order): void {
  const product = env.product(order.product);
  const portal = product.fulfilledBy;
  if (!portal) return;
  order.provisioned = env.canSee(portal, order.system);
  if (!order.provisioned) {
    record(world, {
      actor: 'orders',
      kind: 'order.not-provisioned',
      text: `The ${portal} never received order ${order.id}: it cannot see orders recorded in the ${order.system}.`,
      data: { orderId: order.id, from: order.system, to: portal },
    });
  }
}

const TERM_DEFAULT = 'P365D';

export function startSubscription(world: World, env: RunEnv, order: Order): Subscription {
  const product = env.product(order.product);
  const term = businessDuration(env, world.now, product.term ?? TERM_DEFAULT);
  const sub: Subscription = {
    id: nextId(world, 'sub'),
    product: product.id,
    price: product.renewalPrice ?? product.price,
    renewsAt: world.now + term,
    status: 'active',
    autoRenew: true,
    remindersSent: 0,
  };
  world.subscriptions.push(sub);
  scheduleRenewal(world, env, sub);
  return sub;
}

function scheduleRenewal(world: World, env: RunEnv, sub: Subscription): void {
  schedule(world, { at: sub.renewsAt, type: 'renewal.due', ref: sub.id });
  for (const before of env.profile.policies.renewalRemindersBefore) {
    const at = sub.renewsAt - businessDuration(env, sub.renewsAt, before);
    if (at > world.now) schedule(world, { at, type: 'reminder.due', ref: sub.id, detail: before });
  }
}

/** The notification system sees a cancellation only if it can see the billing system. */
const NOTIFICATIONS = 'notifications';
const BILLING = 'billing';

function remindOrRenew(world: World, env: RunEnv, ev: PendingEvent): void {
  const sub = world.subscriptions.find((s) => s.id === ev.ref);
  if (!sub) return;
  const product = env.product(sub.product);
  // A merchant without separate billing and notification systems knows its cancellations.
  const separate = [NOTIFICATIONS, BILLING].every((id) => env.profile.systems.some((s) => s.id === id));
  const stale = sub.status === 'cancelled' && separate && !env.canSee(NOTIFICATIONS, BILLING);
  if (ev.type === 'reminder.due') {
    if (sub.status !== 'active' && !stale) return;
    notify(world, env, {
      to: world.customer.email,
      kind: 'renewal-reminder',
      subject: `Time is running out! Your ${product.name} subscription expires soon`,
      about: { subscription: sub.id, subscriptionStatus: sub.status, product: product.id },
    });
    return;
  }
  if (sub.status !== 'active' || !sub.autoRenew) return;
  const orderId = nextId(world, 'renewal');
  const auth = authorise(world, env, sub.price, { subscriptionId: sub.id });
  record(world, {
    actor: 'merchant',
    kind: 'subscription.renewed',
    text: `The ${product.name} subscription renewed automatically at ${formatMoney(sub.price, env.currency)} (listed price ${formatMoney(product.price, env.currency)}).`,
    data: {
      subscription: sub.id,
      product: product.id,
      amount: sub.price,
      listPrice: product.price,
      charge: auth.charge.id,
      orderId,
    },
  });
  notify(world, env, {
    to: world.customer.email,
    kind: 'renewed',
    subject: `Your ${product.name} subscription has been renewed`,
  });
  sub.renewsAt += businessDuration(env, sub.renewsAt, product.term ?? TERM_DEFAULT);
  scheduleRenewal(world, env, sub);
}

/** Purchases made before the journey starts. */
export function givenPurchase(
  world: World,
  env: RunEnv,
  product: string,
  channel: 'web' | 'store' | 'phone',
  quantity: number,
): void {
  const p = env.product(product);
  for (let i = 0; i < quantity; i++) {
    const order = createOrder(world, {
      product,
      channel,
      system: env.profile.sales[channel] ?? `${channel}-sales`,
      email: world.customer.email,
      price: p.price,
      shipping: 'standard',
    });
    record(world, {
      actor: 'merchant',
      kind: 'order.confirmed',
      channel,
      text: `The customer bought ${p.name} (${formatMoney(p.price, env.currency)}) in the ${channel === 'web' ? 'web store' : channel}.`,
      data: { orderId: order.id, product, amount: p.price, listPrice: p.price, given: true },
    });
    // Paid before the journey: recorded directly, beyond the reach of this run's payment faults.
    const chargeId = nextId(world, 'ch');
    world.charges.push({
      id: chargeId,
      orderId: order.id,
      amount: p.price,
      last4: CARD_LAST4,
      status: 'succeeded',
      at: world.now,
    });
    order.chargeId = chargeId;
    world.customer.spent += p.price;
    if (p.kind === 'membership') provision(world, env, order);
    if (p.kind === 'subscription') startSubscription(world, env, order);
    if (p.kind === 'physical') {
      order.status = 'delivered';
      addFact(world, `delivered:${product}`);
    }
  }
}

export { advanceTo, handleDue } from '../core/scheduler.ts';

onDue('renewal.due', remindOrRenew);
onDue('reminder.due', remindOrRenew);

/** Resend the latest message of a kind for an order to the address on file. */
export function resend(world: World, env: RunEnv, order: Order, kind: MailKind): boolean {
  const last = [...world.mail].reverse().find((m) => m.orderId === order.id && m.kind === kind);
  if (!last) return false;
  notify(world, env, {
    to: order.email,
    kind,
    subject: last.subject,
    orderId: order.id,
    ...(last.secret ? { secret: last.secret, unverifiedAddress: last.unverifiedAddress ?? true } : {}),
  });
  return true;
}
