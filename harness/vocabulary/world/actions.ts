/**
 * Customer actions (design §2.3): which apply now and why the others do not, and performing
 * one: effort, cost, its limit counted, the pages and app messages on its channel seen, and its
 * effects scheduled `takes` later in the calendar that applies.
 */

import { calendarFreeDuration, parseDuration } from '../../clock/duration.ts';
import { applyEffects } from './apply.ts';
import { channelCalendars, channelName, channelOpen, closedWords, nextOpening } from './channels.ts';
import { holds } from './conditions.ts';
import { describeCondition } from './describe.ts';
import { awayAt } from './faults.ts';
import { lookAtPages, seeApp } from './knowledge.ts';
import { emit } from './log.ts';
import { amountOf, noteHeld } from './money.ts';
import { schedule } from './queue.ts';
import type { VWorld } from './state.ts';
import { endOf } from './time.ts';
import { longDate } from './words.ts';

export interface Offer {
  action: string;
  /** The action's `label`, as written. */
  label: string;
  channel: string;
}

export interface Closed extends Offer {
  /** Plain words: "ClipForge chat is closed until Monday 16 March 2026 at 09:00", "needs: …". */
  why: string;
  /** Set when the channel's calendar is the obstacle: when it opens next. */
  opensAt?: number;
  /** Set when a capability that is off is the obstacle (a what-if candidate). */
  capability?: string;
}

export interface PerformResult {
  ok: boolean;
  why?: string;
  /** When the action's effects land (now + takes, in the calendar that applies). */
  effectsAt: number;
}

type Verdict = { ok: true } | { ok: false; why: string; opensAt?: number; capability?: string };

export function usesChannel(w: VWorld, channel: string): boolean {
  const mine = w.ctx.persona.channels;
  return !mine || mine.length === 0 || mine.includes(channel);
}

function verdict(w: VWorld, actionId: string): Verdict {
  const a = w.ctx.actions.get(actionId);
  if (a?.by !== 'customer') return { ok: false, why: `${actionId} is not a customer action` };
  const channel = a.on ?? '';
  if (w.gaveUp) return { ok: false, why: 'the customer gave up' };
  const away = awayAt(w.ctx, w.now);
  if (away) return { ok: false, why: `the customer is away until ${longDate(away.until, w.ctx.zone)}` };
  if (channel && !usesChannel(w, channel))
    return { ok: false, why: `the customer does not use ${channelName(w, channel)}` };
  if (a.capability && w.ctx.profile.capabilities[a.capability] !== true)
    return { ok: false, why: `not offered: ${a.label} (${a.capability} is off)`, capability: a.capability };
  const used = w.actionCounts[a.id] ?? 0;
  if (a.limit !== undefined && used >= a.limit)
    return { ok: false, why: `used ${used} times (limit ${a.limit})` };
  if (channel && !channelOpen(w, channel, w.now)) {
    const opensAt = nextOpening(w, channel, w.now);
    return { ok: false, why: closedWords(w, channel, w.now), ...(opensAt !== undefined ? { opensAt } : {}) };
  }
  if (a.requires && !holds(w, a.requires))
    return { ok: false, why: `needs: ${describeCondition(w, a.requires)}` };
  return { ok: true };
}

export function offers(w: VWorld): Offer[] {
  return w.ctx.customerActions
    .filter((a) => verdict(w, a.id).ok)
    .map((a) => ({ action: a.id, label: a.label, channel: a.on ?? '' }));
}

export function closed(w: VWorld): Closed[] {
  const out: Closed[] = [];
  for (const a of w.ctx.customerActions) {
    const v = verdict(w, a.id);
    if (v.ok) continue;
    out.push({
      action: a.id,
      label: a.label,
      channel: a.on ?? '',
      why: v.why,
      ...(v.opensAt !== undefined ? { opensAt: v.opensAt } : {}),
      ...(v.capability ? { capability: v.capability } : {}),
    });
  }
  return out;
}

export function perform(w: VWorld, actionId: string): PerformResult {
  const v = verdict(w, actionId);
  if (!v.ok) return { ok: false, why: v.why, effectsAt: w.now };
  const a = w.ctx.actions.get(actionId)!;
  const channel = a.on;
  w.actionCounts = { ...w.actionCounts, [a.id]: (w.actionCounts[a.id] ?? 0) + 1 };
  w.effortMs += calendarFreeDuration(parseDuration(a.effort));
  const cost = amountOf(w.ctx, w, a.cost);
  if (cost > 0) {
    w.ledger = [
      ...w.ledger,
      { type: 'cost', id: `x${w.ledger.length + 1}`, amount: cost, at: w.now, action: a.id },
    ];
    noteHeld(w);
  }
  emit(
    w,
    'action.performed',
    'customer',
    `The customer chose to ${a.label}.`,
    {
      action: a.id,
      by: 'customer',
      ...(channel ? { channel } : {}),
      label: a.label,
    },
    channel,
  );
  if (channel && w.ctx.channels.get(channel)?.medium === 'account') seeApp(w);
  if (channel) lookAtPages(w, channel, a.id);
  const cause = {
    action: a.id,
    byCustomer: true,
    ...(channel ? { channel } : {}),
    calendars: channelCalendars(w, channel),
  };
  const effectsAt = endOf(w.ctx, a.takes, w.now, cause.calendars);
  if (effectsAt <= w.now) applyEffects(w, a.effects, cause);
  else schedule(w, { type: 'effects', effects: a.effects, cause, at: effectsAt });
  return { ok: true, effectsAt };
}
