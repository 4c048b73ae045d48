/**
 * The goal of an open scenario (design §2.7): `reached-by-deadline` — the condition holds at some
 * moment up to the deadline; `holds-at-deadline` — what the world comes to at the deadline with
 * no further customer action still satisfies it (104: paid once, net, by the end of May).
 */
import { parseInstant } from '../../clock/instant.ts';
import type { Condition, OpenScenario } from '../../vocabulary/schema/index.ts';
import { advanceTo, cloneWorld, holds, type VWorld } from '../../vocabulary/world/index.ts';

export interface Goal {
  when: Condition;
  deadline: number;
  judged: 'reached-by-deadline' | 'holds-at-deadline';
}

export function goalOf(scenario: OpenScenario, zone: string): Goal {
  return {
    when: scenario.goal.when,
    deadline: parseInstant(scenario.goal.deadline, zone),
    judged: scenario.goal.judged,
  };
}

export function goalReached(w: VWorld, goal: Goal): boolean {
  if (w.now > goal.deadline) return false;
  if (goal.judged === 'reached-by-deadline') return holds(w, goal.when);
  const ahead = cloneWorld(w);
  advanceTo(ahead, goal.deadline);
  return holds(ahead, goal.when);
}
