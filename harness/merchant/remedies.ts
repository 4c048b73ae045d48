/**
 * What staff can do about a customer's problem, and how they word it: whether a remedy applies to
 * the problem and the order, and carrying it out (resending, reshipping, refunding, re-selling,
 * cancelling, resetting a login). These are the merchant's rules; the support desk
 * (services/support/desk.ts) decides when staff look at a problem and calls them through the run
 * environment's StaffPort.
 */

import type { StaffPort, StaffSay } from '../core/ports.ts';
import { formatMoney, type RunEnv } from '../core/runEnv.ts';
import type { Problem, Remedy } from '../core/vocabulary.ts';
import { addFact, learn, type Order, type World } from '../core/world.ts';
import { authorise, createOrder, refund } from '../services/index.ts';
import { notify, provision, resend } from './flows.ts';
import { cancelSubscriptions, describeOrder, keyMessageKind, mayCancel, statedReason } from './policy.ts';

/** Remedies about the customer's account rather than one order: staff need no order to apply them. */
const ACCOUNT_REMEDIES = new Set<Remedy>(['reset-login', 'resend-statement']);

function applies(
  world: World,
  env: RunEnv,
  remedy: Remedy,
  problem: Problem,
  order: Order | undefined,
): boolean {
  if (ACCOUNT_REMEDIES.has(remedy))
    return remedy === 'reset-login' ? problem === 'cannot-log-in' : problem === 'missing-statement';
  if (!order) return false;
  const kind = env.product(order.product).kind;
  switch (remedy) {
    case 'read-out-key':
    case 'resend-mail':
      return problem === 'missing-mail' && (kind === 'licence' ? order.status === 'confirmed' : true);
    case 'update-email':
      return problem === 'missing-mail' && order.email !== world.customer.email;
    case 'explain-order':
      return problem === 'missing-delivery' || problem === 'order-cancelled';
    case 'reship':
      return problem === 'missing-delivery' && order.status === 'lost';
    case 'activate-manually':
    case 'void-and-repurchase':
      return problem === 'entitlement-missing';
    case 'refund':
    case 'cancel-subscription':
      return problem === 'overcharged' || problem === 'unwanted-renewal';
    case 'reset-login':
      return problem === 'cannot-log-in';
    case 'resend-statement':
      return problem === 'missing-statement';
  }
}

/** Carry out a remedy; true when it fixed the customer's problem. */
const perform: StaffPort['perform'] = (world, env, channel, remedy, problem, order, say) => {
  if (!order) return ACCOUNT_REMEDIES.has(remedy) && performOnAccount(world, env, remedy, problem, say);
  const product = env.product(order.product);
  switch (remedy) {
    case 'read-out-key': {
      const key = world.keys.find((k) => k.orderId === order.id);
      if (!key) return false;
      say('support.key-given', `staff gave the customer the licence key for ${product.name} directly.`, {
        orderId: order.id,
        key: key.key,
      });
      addFact(world, `licence:${product.id}`);
      return true;
    }
    case 'update-email':
    case 'resend-mail': {
      if (remedy === 'update-email') order.email = world.customer.email;
      const kind = keyMessageKind(env, order);
      say('support.resent', `staff resent the "${kind}" message to ${order.email}.`, {
        orderId: order.id,
        to: order.email,
      });
      return resend(world, env, order, kind);
    }
    case 'explain-order': {
      if (order.status === 'lost') {
        // Staff look downstream, where the order never arrived.
        say('support.explained', 'we never received your order; can you place it again?', {
          orderId: order.id,
          status: order.status,
          lostAt: order.lostAt,
        });
        learn(world, `order-failed:${order.product}`);
        return false;
      }
      const said = describeOrder(env, order, channel.explains);
      say('support.explained', `staff said ${said}.`, {
        orderId: order.id,
        status: order.status,
        reason: order.reason,
        // The same words as the text: inconsistent-reasons reads `said`.
        said: order.reason === undefined ? undefined : statedReason(env, order, channel.explains),
      });
      if (order.status === 'cancelled') learn(world, `order-failed:${order.product}`);
      return problem === 'order-cancelled';
    }
    case 'reship': {
      order.status = 'shipped';
      world.pending.push({
        at: world.now + 86_400_000,
        seq: ++world.seq,
        type: 'parcel.arrive',
        ref: order.id,
      });
      world.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      say('support.reshipped', `staff shipped ${product.name} again by express.`, {
        orderId: order.id,
      });
      return true;
    }
    case 'activate-manually': {
      say('support.activated', `staff activated ${product.name} by hand.`, {
        orderId: order.id,
      });
      addFact(world, `active:${product.id}`);
      return true;
    }
    case 'void-and-repurchase': {
      const charge = world.charges.find((c) => c.orderId === order.id);
      if (charge) refund(world, env, charge, `order ${order.id} voided`);
      order.status = 'refunded';
      const again = createOrder(world, {
        product: order.product,
        channel: order.channel,
        system: env.product(order.product).fulfilledBy ?? order.system,
        email: order.email,
        price: product.price,
        shipping: order.shipping,
      });
      const auth = authorise(world, env, product.price, { orderId: again.id });
      again.chargeId = auth.charge.id;
      provision(world, env, again);
      say(
        'support.repurchased',
        `staff voided order ${order.id}, refunded it and sold ${product.name} again as order ${again.id} (${formatMoney(product.price, env.currency)}).`,
        { orderId: order.id, newOrderId: again.id },
      );
      addFact(world, `active:${product.id}`);
      return true;
    }
    case 'refund': {
      const list = product.price;
      const over = world.charges.filter(
        (c) =>
          c.status === 'succeeded' &&
          c.subscriptionId &&
          world.subscriptions.find((s) => s.id === c.subscriptionId)?.product === product.id,
      );
      if (over.length === 0) return false;
      for (const c of over)
        refund(world, env, c, `renewal above the listed ${formatMoney(list, env.currency)}`);
      addFact(world, `refunded:${product.id}`);
      return true;
    }
    case 'cancel-subscription': {
      if (!mayCancel(env.profile, 'staff') || cancelSubscriptions(world, product.id).length === 0)
        return false;
      say('subscription.cancelled', `staff cancelled the ${product.name} subscriptions.`, {
        product: product.id,
      });
      addFact(world, `cancelled:${product.id}`);
      return true;
    }
    case 'reset-login':
    case 'resend-statement':
      return performOnAccount(world, env, remedy, problem, say);
  }
};

function performOnAccount(
  world: World,
  env: RunEnv,
  remedy: Remedy,
  problem: Problem,
  say: StaffSay,
): boolean {
  switch (remedy) {
    case 'reset-login': {
      const broken = env.faults.hit(world, 'site', { page: 'staff-reset', id: `reset:${world.now}` });
      if (broken && 'fails' in broken.result) {
        say(
          'support.unresolved',
          'staff suggested clearing the browser cache and calling back if it persists.',
          { problem },
        );
        return false;
      }
      say('support.login-reset', 'staff reset the login.', {});
      addFact(world, 'logged-in');
      return true;
    }
    case 'resend-statement': {
      notify(world, env, { to: world.customer.email, kind: 'statement', subject: 'Your statement (copy)' });
      say('support.resent', 'staff sent a copy of the statement.', {});
      return true;
    }

    default:
      return false;
  }
}

export const staffRemedies: StaffPort = {
  forAccount: (remedy) => ACCOUNT_REMEDIES.has(remedy),
  applies,
  perform,
};
