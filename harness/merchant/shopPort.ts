/**
 * What the customer does at the merchant's web site, as one interface: checkout, the order
 * page, resending a message, correcting the address, cancelling online, the member portal.
 * `sim` uses the merchant model directly (`directShop`); `--target http` sends the same calls
 * to a real shop over the wire (harness/targets/http). The customer agent only sees this port,
 * so both targets run the same journeys and the same recovery search.
 */

import type { RunEnv } from '../core/runEnv.ts';
import type { MailKind } from '../core/vocabulary.ts';
import type { Order, World } from '../core/world.ts';
import { findMailFor } from '../services/mail/mailbox.ts';
import { type ContactResult, contact } from '../services/support/desk.ts';
import { type CheckoutRequest, checkout, describeOrder, keyMessageKind, notify, resend } from './flows.ts';
import type { Problem } from './profile.ts';

export type ShopCheckout =
  | { ok: true; orderId: string }
  | { ok: false; reason: string; emailsDiffer?: boolean };

export interface OrderPage {
  /** What the page says about the order. */
  shown: string;
  status: Order['status'];
  email: string;
  /** A licence key the page offers for download. */
  key?: string;
}

export interface ShopPort {
  checkout(world: World, env: RunEnv, req: CheckoutRequest): ShopCheckout;
  orderPage(world: World, env: RunEnv, orderId: string): OrderPage | undefined;
  /** The "resend" button: the latest message of a kind for the order, to the address on file. */
  resend(world: World, env: RunEnv, orderId: string, kind: MailKind): boolean;
  /** Correct the address on an order; the shop then resends the order's key message. */
  changeEmail(world: World, env: RunEnv, orderId: string, email: string): boolean;
  /** Cancel every subscription to a product online; false where the shop does not allow it. */
  cancelSubscription(world: World, env: RunEnv, product: string): boolean;
  /** Whether the portal that fulfils a product knows the customer's purchase of it. */
  entitled(world: World, env: RunEnv, product: string): boolean;
  /** The merchant's periodic statement mail (a job the merchant runs, triggered by the journey). */
  sendStatement(world: World, env: RunEnv, email: string): void;
  /** The support form (or the phone, the chat, the store): the desk's answer, as the sandbox's support desk gives it. */
  contactSupport(
    world: World,
    env: RunEnv,
    channelId: string,
    problem: Problem,
    product: string,
  ): ContactResult;
}

export const directShop: ShopPort = {
  checkout(world, env, req) {
    const r = checkout(world, env, req);
    return r.ok ? { ok: true, orderId: r.order.id } : r;
  },
  orderPage(world, env, orderId) {
    const order = world.orders.find((o) => o.id === orderId);
    if (!order) return undefined;
    const key = world.keys.find((k) => k.orderId === order.id);
    return {
      shown: describeOrder(env, order),
      status: order.status,
      email: order.email,
      ...(env.profile.capabilities.downloadFromOrderPage && key && order.status === 'confirmed'
        ? { key: key.key }
        : {}),
    };
  },
  resend(world, env, orderId, kind) {
    const order = world.orders.find((o) => o.id === orderId);
    return (
      order !== undefined && env.profile.capabilities.resendConfirmation && resend(world, env, order, kind)
    );
  },
  changeEmail(world, env, orderId, email) {
    const order = world.orders.find((o) => o.id === orderId);
    if (!order || !env.profile.capabilities.changeEmailAfterOrder) return false;
    order.email = email;
    resend(world, env, order, keyMessageKind(env, order));
    return true;
  },
  cancelSubscription(world, env, product) {
    if (!env.profile.capabilities.cancelOnline) return false;
    for (const s of world.subscriptions) if (s.product === product) s.status = 'cancelled';
    return true;
  },
  entitled(world, env, product) {
    const portal = env.product(product).fulfilledBy ?? 'web-store';
    return world.orders.some(
      (o) =>
        o.product === product &&
        o.provisioned &&
        o.status !== 'cancelled' &&
        o.status !== 'refunded' &&
        env.canSee(portal, o.system),
    );
  },
  sendStatement(world, env, email) {
    if (findMailFor(world, email, 'statement').length > 0) return;
    notify(world, env, { to: email, kind: 'statement', subject: 'Your monthly statement' });
  },
  contactSupport(world, env, channelId, problem, product) {
    const channel = env.channel(channelId);
    if (!channel) throw new Error(`the merchant has no support channel ${channelId}`);
    return contact(world, env, channel, problem, product);
  },
};
