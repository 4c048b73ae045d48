/**
 * The scripted journey of an open scenario: `do` a declared action, `await` a condition
 * within a time, `contact` a channel about a problem, `wait`, and `plugin` (a step defined in
 * deadend.config.ts, pluginMoves.ts).
 * The first step that fails is the customer's trouble, where the recovery search starts.
 */
import { formatDuration } from '../../clock/duration.ts';
import type { OpenScenario } from '../../vocabulary/schema/index.ts';
import {
  advanceTo,
  cloneWorld,
  closed,
  describeNegation,
  holds,
  nextEventAt,
  offers,
  type VWorld,
} from '../../vocabulary/world/index.ts';
import { after } from './durations.ts';
import { type Goal, goalReached } from './goal.ts';
import { pluginStepTrouble } from './pluginMoves.ts';
import type { CustomerPort } from './port.ts';
import { instantWords } from './words.ts';

export type OpenStep = OpenScenario['steps'][number];

export interface ScriptEnd {
  /** Index of the step that failed; the number of steps when none did. */
  failedAt: number;
  /** Why the customer is stuck, in plain words (no capital, no full stop). */
  trouble?: string;
}

/** Whether a persona uses a channel (no list: every channel). */
export const usesChannel = (w: VWorld, channel: string): boolean => {
  const only = w.ctx.persona.channels;
  return !only || only.length === 0 || only.includes(channel);
};

/** Runs the steps in order until one fails or the goal is reached; mutates `w`. */
export function runScript(w: VWorld, port: CustomerPort, steps: readonly OpenStep[], goal: Goal): ScriptEnd {
  for (let i = 0; i < steps.length; i++) {
    if (goalReached(w, goal)) return { failedAt: steps.length };
    const trouble = runStep(w, port, steps[i]!, goal.deadline);
    if (trouble !== undefined) return { failedAt: i, trouble };
  }
  return { failedAt: steps.length };
}

/** One step; undefined when it passed, else the trouble. */
export function runStep(
  w: VWorld,
  port: CustomerPort,
  step: OpenStep,
  deadline = Number.POSITIVE_INFINITY,
): string | undefined {
  if ('do' in step) return doAction(w, port, step.do, deadline);
  if ('await' in step) {
    const start = w.now;
    const limit = after(w, start, step.await.within);
    for (;;) {
      if (holds(w, step.await.until)) return undefined;
      const next = nextEventAt(w);
      if (next === undefined || next > limit) break;
      advanceTo(w, next);
    }
    advanceTo(w, limit);
    if (holds(w, step.await.until)) return undefined;
    return `the customer waited ${formatDuration(limit - start)}, until ${instantWords(limit, w.ctx.zone)}, and still ${describeNegation(w, step.await.until)}`;
  }
  if ('contact' in step) {
    const r = port.contact(w, step.contact.channel, step.contact.about);
    const name = w.ctx.channels.get(step.contact.channel)?.name ?? step.contact.channel;
    if (r.outcome === 'resolved') {
      advanceTo(w, Math.max(w.now, r.effectsAt));
      return undefined;
    }
    // Sent on to another channel: the script's next step is where the customer follows it.
    if (r.outcome === 'redirected') return undefined;
    if (r.outcome === 'closed') return `${name} could not be reached: ${r.why}`;
    return `${name} could not help`;
  }
  if ('wait' in step) {
    advanceTo(w, after(w, w.now, step.wait.for));
    return undefined;
  }
  if ('plugin' in step) return pluginStepTrouble(w, step);
  return undefined;
}

/**
 * The next run of one of the customer's own routines (a process with `actor: customer`, such as
 * signing in every few days), if one is pending before `deadline`.
 */
function nextRoutineAt(w: VWorld, deadline: number): number | undefined {
  let next: number | undefined;
  for (const e of w.pending)
    if (
      (e.type === 'step' || e.type === 'rearm') &&
      w.ctx.processes.get(e.process)?.actor === 'customer' &&
      e.at > w.now &&
      e.at <= deadline
    )
      next = next === undefined ? e.at : Math.min(next, e.at);
  return next;
}

/**
 * A scripted action, now; one that does not apply yet is taken at the next run of the customer's
 * own routine if it applies then (102: he updates the card at his next sign-in) — a customer
 * acts when their routine brings them there, not at the instant the script reaches the step.
 */
function doAction(w: VWorld, port: CustomerPort, action: string, deadline: number): string | undefined {
  const label = w.ctx.actions.get(action)?.label ?? action;
  const applies = () => offers(w).some((o) => o.action === action && usesChannel(w, o.channel));
  let offered = applies();
  if (!offered) {
    const routine = nextRoutineAt(w, deadline);
    if (routine !== undefined) {
      const probe = cloneWorld(w);
      advanceTo(probe, routine);
      if (offers(probe).some((o) => o.action === action && usesChannel(probe, o.channel))) {
        advanceTo(w, routine);
        offered = applies();
      }
    }
  }
  if (!offered) {
    const why = closed(w).find((c) => c.action === action)?.why;
    return `the customer could not ${label}${why ? `: ${why}` : ''}`;
  }
  const r = port.perform(w, action);
  if (!r.ok) return `the customer could not ${label}${r.why ? `: ${r.why}` : ''}`;
  advanceTo(w, Math.max(w.now, r.effectsAt));
  return undefined;
}
