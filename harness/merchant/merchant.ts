/**
 * The reference merchant: checkout, fulfilment, notifications and renewals, following the
 * merchant profile. It reaches the sandbox only through the model functions (the direct
 * adapters); what it decides comes from the profile, never from the scenario.
 */
import { formatDuration, parseDuration } from '../clock/duration.ts';
import { renewalDue } from '../sandbox/billing.ts';
import { issueKey } from '../sandbox/licensing.ts';
import { arrive, type OutgoingMail, sendMail } from '../sandbox/mailbox.ts';
import { createOrder, transfer } from '../sandbox/orders.ts';
import { authorise, CARD_LAST4, refund } from '../sandbox/payment.ts';
import { formatMoney, type RunEnv } from '../sandbox/runEnv.ts';
import {
  addFact,
  nextId,
  type Order,
  type PendingEvent,
  record,
  type Subscription,
  schedule,
  type World,
} from '../sandbox/world.ts';
import type { MailKind } from '../scenario/schema.ts';

/** A customer abandons a page that takes longer than this. */
export const PAGE_PATIENCE_MS = 60_000;
const DAY = 86_400_000;

export interface CheckoutRequest {
  product: string;
  channel: 'web' | 'store' | 'phone';
  shipping: 'standard' | 'rush';
  quantity: number;
  email: string;
}

export type CheckoutResult = { ok: true; order: Order } | { ok: false; reason: string };

export function durationMs(env: RunEnv, from: number, text: string): number {
  const spec = parseDuration(text);
  if (spec.kind === 'elapsed') return spec.ms;
  // Business durations are counted on the merchant's main calendar (its first support channel).
  const first = env.profile.support[0];
  if (!first) return spec.kind === 'business-days' ? spec.days * DAY : spec.hours * 3_600_000;
  return env.calendar(first.id).add(from, spec) - from;
}

/** Send a customer notification, unless the policy or a fault stops it. */
export function notify(world: World, env: RunEnv, mail: OutgoingMail): void {
  if (env.profile.policies.notify[mail.kind as keyof typeof env.profile.policies.notify] === false) {
    record(world, {
      actor: 'merchant',
      kind: 'notify.skipped',
      text: `By policy, no "${mail.subject}" message was sent.`,
      data: { kind: mail.kind, orderId: mail.orderId, policy: true },
    });
    return;
  }
  const hit = env.faults.hit(world, 'notify', { kind: mail.kind, id: nextId(world, 'note') });
  if (hit && 'suppressed' in hit.result) {
    record(world, {
      actor: 'fault',
      kind: 'notify.suppressed',
      text: `The notification "${mail.subject}" was never sent.`,
      data: { kind: mail.kind, orderId: mail.orderId, fault: hit.label },
    });
    return;
  }
  const message = sendMail(world, env, mail);
  if (hit && 'delayMs' in hit.result) {
    message.deliverAt += hit.result.delayMs;
    const p = world.pending.find((e) => e.ref === message.id);
    if (p) {
      world.pending.splice(world.pending.indexOf(p), 1);
      schedule(world, { ...p, at: message.deliverAt });
    }
    record(world, {
      actor: 'fault',
      kind: 'notify.delayed',
      text: `The "${mail.subject}" message was held back for ${formatDuration(hit.result.delayMs)}.`,
      data: { kind: mail.kind, fault: hit.label },
    });
  }
}

export function checkout(world: World, env: RunEnv, req: CheckoutRequest): CheckoutResult {
  const product = env.product(req.product);
  const { profile } = env;
  if (req.channel === 'web') {
    const slow = env.faults.hit(world, 'site', { page: 'checkout', id: nextId(world, 'page') });
    if (slow && 'latencyMs' in slow.result && slow.result.latencyMs > PAGE_PATIENCE_MS) {
      record(world, {
        actor: 'fault',
        kind: 'site.slow',
        channel: 'web',
        text: `The checkout page took ${Math.round(slow.result.latencyMs / 1000)} seconds to respond; the order could not be placed.`,
        data: { latencyMs: slow.result.latencyMs, fault: slow.label },
      });
      return { ok: false, reason: 'the checkout page was too slow' };
    }
  }
  let email = req.email;
  const typo = env.faults.hit(world, 'checkout-email', { email, id: nextId(world, 'form') });
  if (typo && typo.result.email !== email) {
    if (profile.capabilities.confirmEmailTwice) {
      record(world, {
        actor: 'merchant',
        kind: 'checkout.typo-caught',
        channel: req.channel,
        text: `The checkout asked for the e-mail address twice and caught the typo "${typo.result.email}".`,
        data: { typed: typo.result.email, fault: typo.label },
      });
    } else {
      email = typo.result.email;
      record(world, {
        actor: 'fault',
        kind: 'checkout.email-mistyped',
        channel: req.channel,
        text: `The customer typed ${email} instead of ${req.email}; the shop did not ask to confirm it.`,
        data: { typed: email, real: req.email, fault: typo.label },
      });
    }
  }
  const rush = req.shipping === 'rush' && product.kind === 'physical' ? profile.policies.rushSurcharge : 0;
  const amount = product.price * req.quantity + rush;
  const system = profile.sales[req.channel] ?? `${req.channel}-sales`;
  const orderId = nextId(world, 'ord');
  const auth = authorise(world, env, amount, { orderId });
  if (auth.charge.status === 'failed') return { ok: false, reason: auth.failure!.message };
  if (auth.failure && profile.policies.onPaymentMismatch === 'ask-customer') {
    refund(world, env, auth.charge, 'the checkout was stopped');
    record(world, {
      actor: 'merchant',
      kind: 'checkout.rejected',
      channel: req.channel,
      text: `The checkout stopped and asked the customer to check their card details (${auth.failure.message}).`,
      data: { reason: auth.failure.failure },
    });
    return { ok: false, reason: auth.failure.message };
  }
  const order = createOrder(world, {
    id: orderId,
    product: product.id,
    channel: req.channel,
    system,
    email,
    price: amount,
    shipping: req.shipping,
    chargeId: auth.charge.id,
  });
  auth.charge.orderId = order.id;
  record(world, {
    actor: 'merchant',
    kind: 'order.confirmed',
    channel: req.channel,
    text: `The shop confirmed order ${order.id} for ${product.name} (${formatMoney(amount, env.currency)}${rush ? `, including ${formatMoney(rush, env.currency)} for rush delivery` : ''}).`,
    data: {
      orderId: order.id,
      product: product.id,
      amount,
      listPrice: product.price * req.quantity,
      ...(rush ? { surcharge: rush, surchargeFor: 'rush delivery' } : {}),
      email,
      system,
    },
  });
  addFact(world, `ordered:${product.id}`);
  notify(world, env, {
    to: email,
    kind: 'order-confirmation',
    subject: `Your order ${order.id}: ${product.name}`,
    orderId: order.id,
  });
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

export function cancelOrder(
  world: World,
  env: RunEnv,
  order: Order,
  reason: string,
  detail: string,
  tell: boolean,
): void {
  order.status = 'cancelled';
  order.reason = reason;
  const charge = world.charges.find((c) => c.id === order.chargeId);
  if (charge) refund(world, env, charge, `order ${order.id} was cancelled`);
  record(world, {
    actor: 'merchant',
    kind: 'order.cancelled',
    text: `The shop cancelled order ${order.id} (${detail})${tell ? '' : ' and did not tell the customer'}.`,
    data: { orderId: order.id, reason, notified: tell },
  });
  if (tell) {
    notify(world, env, {
      to: order.email,
      kind: 'order-cancelled',
      subject: `Order ${order.id} was cancelled: ${detail}`,
      orderId: order.id,
    });
  }
}

function fulfil(world: World, env: RunEnv, order: Order): void {
  const product = env.product(order.product);
  switch (product.kind) {
    case 'licence': {
      const key = issueKey(world, product.id, order.id);
      notify(world, env, {
        to: order.email,
        kind: 'licence-key',
        subject: `Download instructions and licence key for ${product.name}`,
        orderId: order.id,
        secret: key.key,
        unverifiedAddress: !env.profile.capabilities.confirmEmailTwice,
      });
      return;
    }
    case 'physical': {
      if (transfer(world, env, order)) return;
      order.status = 'shipped';
      const days = order.shipping === 'rush' ? 1 : (product.shippingDays ?? 5);
      notify(world, env, {
        to: order.email,
        kind: 'shipped',
        subject: `${product.name} is on its way`,
        orderId: order.id,
      });
      schedule(world, { at: world.now + days * DAY, type: 'parcel.arrive', ref: order.id });
      return;
    }
    case 'membership': {
      provision(world, env, order);
      return;
    }
    case 'subscription': {
      addFact(world, `active:${product.id}`);
      startSubscription(world, env, order);
      return;
    }
  }
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

function startSubscription(world: World, env: RunEnv, order: Order): Subscription {
  const product = env.product(order.product);
  const term = durationMs(env, world.now, product.term ?? TERM_DEFAULT);
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
    const at = sub.renewsAt - durationMs(env, sub.renewsAt, before);
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
  sub.renewsAt += durationMs(env, sub.renewsAt, product.term ?? TERM_DEFAULT);
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

export function handleDue(world: World, env: RunEnv, ev: PendingEvent): void {
  switch (ev.type) {
    case 'mail.arrive':
      arrive(world, ev.ref, ev.detail ?? 'inbox|');
      return;
    case 'parcel.arrive': {
      const order = world.orders.find((o) => o.id === ev.ref);
      if (order?.status !== 'shipped') return;
      order.status = 'delivered';
      addFact(world, `delivered:${order.product}`);
      record(world, {
        actor: 'orders',
        kind: 'order.delivered',
        text: `The parcel with ${env.product(order.product).name} was delivered.`,
        data: { orderId: order.id },
      });
      return;
    }
    case 'renewal.due':
    case 'reminder.due':
      remindOrRenew(world, env, ev);
      return;
    case 'payment.renewal':
      renewalDue(world, env, ev);
      return;
    default:
      return;
  }
}

/** Let virtual time pass to `t`, handling everything that falls due on the way. */
export function advanceTo(world: World, env: RunEnv, t: number): void {
  while (world.pending.length > 0 && world.pending[0]!.at <= t) {
    const ev = world.pending.shift()!;
    if (ev.at > world.now) world.now = ev.at;
    handleDue(world, env, ev);
  }
  if (t > world.now) world.now = t;
}

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

/** What the order page (or a member of staff) says about an order. */
export function describeOrder(env: RunEnv, order: Order, explains?: Partial<Record<string, string>>): string {
  const name = env.product(order.product).name;
  if (order.status === 'cancelled') {
    const said =
      explains?.[order.reason ?? ''] ?? env.profile.policies.publicCancellationReason ?? order.reason;
    return `order ${order.id} (${name}) was cancelled: ${said}`;
  }
  if (order.status === 'lost') return `order ${order.id} (${name}) is still "processing"`;
  return `order ${order.id} (${name}) is ${order.status}`;
}
