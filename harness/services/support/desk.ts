/**
 * The support desk: channels with opening hours and a holiday calendar, response times,
 * what staff can see and do, hand-offs between channels and escalation to a back office.
 * Live channels (phone, chat, store) handle a contact while the customer waits; e-mail and
 * web forms answer later, counted on the channel's calendar.
 */
import { formatDuration, parseDuration } from '../../clock/duration.ts';
import { formatInstant } from '../../clock/instant.ts';
import { formatMoney, type RunEnv } from '../../core/runEnv.ts';
import { advanceTo } from '../../core/scheduler.ts';
import type { Problem, Remedy } from '../../core/vocabulary.ts';
import { addFact, learn, nextId, type Order, record, type World } from '../../core/world.ts';
import {
  describeOrder,
  keyMessageKind,
  notify,
  provision,
  resend,
  statedReason,
} from '../../merchant/flows.ts';
import type { SupportChannel } from '../../merchant/profile.ts';
import { createOrder, latestOrder } from '../orders/orders.ts';
import { authorise, refund } from '../payment/charges.ts';

export const LIVE_KINDS = new Set(['phone', 'chat', 'store']);
/** Customer's own time: writing an e-mail, travelling to and from the store. */
const WRITE_MS = 10 * 60_000;
const TRAVEL_MS = 15 * 60_000;
const CALLBACK_MS = 15 * 60_000;

import type { ContactResult } from '../../core/ports.ts';

export type { ContactResult } from '../../core/ports.ts';

/** When a contact started now would be handled: now for an open live channel, else its next opening. */
export function nextHandling(env: RunEnv, channel: SupportChannel, now: number): number {
  return env.calendar(channel.id).nextOpen(now);
}

/** Why a channel cannot help before `by` (for dead-end explanations), or undefined. */
export function closedUntil(
  env: RunEnv,
  channel: SupportChannel,
  now: number,
): { reopens: number; reason: string } | undefined {
  const cal = env.calendar(channel.id);
  if (cal.isOpen(now)) return undefined;
  const why = cal.closedBecause(now);
  return { reopens: cal.nextOpen(now), reason: why?.reason ?? 'closed' };
}

const channelName = (c: SupportChannel) => c.name ?? `${c.id} support`;

/**
 * The customer contacts a channel about a problem. Advances the world through the contact
 * (waiting for the opening, the handling time or the e-mail answer) and applies the result.
 */
export function contact(
  world: World,
  env: RunEnv,
  channel: SupportChannel,
  problem: Problem,
  product: string,
): ContactResult {
  const cust = world.customer;
  const live = LIVE_KINDS.has(channel.kind);
  const start = nextHandling(env, channel, world.now);
  if (live) {
    if (channel.kind === 'store') cust.effortMinutes += (2 * TRAVEL_MS) / 60_000;
    advanceTo(world, env, start);
  } else {
    cust.effortMinutes += WRITE_MS / 60_000;
    record(world, {
      actor: 'customer',
      kind: 'support.contacted',
      channel: channel.kind,
      text: `The customer wrote to ${channelName(channel)} about ${problemText[problem]}.`,
      data: { channel: channel.id, problem },
    });
  }
  const answerAt = env.calendar(channel.id).add(start, parseDuration(channel.responseTime));
  const handling = answerAt - start;
  if (live) {
    cust.effortMinutes += handling / 60_000;
    record(world, {
      actor: 'customer',
      kind: channel.kind === 'store' ? 'store.visited' : 'support.contacted',
      channel: channel.kind,
      text:
        channel.kind === 'store'
          ? `The customer went to the store about ${problemText[problem]}.`
          : `The customer contacted ${channelName(channel)} (${channel.kind}) about ${problemText[problem]}.`,
      data: { channel: channel.id, problem },
    });
  }
  advanceTo(world, env, answerAt);
  cust.contacts += 1;
  if (channel.kind === 'phone') cust.calls += 1;
  if (channel.kind === 'store') cust.storeVisits += 1;
  const count = (cust.problemContacts[problem] ?? 0) + 1;
  cust.problemContacts[problem] = count;
  const result = decide(world, env, channel, problem, product, count);
  world.contacts.push({ id: nextId(world, 'ct'), channel: channel.id, problem, at: start, answerAt, result });
  return result;
}

const problemText: Record<Problem, string> = {
  'missing-mail': 'a message that never came',
  'missing-delivery': 'a delivery that never came',
  'order-cancelled': 'a cancelled order',
  'entitlement-missing': 'a purchase the system does not know of',
  overcharged: 'being charged too much',
  'cannot-log-in': 'not being able to log in',
  'missing-statement': 'a statement that never came',
  'unwanted-renewal': 'an unwanted renewal',
};

function say(
  world: World,
  channel: SupportChannel,
  kind: string,
  text: string,
  data: Record<string, unknown>,
) {
  record(world, {
    actor: 'support',
    kind,
    channel: channel.kind,
    text: `${channelName(channel)}: ${text}`,
    data: { channel: channel.id, ...data },
  });
}

function decide(
  world: World,
  env: RunEnv,
  channel: SupportChannel,
  problem: Problem,
  product: string,
  count: number,
): ContactResult {
  const miss = env.faults.hit(world, 'support-contact', {
    channel: channel.id,
    id: `${channel.id}:${count}`,
    count,
  });
  if (miss) {
    say(world, channel, 'support.misunderstood', 'staff did not understand the problem; nothing was done.', {
      problem,
      fault: miss.label,
    });
    return 'misunderstood';
  }
  // Asked about a cancelled order, staff look up that order, not a later re-order.
  const order =
    (problem === 'order-cancelled'
      ? world.orders.findLast((o) => o.product === product && o.status === 'cancelled')
      : undefined) ?? latestOrder(world, product);
  const instructed = world.customer.knows.find((k) => k.startsWith(`remedy:${problem}:${channel.id}:`));
  if (instructed && order) {
    const remedy = instructed.split(':')[3] as Remedy;
    if (perform(world, env, channel, remedy, problem, order)) {
      world.customer.knows = world.customer.knows.filter((k) => k !== instructed);
      return 'resolved';
    }
  }
  const visible = order !== undefined && channel.sees.some((s) => env.canSee(s, order.system));
  for (const remedy of channel.remedies) {
    if (
      ACCOUNT_REMEDIES.has(remedy)
        ? applies(world, env, remedy, problem, order) && perform(world, env, channel, remedy, problem, order)
        : order &&
          visible &&
          applies(world, env, remedy, problem, order) &&
          perform(world, env, channel, remedy, problem, order)
    )
      return 'resolved';
  }
  const esc = channel.escalation;
  if (esc && count >= esc.after && order) {
    const answerAt = env.calendar(channel.id).add(world.now, parseDuration(esc.answerAfter));
    say(
      world,
      channel,
      'support.escalated',
      `staff took the details and promised an answer from the back office within ${esc.answerAfter}.`,
      { problem },
    );
    advanceTo(world, env, answerAt);
    world.customer.contacts += 1;
    world.customer.calls += 1;
    world.customer.effortMinutes += CALLBACK_MS / 60_000;
    if (esc.at) {
      const target = env.channel(esc.at);
      say(
        world,
        channel,
        'support.callback',
        `the back office called back: it is too difficult for their systems to talk to each other; the customer must go to ${target ? channelName(target) : esc.at} for "${esc.remedy}".`,
        { problem, remedy: esc.remedy, at: esc.at },
      );
      learn(world, `remedy:${problem}:${esc.at}:${esc.remedy}`);
      world.customer.sentTo[problem] = esc.at;
      return 'escalated';
    }
    if (perform(world, env, channel, esc.remedy, problem, order)) return 'resolved';
    return 'unresolved';
  }
  const to = channel.redirects[problem];
  if (to) {
    const target = env.channel(to);
    say(
      world,
      channel,
      'support.redirected',
      `staff said this must be handled by ${target ? channelName(target) : to}.`,
      { problem, to },
    );
    world.customer.sentTo[problem] = to;
    return 'redirected';
  }
  if ((!order || !visible) && !ACCOUNT_PROBLEMS.has(problem)) {
    say(world, channel, 'support.not-found', 'staff could not find the order.', {
      problem,
      orderId: order?.id,
    });
    return 'not-found';
  }
  // Account remedies that did not help (a login outage) have already said why.
  if (!ACCOUNT_PROBLEMS.has(problem)) {
    say(world, channel, 'support.unresolved', 'staff could not do anything about it.', {
      problem,
      orderId: order?.id,
    });
  }
  return 'unresolved';
}

/** Remedies about the customer's account rather than one order: staff need no order to apply them. */
const ACCOUNT_REMEDIES = new Set<Remedy>(['reset-login', 'resend-statement']);
const ACCOUNT_PROBLEMS = new Set<Problem>(['cannot-log-in', 'missing-statement']);

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
function perform(
  world: World,
  env: RunEnv,
  channel: SupportChannel,
  remedy: Remedy,
  problem: Problem,
  order: Order | undefined,
): boolean {
  if (!order) return ACCOUNT_REMEDIES.has(remedy) && performOnAccount(world, env, channel, remedy, problem);
  const product = env.product(order.product);
  switch (remedy) {
    case 'read-out-key': {
      const key = world.keys.find((k) => k.orderId === order.id);
      if (!key) return false;
      say(
        world,
        channel,
        'support.key-given',
        `staff gave the customer the licence key for ${product.name} directly.`,
        { orderId: order.id, key: key.key },
      );
      addFact(world, `licence:${product.id}`);
      return true;
    }
    case 'update-email':
    case 'resend-mail': {
      if (remedy === 'update-email') order.email = world.customer.email;
      const kind = keyMessageKind(env, order);
      say(world, channel, 'support.resent', `staff resent the "${kind}" message to ${order.email}.`, {
        orderId: order.id,
        to: order.email,
      });
      return resend(world, env, order, kind);
    }
    case 'explain-order': {
      if (order.status === 'lost') {
        // Staff look downstream, where the order never arrived.
        say(world, channel, 'support.explained', 'we never received your order; can you place it again?', {
          orderId: order.id,
          status: order.status,
          lostAt: order.lostAt,
        });
        learn(world, `order-failed:${order.product}`);
        return false;
      }
      const said = describeOrder(env, order, channel.explains);
      say(world, channel, 'support.explained', `staff said ${said}.`, {
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
      say(world, channel, 'support.reshipped', `staff shipped ${product.name} again by express.`, {
        orderId: order.id,
      });
      return true;
    }
    case 'activate-manually': {
      say(world, channel, 'support.activated', `staff activated ${product.name} by hand.`, {
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
        world,
        channel,
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
      let any = false;
      for (const s of world.subscriptions) {
        if (s.product !== product.id || s.status !== 'active') continue;
        s.status = 'cancelled';
        any = true;
      }
      if (!any) return false;
      say(world, channel, 'subscription.cancelled', `staff cancelled the ${product.name} subscriptions.`, {
        product: product.id,
      });
      addFact(world, `cancelled:${product.id}`);
      return true;
    }
    case 'reset-login':
    case 'resend-statement':
      return performOnAccount(world, env, channel, remedy, problem);
  }
}

function performOnAccount(
  world: World,
  env: RunEnv,
  channel: SupportChannel,
  remedy: Remedy,
  problem: Problem,
): boolean {
  switch (remedy) {
    case 'reset-login': {
      const broken = env.faults.hit(world, 'site', { page: 'staff-reset', id: `reset:${world.now}` });
      if (broken && 'fails' in broken.result) {
        say(
          world,
          channel,
          'support.unresolved',
          'staff suggested clearing the browser cache and calling back if it persists.',
          { problem },
        );
        return false;
      }
      say(world, channel, 'support.login-reset', 'staff reset the login.', {});
      addFact(world, 'logged-in');
      return true;
    }
    case 'resend-statement': {
      notify(world, env, { to: world.customer.email, kind: 'statement', subject: 'Your statement (copy)' });
      say(world, channel, 'support.resent', 'staff sent a copy of the statement.', {});
      return true;
    }

    default:
      return false;
  }
}

export function describeClosure(
  env: RunEnv,
  channel: SupportChannel,
  now: number,
  deadline: number,
): string | undefined {
  const reopens = env.calendar(channel.id).nextOpen(now);
  if (reopens <= deadline) return undefined;
  const why = env.calendar(channel.id).closedBecause(now);
  const zone = env.calendar(channel.id).timezone;
  const late =
    reopens === Number.POSITIVE_INFINITY ? '' : `, ${formatDuration(reopens - deadline)} after the deadline`;
  return `${channelName(channel)} is closed${why ? ` (${why.reason})` : ''} and reopens ${reopens === Number.POSITIVE_INFINITY ? 'never' : formatInstant(reopens, zone, 'long')}${late}`;
}
