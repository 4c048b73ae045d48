/**
 * A contact with a channel about a problem (design §2.3): open, talksTo, responseTime; then the
 * first of the channel's remedies about the problem that applies, else its redirect for the
 * problem (its `tells` learned), else unresolved. Counted per channel and per party.
 */
import { calendarFreeDuration, parseDuration } from '../../clock/duration.ts';
import type { Condition } from '../schema/index.ts';
import { usesChannel } from './actions.ts';
import { advanceTo } from './advance.ts';
import { applyEffects } from './apply.ts';
import { channelCalendars, channelName, channelOpen, closedWords, nextOpening, partyOf } from './channels.ts';
import { holds } from './conditions.ts';
import { awayAt } from './faults.ts';
import { learn, lookAtPages, seeApp } from './knowledge.ts';
import { emit } from './log.ts';
import { schedule } from './queue.ts';
import type { VWorld } from './state.ts';
import { endOf } from './time.ts';
import { longDate } from './words.ts';

export type ContactResult =
  | {
      outcome: 'resolved';
      channel: string;
      problem: string;
      action: string;
      label: string;
      /** When the staff action's effects land. */
      effectsAt: number;
      /** When the answer came (w.now after the call). */
      at: number;
    }
  | { outcome: 'redirected'; channel: string; problem: string; to: string; tells: string[]; at: number }
  | { outcome: 'unresolved'; channel: string; problem: string; why: string; at: number }
  | { outcome: 'closed'; channel: string; problem: string; why: string; opensAt?: number };

/** Channels staff answer on: with remedies or redirects. */
function staffed(w: VWorld, channel: string): boolean {
  const c = w.ctx.channels.get(channel);
  return !!c && (c.remedies.length > 0 || Object.keys(c.redirects).length > 0);
}

/**
 * Whether the customer knows of the problem: its `when` holds, and every customer-relevant
 * fact it asks to hold is one the customer learned (a problem over a silent change is not
 * brought to anyone).
 */
export function customerKnowsProblem(w: VWorld, problem: string): boolean {
  const p = w.ctx.problems.get(problem);
  if (!p || !holds(w, p.when)) return false;
  return positiveFacts(p.when).every(
    (f) => !w.ctx.facts.get(f)?.customerRelevant || w.known[f] !== undefined,
  );
}

function positiveFacts(c: Condition): string[] {
  if ('fact' in c) return [c.fact];
  if ('all' in c) return c.all.flatMap(positiveFacts);
  if ('any' in c) return c.any.flatMap(positiveFacts);
  return [];
}

export function contactOptions(w: VWorld): { channel: string; problem: string }[] {
  if (w.gaveUp) return [];
  const problems = [...w.ctx.problems.keys()].filter((p) => customerKnowsProblem(w, p));
  const out: { channel: string; problem: string }[] = [];
  for (const c of w.ctx.channels.values()) {
    if (!staffed(w, c.id) || !usesChannel(w, c.id)) continue;
    for (const problem of problems) out.push({ channel: c.id, problem });
  }
  return out;
}

function remedyFor(w: VWorld, channel: string, problem: string) {
  const c = w.ctx.channels.get(channel)!;
  for (const id of c.remedies) {
    const a = w.ctx.actions.get(id);
    if (!a?.about.includes(problem)) continue;
    if (a.capability && w.ctx.profile.capabilities[a.capability] !== true) continue;
    if (a.limit !== undefined && (w.actionCounts[a.id] ?? 0) >= a.limit) continue;
    if (a.requires && !holdsOnChannel(w, a.requires, channel)) continue;
    return a;
  }
  return undefined;
}

/** A remedy's `requires` is judged by staff on this channel. */
function holdsOnChannel(w: VWorld, c: Condition, _channel: string): boolean {
  return holds(w, c);
}

export function contact(w: VWorld, channel: string, problem: string): ContactResult {
  const c = w.ctx.channels.get(channel);
  const name = channelName(w, channel);
  if (!c) return { outcome: 'closed', channel, problem, why: `${channel} is not a channel` };
  const away = awayAt(w.ctx, w.now);
  if (away)
    return {
      outcome: 'closed',
      channel,
      problem,
      why: `the customer is away until ${longDate(away.until, w.ctx.zone)}`,
    };
  if (!channelOpen(w, channel, w.now)) {
    const opensAt = nextOpening(w, channel, w.now);
    return {
      outcome: 'closed',
      channel,
      problem,
      why: closedWords(w, channel, w.now),
      ...(opensAt !== undefined ? { opensAt } : {}),
    };
  }
  const party = partyOf(w, channel);
  const id = `k${(w.contacts[channel] ?? 0) + 1}-${channel}`;
  w.contacts = {
    ...w.contacts,
    [channel]: (w.contacts[channel] ?? 0) + 1,
    [party]: (w.contacts[party] ?? 0) + 1,
  };
  const says = w.ctx.problems.get(problem)?.says ?? problem;
  emit(
    w,
    'support.contacted',
    'customer',
    `The customer contacted ${name}: "${says}".`,
    { contact: id, channel, party, problem },
    channel,
  );
  if (c.medium === 'account') seeApp(w);
  const calendars = channelCalendars(w, channel);
  const answerAt = endOf(w.ctx, c.responseTime, w.now, calendars);
  const live = typeof c.responseTime === 'string' && parseDuration(c.responseTime).kind === 'elapsed';
  w.effortMs +=
    (c.contactEffort ? calendarFreeDuration(parseDuration(c.contactEffort)) : 0) +
    (live ? answerAt - w.now : 0);
  advanceTo(w, answerAt);
  const base = { contact: id, channel, party, problem };
  if (c.talksTo === 'sender-of-record') {
    const why = `${name} talks only to the sender of record`;
    emit(
      w,
      'support.unresolved',
      'support',
      `${name} could not help: it talks only to the sender of record.`,
      base,
      channel,
    );
    return { outcome: 'unresolved', channel, problem, why, at: w.now };
  }
  lookAtPages(w, channel);
  const remedy = remedyFor(w, channel, problem);
  if (remedy) {
    const cause = { action: remedy.id, channel, calendars, contact: { id, problem } };
    emit(
      w,
      'support.resolved',
      'support',
      `${name} will ${remedy.label}.`,
      { ...base, action: remedy.id },
      channel,
    );
    emit(
      w,
      'action.performed',
      'support',
      `Staff on ${name} chose to ${remedy.label}.`,
      { action: remedy.id, by: 'staff', channel, label: remedy.label },
      channel,
    );
    w.actionCounts = { ...w.actionCounts, [remedy.id]: (w.actionCounts[remedy.id] ?? 0) + 1 };
    const effectsAt = endOf(w.ctx, remedy.takes, w.now, calendars);
    if (effectsAt <= w.now) applyEffects(w, remedy.effects, cause);
    else schedule(w, { type: 'effects', effects: remedy.effects, cause, at: effectsAt });
    return {
      outcome: 'resolved',
      channel,
      problem,
      action: remedy.id,
      label: remedy.label,
      effectsAt,
      at: w.now,
    };
  }
  const redirect = c.redirects[problem];
  if (redirect !== undefined) {
    const to = typeof redirect === 'string' ? redirect : redirect.to;
    const tells = typeof redirect === 'string' ? [] : redirect.tells;
    for (const fact of tells) learn(w, fact, channel);
    emit(
      w,
      'support.redirected',
      'support',
      `${name} sent the customer to ${channelName(w, to)}.`,
      { ...base, to, tells },
      channel,
    );
    return { outcome: 'redirected', channel, problem, to, tells, at: w.now };
  }
  const why = `${name} had no way to help with "${says}"`;
  emit(w, 'support.unresolved', 'support', `${name} could not help.`, base, channel);
  return { outcome: 'unresolved', channel, problem, why, at: w.now };
}
