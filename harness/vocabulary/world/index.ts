/**
 * The open-vocabulary world: state and semantics (docs/vocabulary-design.md §2).
 * ENGINE, ORACLES and the shop use only what this file exports.
 *
 * Conventions every function follows:
 * - A world is mutable plain data; every function below acts on the world it is given at
 *   `w.now` and mutates it. Fork with `cloneWorld` before trying something on a branch.
 * - Only `advanceTo` and `contact` move `w.now` (contact: the customer waits for the answer,
 *   the channel's responseTime, while the world's events run). `perform` schedules its
 *   effects at `now + takes` and returns that instant; call `advanceTo(w, r.effectsAt)` to wait
 *   for them (they also run in any later advanceTo). A remedy's effects likewise land at the
 *   ContactResult's `effectsAt`.
 * - Times are epoch milliseconds (harness/clock Instant).
 * - Trace events are `TraceEvent`s with kinds/data of `VocabularyEventMap` (../events.ts),
 *   appended to `w.trace` (persistent list, harness/core/trace.ts). Read them with
 *   `toArray(w.trace)`. Once `markOutcome(w)` was called every later event carries
 *   `afterOutcome: true`.
 *
 * Semantics chosen where the design leaves room (each in the file that implements it):
 * - A declared record is held by its master system from the start (value: flag → "yes",
 *   address → "current"); `given.records` then sets the scenario's values (create.ts).
 * - Processes that start `at` an instant before the scenario's start have run up to it: the
 *   world begins at the earliest such instant and is advanced to `start` (create.ts).
 * - A problem is brought to a channel only if its `when` holds and every customerRelevant fact
 *   it asks to hold is known to the customer (contact.ts).
 * - A `tell` of a fact that does not hold now tells nothing; a redirect's `tells` are learned
 *   as written (effects/tell.ts, contact.ts).
 * - "N open days" count the day it starts on when that day is open (time.ts).
 * - payment.timeout drops the rest of the effect list after the charge (effects/charge.ts).
 * - A message to an address that is not the customer's current one lands 'nowhere' (not seen).
 */
import { createPluginWorld } from '../plugins/pluginWorld.ts';
import type { PluginWorld } from '../schema/index.ts';
import { emit } from './log.ts';
import { pluginHost } from './pluginHost.ts';
import type { VWorld } from './state.ts';

export { type Closed, closed, type Offer, offers, type PerformResult, perform } from './actions.ts';
export { advanceTo, nextEventAt } from './advance.ts';
export { nextOpening } from './channels.ts';
export { conditionPlugins, holds } from './conditions.ts';
export { type ContactResult, contact, contactOptions, customerKnowsProblem } from './contact.ts';
export { createWorld } from './create.ts';
export { describeCondition, describeNegation, negateDescription } from './describe.ts';
export { effectHandlers } from './effects/index.ts';
export { awayAt } from './faults.ts';
export { stateKey } from './key.ts';
export { lookInSpam } from './knowledge.ts';
export { type MoneyTotals, moneyTotals as money } from './money.ts';
export { pluginHost } from './pluginHost.ts';
export type { RunSetup } from './setup.ts';
export { cloneWorld, type SentMessage, type VWorld } from './state.ts';
export { endOf, lengthText } from './time.ts';

/** Next opening of a channel at or after now (its calendar); undefined: never again. */
export function opensAt(w: VWorld, channel: string): number | undefined {
  const id = w.ctx.channels.get(channel)?.calendar;
  if (id === undefined) return w.now;
  const next = w.ctx.calendar(id).nextOpen(w.now);
  return Number.isFinite(next) ? next : undefined;
}

/** From now on every event carries `afterOutcome: true` (the horizon run). */
export function markOutcome(w: VWorld): void {
  w.afterOutcome = true;
}

/** The customer gives up (traced as customer.gave-up); customer actions are no longer offered. */
export function giveUp(w: VWorld, reason: string): void {
  if (w.gaveUp) return;
  w.gaveUp = true;
  emit(w, 'customer.gave-up', 'customer', `The customer gave up: ${reason}.`, { reason });
}

/** Contacts so far, by channel id and by party id ('merchant' or a declared party). */
export function contacts(w: VWorld): Record<string, number> {
  return { ...w.contacts };
}

/** The customer's effort so far, in ms (actions' `effort`, contacts' time). */
export function effortMs(w: VWorld): number {
  return w.effortMs;
}

/** The world as the plugin `pluginId` sees it now (schema/plugins.ts PluginWorld). */
export function pluginWorld(w: VWorld, pluginId: string): PluginWorld {
  return createPluginWorld(pluginHost(w), pluginId);
}
