/**
 * Why a dead end is one, in plain words built from the world's data (design §2.3, traps 5 and
 * 6): what the faults did (their events' own sentences, never re-cased), each channel the
 * customer could bring the problem to — closed until when, and what staff would do had she
 * asked when it opens ("ClipForge chat reopens on Monday 16 March 2026 at 09:00"; "… would end
 * on Wednesday 18 March 2026") — the customer actions that do not apply and why, and the bound
 * that ended the search. A channel is "asked" only when the path the customer took contacted
 * it; an answer found on a way the search tried and dropped, or a probe, is a counterfactual
 * ("had the customer asked …"), since the scorecard counts no such contact.
 */

import { formatDuration } from '../../clock/duration.ts';
import { toArray } from '../../core/trace.ts';
import {
  advanceTo,
  type ContactResult,
  cloneWorld,
  closed,
  contact,
  contactOptions,
  offers,
  opensAt,
  perform,
  type VWorld,
} from '../../vocabulary/world/index.ts';
import { notOffered } from './gapReport.ts';
import type { Goal } from './goal.ts';
import { unavailablePluginWords } from './pluginMoves.ts';
import type { Bounds, SearchLog } from './recovery.ts';
import { usesChannel } from './steps.ts';
import { instantWords, ownSentence, period } from './words.ts';

const channelName = (w: VWorld, id: string) => w.ctx.channels.get(id)?.name ?? id;

/** What staff did or would do, as the end of a sentence: "staff would remove …". */
function answerWords(w: VWorld, r: ContactResult, would: boolean): string {
  const zone = w.ctx.zone;
  const staff = would ? 'staff would' : 'staff';
  switch (r.outcome) {
    case 'resolved': {
      const done = `${would ? 'that would end' : 'it ends'} on ${instantWords(r.effectsAt, zone)}`;
      return `${staff} ${would ? '' : 'agreed to '}${r.label}; ${done}`.replace('  ', ' ');
    }
    case 'redirected':
      return `${staff} ${would ? 'send' : 'sent'} the customer to ${channelName(w, r.to)}`;
    case 'unresolved':
      return `${staff} ${would ? 'not be able' : 'were not able'} to help`;
    case 'closed':
      return `it could not be reached: ${r.why}`;
  }
}

/**
 * The last answer a channel gave on the path the customer took (the scripted steps, then the
 * asking around before giving up: the contacts the scorecard counts), if it was asked.
 */
function answeredOnPath(w: VWorld, channel: string): { t: number; text: string } | undefined {
  if (!(w.contacts[channel] ?? 0)) return undefined;
  const answers = new Set(['support.resolved', 'support.redirected', 'support.unresolved']);
  const last = toArray(w.trace)
    .filter((e) => answers.has(e.kind) && e.data?.channel === channel)
    .at(-1);
  return last ? { t: last.t, text: last.text } : undefined;
}

export function explainDeadEnd(
  w: VWorld,
  goal: Goal,
  bounds: Bounds,
  log: SearchLog,
  took: VWorld = w,
): string[] {
  const zone = w.ctx.zone;
  const out: string[] = [];
  // What the faults did, in the words the world recorded.
  for (const e of toArray(w.trace))
    if (e.actor === 'fault' || (e.data && typeof e.data.fault === 'string')) out.push(period(e.text));
  // Each channel the problem could be brought to, once.
  const problems = new Map<string, string>();
  for (const o of contactOptions(w))
    if (usesChannel(w, o.channel) && !problems.has(o.channel)) problems.set(o.channel, o.problem);
  for (const [channel, problem] of problems) {
    const name = channelName(w, channel);
    const answered = answeredOnPath(took, channel);
    if (answered) {
      out.push(period(`Asked ${name} on ${instantWords(answered.t, zone)}: ${answered.text}`));
      continue;
    }
    // Contacted only on a way the search tried and dropped: what staff said there, as a counterfactual.
    const tried = log.asked.get(channel);
    if (tried && tried.outcome !== 'closed') {
      const said = answerWords(w, tried, true);
      out.push(
        ownSentence(
          `on a way the search tried, had the customer asked ${name} (answered on ${instantWords(tried.at, zone)}), ${said}; that way did not reach the goal in time`,
        ),
      );
      continue;
    }
    const opens = opensAt(w, channel);
    const probe = cloneWorld(w);
    if (opens === undefined) {
      out.push(period(`${name} does not open again`));
      continue;
    }
    if (opens > w.now) {
      const late = opens > goal.deadline ? ', after the deadline' : '';
      out.push(period(`${name} reopens on ${instantWords(opens, zone)}${late}`));
      advanceTo(probe, opens);
    }
    const r = contact(probe, channel, problem);
    const when = opens > w.now ? ' when it reopens' : '';
    out.push(ownSentence(`had the customer asked ${name}${when}, ${answerWords(probe, r, true)}`));
  }
  for (const slow of tooSlow(w, goal)) out.push(ownSentence(slow));
  for (const c of closed(w))
    if (usesChannel(w, c.channel) && c.opensAt === undefined && !c.capability)
      out.push(ownSentence(`the customer could not ${c.label}: ${c.why}`));
  out.push(...notOffered(w));
  for (const words of unavailablePluginWords(w)) out.push(ownSentence(words));
  const limit =
    bounds.bound < goal.deadline
      ? `the customer's patience ran out on ${instantWords(bounds.bound, zone)}`
      : `the deadline was ${instantWords(goal.deadline, zone)}`;
  const tried = [...log.cuts.entries()]
    .map(([why, n]) => `${n === 1 ? '1 way' : `${n} ways`} the customer could try ran past the ${why}`)
    .join(', ');
  out.push(ownSentence(`no recovery path reaches the goal in time: ${limit}${tried ? ` (${tried})` : ''}`));
  return out;
}

/**
 * The customer actions that apply but whose consequences all land after the deadline (a postal
 * return that takes 2 weeks): tried on a copy, the last event they schedule is when they end.
 */
export function tooSlow(w: VWorld, goal: Goal): string[] {
  const out: string[] = [];
  for (const o of offers(w)) {
    if (!usesChannel(w, o.channel)) continue;
    const probe = cloneWorld(w);
    const r = perform(probe, o.action);
    if (!r.ok) continue;
    // What the action scheduled once its effects landed: pending there and not without it.
    advanceTo(probe, Math.max(probe.now, r.effectsAt));
    const control = cloneWorld(w);
    advanceTo(control, probe.now);
    const sig = (e: VWorld['pending'][number]) => JSON.stringify({ ...e, seq: 0 });
    const without = new Set(control.pending.map(sig));
    const ends = Math.max(r.effectsAt, ...probe.pending.filter((e) => !without.has(sig(e))).map((e) => e.at));
    if (ends > goal.deadline)
      out.push(
        `${o.label} would take ${formatDuration(ends - w.now)}, until ${instantWords(ends, w.ctx.zone)}, after the deadline`,
      );
  }
  return out;
}
