/**
 * The merchant's web site as the sim target runs it: core/ports.ts's ShopPort over the merchant
 * model. `--target http` implements the same port over the wire (harness/targets/http).
 */

import type { ShopPort } from '../core/ports.ts';
import { contact, findMailFor } from '../services/index.ts';
import { checkout, notify, resend } from './flows.ts';
import { cancelSubscriptions, describeOrder, keyMessageKind, mayCancel } from './policy.ts';

export type { CheckoutRequest, OrderPage, ShopCheckout, ShopPort } from '../core/ports.ts';

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
    if (!mayCancel(env.profile, 'customer-online')) return false;
    cancelSubscriptions(world, product);
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
