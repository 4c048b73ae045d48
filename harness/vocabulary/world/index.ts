/**
 * The open-vocabulary world: state and semantics (docs/proposals/open-vocabulary.md §2).
 * ENGINE, ORACLES and the shop use only what this file exports.
 *
 * Conventions every function follows:
 * - A world is mutable plain data; every function below acts on the world it is given at
 *   `w.now` and mutates it. Fork with `cloneWorld` before trying something on a branch.
 * - Only `advanceTo` and `contact` move `w.now` (contact: the customer waits for the answer).
 *   `perform` schedules its effects at `now + takes` and returns that instant; call
 *   `advanceTo(w, r.effectsAt)` to wait for them (they also run in any later advanceTo).
 * - Times are epoch milliseconds (harness/clock Instant).
 * - Trace events are `TraceEvent`s with kinds/data of `VocabularyEventMap` (../events.ts),
 *   appended to `w.trace` (persistent list, harness/core/trace.ts). Read them with
 *   `toArray(w.trace)`. Once `markOutcome(w)` was called every later event carries
 *   `afterOutcome: true`.
 */
import type { Condition } from '../schema/index.ts';

export type { RunSetup } from './setup.ts';
export type { VWorld } from './state.ts';

import type { RunSetup } from './setup.ts';
import type { VWorld } from './state.ts';

/** A declared customer action that applies now. */
export interface Offer {
  action: string;
  /** The action's `label`, as written. */
  label: string;
  channel: string;
}

/** A declared customer action that does not apply now, and why in plain words. */
export interface Closed {
  action: string;
  label: string;
  channel: string;
  /**
   * e.g. "ClipForge chat is closed until Monday 16 March 2026 at 09:00",
   * "needs: the customer is signed in", "capability paid-from-webhook is off",
   * "used 10 times (limit 10)", "the persona does not use ClipForge web site".
   */
  why: string;
  /** Set when the only obstacle is the channel's calendar: when it opens next. */
  opensAt?: number;
  /** Set when the only obstacle is a capability that is off (the what-if candidate). */
  capability?: string;
}

export interface PerformResult {
  ok: boolean;
  /** When `ok` is false: why (the same words as `closed`). */
  why?: string;
  /** When the action's effects land (now + takes, in the calendar that applies). */
  effectsAt: number;
}

export type ContactResult =
  | {
      outcome: 'resolved';
      channel: string;
      problem: string;
      /** The staff action applied (its effects land at effectsAt). */
      action: string;
      label: string;
      effectsAt: number;
      /** When the answer came (w.now after the call). */
      at: number;
    }
  | { outcome: 'redirected'; channel: string; problem: string; to: string; tells: string[]; at: number }
  | { outcome: 'unresolved'; channel: string; problem: string; at: number }
  /** Not contacted at all (not counted): closed, refuses to talk to the customer, customer away. */
  | { outcome: 'closed'; channel: string; problem: string; why: string; opensAt?: number };

export interface MoneyTotals {
  /** Charges − refunds that reached the card − credits + customer fees and action costs. */
  net: number;
  /** Charged and not yet back on the card now. */
  held: number;
  /** The most `held` was at any moment so far. */
  maxHeld: number;
  /**
   * Days (24 h, rounded) during which `held` exceeded `net`: money the customer was out of
   * that came back (104: €360 held while €180 is owed, 4 → 13 May = 9); 0 if never.
   */
  heldDays: number;
  merchantFees: number;
  customerFees: number;
}

const notYet = (what: string): never => {
  throw new Error(`vocabulary world: ${what} not yet implemented`);
};

/** The world at scenario start: `given` applied, processes armed, clock at `start`. */
export function createWorld(_setup: RunSetup): VWorld {
  return notYet('createWorld');
}
/** An independent copy (cheap: persistent trace, copy-on-write maps). */
export function cloneWorld(_w: VWorld): VWorld {
  return notYet('cloneWorld');
}
/** What matters for the future: equal keys ⇒ the same futures (past times are left out). */
export function stateKey(_w: VWorld): string {
  return notYet('stateKey');
}
export function holds(_w: VWorld, _c: Condition): boolean {
  return notYet('holds');
}
/** Runs every pending event due at or before t, in time order (ties: scheduling order); now = t. */
export function advanceTo(_w: VWorld, _t: number): void {
  notYet('advanceTo');
}
/** The next pending world event strictly after now, if any (process steps, deliveries, refunds, …). */
export function nextEventAt(_w: VWorld): number | undefined {
  return notYet('nextEventAt');
}
export function offers(_w: VWorld): Offer[] {
  return notYet('offers');
}
export function closed(_w: VWorld): Closed[] {
  return notYet('closed');
}
/** A customer action at now: effort, cost, limit count, then its effects at now + takes. */
export function perform(_w: VWorld, _actionId: string): PerformResult {
  return notYet('perform');
}
/** Channels the persona may use × problems whose `when` holds and that the customer knows of. */
export function contactOptions(_w: VWorld): { channel: string; problem: string }[] {
  return notYet('contactOptions');
}
/** §2.3 contact semantics; moves now by the channel's responseTime; traces support.*. */
export function contact(_w: VWorld, _channel: string, _problem: string): ContactResult {
  return notYet('contact');
}
/** Next opening of a channel at or after now (its calendar, closures by faults); undefined: never. */
export function opensAt(_w: VWorld, _channel: string): number | undefined {
  return notYet('opensAt');
}
/** The customer looks in spam: spam-foldered messages become seen. True if anything new was seen. */
export function lookInSpam(_w: VWorld): boolean {
  return notYet('lookInSpam');
}
export function money(_w: VWorld): MoneyTotals {
  return notYet('money');
}
/** From now on every event carries `afterOutcome: true` (the horizon run). */
export function markOutcome(_w: VWorld): void {
  notYet('markOutcome');
}
/** The customer gives up (traced as customer.gave-up); customer actions are no longer offered. */
export function giveUp(_w: VWorld, _reason: string): void {
  notYet('giveUp');
}
/** Contacts so far, by channel id and by party id ('merchant' or a declared party). */
export function contacts(_w: VWorld): Record<string, number> {
  return notYet('contacts');
}
/** The customer's effort so far, in ms (actions' `effort`, contacts). */
export function effortMs(_w: VWorld): number {
  return notYet('effortMs');
}
