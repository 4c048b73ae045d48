/**
 * The support desk: channels with opening hours and a holiday calendar, response times,
 * what staff can see and do, hand-offs between channels and escalation to a back office.
 * Live channels (phone, chat, store) handle a contact while the customer waits; e-mail and
 * web forms answer later, counted on the channel's calendar.
 */
import { formatDuration, parseDuration } from '../../clock/duration.ts';
import { formatInstant } from '../../clock/instant.ts';
import type { SupportChannelFacts as SupportChannel } from '../../core/merchantFacts.ts';
import type { ContactResult, StaffSay } from '../../core/ports.ts';
import type { RunEnv } from '../../core/runEnv.ts';
import { advanceTo } from '../../core/scheduler.ts';
import type { SaidOnChannel, TraceKind } from '../../core/traceEvents.ts';
import type { Problem, Remedy } from '../../core/vocabulary.ts';
import { latestOrder, learn, nextId, record, type World } from '../../core/world.ts';

export const LIVE_KINDS = new Set(['phone', 'chat', 'store']);
/** Customer's own time: writing an e-mail, travelling to and from the store. */
const WRITE_MS = 10 * 60_000;
const TRAVEL_MS = 15 * 60_000;
const CALLBACK_MS = 15 * 60_000;

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

/** A channel as staff and the customer name it: its declared name, as written. */
export const channelName = (c: SupportChannel) => c.name ?? `${c.id} support`;

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

function say<K extends TraceKind>(
  world: World,
  channel: SupportChannel,
  kind: K,
  text: string,
  data: SaidOnChannel<K>,
) {
  // `kind` and `data` are checked against the event map at the call; TypeScript cannot follow a
  // generic spread, so the record itself goes through the unchecked overload.
  record(world, {
    actor: 'support',
    kind: kind as string,
    channel: channel.kind,
    text: `${channelName(channel)}: ${text}`,
    data: { channel: channel.id, ...data },
  });
}

/** How staff on a channel speak: the remedies (merchant/remedies.ts) word what they did through it. */
const staffSay =
  (world: World, channel: SupportChannel): StaffSay =>
  (kind, text, data) =>
    say(world, channel, kind, text, data);

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
    if (env.staff.perform(world, env, channel, remedy, problem, order, staffSay(world, channel))) {
      world.customer.knows = world.customer.knows.filter((k) => k !== instructed);
      return 'resolved';
    }
  }
  const visible = order !== undefined && channel.sees.some((s) => env.canSee(s, order.system));
  for (const remedy of channel.remedies) {
    if (
      env.staff.forAccount(remedy)
        ? env.staff.applies(world, env, remedy, problem, order) &&
          env.staff.perform(world, env, channel, remedy, problem, order, staffSay(world, channel))
        : order &&
          visible &&
          env.staff.applies(world, env, remedy, problem, order) &&
          env.staff.perform(world, env, channel, remedy, problem, order, staffSay(world, channel))
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
    if (env.staff.perform(world, env, channel, esc.remedy, problem, order, staffSay(world, channel)))
      return 'resolved';
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

const ACCOUNT_PROBLEMS = new Set<Problem>(['cannot-log-in', 'missing-statement']);

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
