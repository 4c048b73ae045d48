/**
 * The recovery search of an open scenario (design §2.3): from the world where a scripted step
 * failed, an earliest-arrival search (engine/graph/search.ts) over worlds, keyed by the world's
 * own stateKey. Moves: every offered customer action, waiting for the next change (a world
 * event, or the next opening of a closed channel), looking in spam and — in the second search,
 * with staff — a contact with each channel about each problem the customer knows of. Bounded
 * by the goal's deadline, the persona's patience and effort budget (traits `patience` and
 * `effort-budget`, when declared) and `explore.maxActions`; a persona whose trait
 * `follow-up-after` is set lets the trouble rest that long before doing anything about it.
 */
import type { PluginOffer } from '../../vocabulary/plugins/index.ts';
import {
  advanceTo,
  type ContactResult,
  cloneWorld,
  closed,
  contactOptions,
  effortMs,
  lookInSpam,
  nextEventAt,
  offers,
  opensAt,
  type VWorld,
} from '../../vocabulary/world/index.ts';
import { searchGraph } from '../graph/search.ts';
import { type Goal, goalReached } from './goal.ts';
import { pluginActionOffers, takePluginAction } from './pluginMoves.ts';
import type { CustomerPort } from './port.ts';
import { searchKey } from './searchKey.ts';
import { usesChannel } from './steps.ts';

export type Move =
  | { kind: 'do'; action: string; label: string }
  | { kind: 'wait'; until: number }
  | { kind: 'spam' }
  | { kind: 'contact'; channel: string; problem: string }
  | { kind: 'plugin'; offer: PluginOffer };

export interface Bounds {
  /** No move may end after this (the deadline, or sooner the end of the customer's patience). */
  bound: number;
  maxActions: number;
  /** The customer's effort budget in ms (undefined: none). */
  effortBudgetMs?: number;
  /** The customer lets the trouble rest until then: no move but waiting (trait `follow-up-after`). */
  restsUntil?: number;
}

/** What the searches found out, for the dead end's explanation. */
export interface SearchLog {
  /** Ways cut, by reason: deadline, patience, effort budget. */
  cuts: Map<string, number>;
  /** The first real answer of each channel contacted on an explored path. */
  asked: Map<string, ContactResult>;
  explored: number;
  /** Told of each path tried and how it ended (the report's journey map, engine/searchRecord.ts). */
  observe?: (path: readonly string[], end?: string) => void;
  /** Why the last move was cut, if it was. */
  lastCut?: string;
}

export interface Recovery {
  world: VWorld;
  path: Move[];
}

export const moveId = (m: Move): string =>
  m.kind === 'do'
    ? m.action
    : m.kind === 'wait'
      ? 'wait'
      : m.kind === 'spam'
        ? 'look-in-spam'
        : m.kind === 'plugin'
          ? m.offer.key
          : `contact:${m.channel}:${m.problem}`;

/** A move in words, for the explanation of a recovery path. */
export function moveWords(w: VWorld, m: Move): string {
  if (m.kind === 'do') return m.label;
  if (m.kind === 'wait') return 'wait';
  if (m.kind === 'spam') return 'look in the spam folder';
  if (m.kind === 'plugin') return m.offer.label;
  const name = w.ctx.channels.get(m.channel)?.name ?? m.channel;
  const says = w.ctx.problems.get(m.problem)?.says;
  return `ask ${name}${says ? ` (“${says}”)` : ''}`;
}

export function movesOf(w: VWorld, withStaff: boolean, restsUntil = w.now): Move[] {
  if (restsUntil > w.now) return [{ kind: 'wait', until: restsUntil }];
  const out: Move[] = [];
  for (const o of offers(w))
    if (usesChannel(w, o.channel)) out.push({ kind: 'do', action: o.action, label: o.label });
  for (const offer of pluginActionOffers(w, withStaff)) out.push({ kind: 'plugin', offer });
  const times: number[] = [];
  const next = nextEventAt(w);
  if (next !== undefined) times.push(next);
  for (const c of closed(w)) if (c.opensAt !== undefined && c.opensAt > w.now) times.push(c.opensAt);
  if (withStaff) {
    for (const option of contactOptions(w)) {
      if (!usesChannel(w, option.channel)) continue;
      const opens = opensAt(w, option.channel);
      if (opens === w.now) out.push({ kind: 'contact', ...option });
      else if (opens !== undefined && opens > w.now) times.push(opens);
    }
  }
  out.push({ kind: 'spam' });
  // One wait per distinct moment something can change: the next world event, and the opening
  // of each closed channel the customer could use — so a month's wait for a process step is one
  // move, not one per opening of every channel in between.
  for (const until of [...new Set(times)].sort((a, b) => a - b)) out.push({ kind: 'wait', until });
  return out;
}

/** The world after a move (undefined: the move changes nothing, or runs past a bound). */
export function applyMove(
  w0: VWorld,
  move: Move,
  port: CustomerPort,
  bounds: Bounds,
  goal: Goal,
  log: SearchLog,
): VWorld | undefined {
  const w = cloneWorld(w0);
  switch (move.kind) {
    case 'do': {
      const r = port.perform(w, move.action);
      if (!r.ok) return undefined;
      advanceTo(w, Math.max(w.now, r.effectsAt));
      break;
    }
    case 'wait':
      advanceTo(w, move.until);
      break;
    case 'plugin':
      takePluginAction(w, move.offer);
      break;
    case 'spam':
      if (!lookInSpam(w)) return undefined;
      break;
    case 'contact': {
      const r = port.contact(w, move.channel, move.problem);
      if (r.outcome === 'closed') return undefined;
      if (!log.asked.has(move.channel)) log.asked.set(move.channel, r);
      break;
    }
  }
  const cut = (why: string) => {
    log.cuts.set(why, (log.cuts.get(why) ?? 0) + 1);
    log.lastCut = why;
    return undefined;
  };
  if (w.now > bounds.bound && !goalReached(w, goal))
    return cut(w.now > goal.deadline ? 'deadline' : 'patience');
  if (bounds.effortBudgetMs !== undefined && effortMs(w) > bounds.effortBudgetMs) return cut('effort budget');
  return w;
}

/** One search: self-service only, or with staff. */
export function searchRecovery(
  start: VWorld,
  port: CustomerPort,
  goal: Goal,
  bounds: Bounds,
  withStaff: boolean,
  log: SearchLog,
): Recovery | undefined {
  const paths = new WeakMap<VWorld, string[]>([[start, []]]);
  const r = searchGraph<VWorld, Move>({
    start,
    events: (w) => movesOf(w, withStaff, bounds.restsUntil),
    next: (w, m) => {
      delete log.lastCut;
      const out = applyMove(w, m, port, bounds, goal, log);
      const path = [...(paths.get(w) ?? []), moveId(m)];
      if (out) {
        paths.set(out, path);
        log.observe?.(path);
      } else if (log.lastCut) log.observe?.(path, log.lastCut);
      return out;
    },
    // A customer still letting the problem rest is not where they are once they would ask.
    key: (w) =>
      bounds.restsUntil !== undefined && w.now < bounds.restsUntil ? `${searchKey(w)}|rests` : searchKey(w),
    at: (w) => w.now,
    isGoal: (w) => {
      const reached = goalReached(w, goal);
      if (reached) log.observe?.(paths.get(w) ?? [], 'goal');
      return reached;
    },
    maxDepth: bounds.maxActions,
  });
  log.explored += r.explored;
  return r.found ? { world: r.found.state, path: r.found.path } : undefined;
}
