/**
 * The customer performing the scripted steps. Each step either meets its expectation or
 * fails with the problem the customer now has (the key mail never came, the portal does not
 * know the purchase, …), which is where the recovery search starts. What each kind does is
 * in its definition under steps/.
 */
import type { RunEnv } from '../core/runEnv.ts';
import { hasFact, type World } from '../core/world.ts';
import type { StepResult } from './common/trouble.ts';
import type { Journey, PlannedStep } from './journey.ts';
import { stepDefinition } from './steps/index.ts';

export { PAGE_PATIENCE_MS, placeOrder } from './common/checkout.ts';
export { readMessage } from './common/inbox.ts';
export type { StepResult, Trouble } from './common/trouble.ts';

export function runStep(
  world: World,
  env: RunEnv,
  _journey: Journey,
  step: PlannedStep,
  retry = false,
): StepResult {
  const kind = stepDefinition(step.kind);
  world.customer.effortMinutes += kind.effort;
  return kind.run(world, env, step, retry);
}

export function isDone(world: World, step: PlannedStep): boolean {
  return step.provides.length > 0 && step.provides.every((f) => hasFact(world, f));
}
