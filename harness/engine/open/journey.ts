/**
 * One journey of an open scenario, from the world at its start to its outcome (design §2.3):
 * the scripted steps; at the first that fails, the recovery search — self-service first, then
 * with staff; `ok`, `recovered`, `recovered-with-help` or `dead-end` exactly as for seeds.
 */
import { parseDuration } from '../../clock/duration.ts';
import type { Outcome } from '../../core/contract.ts';
import { cloneWorld, effortMs, type VWorld } from '../../vocabulary/world/index.ts';
import { after } from './durations.ts';
import { explainDeadEnd } from './frontier.ts';
import { type Goal, goalReached } from './goal.ts';
import { persistUntilGivingUp } from './persistence.ts';
import type { CustomerPort } from './port.ts';
import { type Bounds, type Move, moveWords, type SearchLog, searchRecovery } from './recovery.ts';
import { type OpenStep, runScript } from './steps.ts';
import { instantWords, ownSentence } from './words.ts';

export interface OpenOutcome {
  outcome: Outcome;
  /** The world the outcome is based on: the goal's, or (dead end) where the customer gave up. */
  world: VWorld;
  path: Move[];
  trouble?: string;
  troubleAt?: number;
  goalAt?: number;
  statesExplored: number;
  explanation: string;
  frontier: string[];
}

export interface JourneyPlan {
  steps: readonly OpenStep[];
  goal: Goal;
  maxActions: number;
}

/**
 * Patience, an effort budget and a follow-up delay (how long the customer lets the trouble
 * rest before asking anyone), when the profile declares them as traits of the persona.
 */
function boundsOf(w: VWorld, goal: Goal, maxActions: number): Bounds {
  const traits = w.ctx.persona.traits;
  const patience = traits.patience;
  const bound =
    typeof patience === 'string' || typeof patience === 'number'
      ? Math.min(goal.deadline, after(w, w.now, typeof patience === 'number' ? `P${patience}D` : patience))
      : goal.deadline;
  const budget = traits['effort-budget'];
  const effortBudgetMs =
    typeof budget === 'string'
      ? effortMs(w) + (parseDuration(budget) as { ms: number }).ms
      : typeof budget === 'number'
        ? effortMs(w) + budget * 3_600_000
        : undefined;
  const followUp = traits['follow-up-after'];
  const restsUntil = typeof followUp === 'string' ? after(w, w.now, followUp) : undefined;
  return {
    bound,
    maxActions,
    ...(effortBudgetMs !== undefined ? { effortBudgetMs } : {}),
    ...(restsUntil !== undefined ? { restsUntil } : {}),
  };
}

export function exploreOpen(
  initial: VWorld,
  port: CustomerPort,
  plan: JourneyPlan,
  observe?: SearchLog['observe'],
): OpenOutcome {
  const zone = initial.ctx.zone;
  const w = cloneWorld(initial);
  const script = runScript(w, port, plan.steps, plan.goal);
  if (script.trouble === undefined && goalReached(w, plan.goal))
    return {
      outcome: 'ok',
      world: w,
      path: [],
      goalAt: w.now,
      statesExplored: 1,
      frontier: [],
      explanation: `The scripted journey worked: the goal was reached on ${instantWords(w.now, zone)}.`,
    };
  const trouble = script.trouble ?? 'the scripted steps ended without reaching the goal';
  const troubleAt = w.now;
  const bounds = boundsOf(w, plan.goal, plan.maxActions);
  const log: SearchLog = { cuts: new Map(), asked: new Map(), explored: 0, ...(observe ? { observe } : {}) };
  let outcome: Outcome = 'recovered';
  let found = searchRecovery(w, port, plan.goal, bounds, false, log);
  if (!found) {
    outcome = 'recovered-with-help';
    found = searchRecovery(w, port, plan.goal, bounds, true, log);
  }
  if (found) {
    const how = outcome === 'recovered' ? 'on their own' : 'only with help from staff';
    const steps = found.path.map((m) => moveWords(w, m)).join(' → ');
    return {
      outcome,
      world: found.world,
      path: found.path,
      trouble,
      troubleAt,
      goalAt: found.world.now,
      statesExplored: 1 + log.explored,
      frontier: [],
      explanation: `${ownSentence(trouble).slice(0, -1)}; the customer recovered ${how} (${steps}) and reached the goal on ${instantWords(found.world.now, zone)}.`,
    };
  }
  const gaveUp = persistUntilGivingUp(w, port, plan.goal, bounds);
  const frontier = explainDeadEnd(w, plan.goal, bounds, log, gaveUp);
  return {
    outcome: 'dead-end',
    world: gaveUp,
    path: [],
    trouble,
    troubleAt,
    statesExplored: 1 + log.explored,
    frontier,
    explanation: `Dead end: ${trouble}. ${frontier.join(' ')}`,
  };
}
