/**
 * The customer's recovery repertoire: what a stuck customer can try, each with its own time
 * and effort, and only where the merchant offers it. Self-service actions come first; staff
 * contacts make an outcome "recovered-with-help". Each action is defined in recovery/; this
 * module turns the list into the actions offered now, the labels, and the gap report's
 * missing self-service.
 */

import type { RunEnv } from '../core/runEnv.ts';
import type { World } from '../core/world.ts';
import { CAPABILITIES, type Capability } from '../merchant/profile.ts';
import type { Trouble } from './common/trouble.ts';
import type { Journey } from './journey.ts';
import type { RecoveryDefinition } from './recovery/action.ts';
import { RECOVERY_DEFINITIONS } from './recovery/index.ts';
import { STEP_DEFINITIONS } from './steps/index.ts';

export { nextChange } from './recovery/wait.ts';

export interface RecoveryAction {
  id: string;
  /** What the customer does, for people: "Look in the spam folder". */
  label: string;
  /** True when the action involves the merchant's staff. */
  staff: boolean;
  apply(world: World, env: RunEnv, trouble: Trouble): void;
}

const BY_ID = new Map<string, RecoveryDefinition>(RECOVERY_DEFINITIONS.map((d) => [d.id, d]));

function action(d: RecoveryDefinition, journey: Journey, variant?: string): RecoveryAction {
  return {
    id: variant === undefined ? d.id : `${d.id}:${variant}`,
    label: d.label(variant),
    staff: d.staff,
    apply(world, env, trouble) {
      world.customer.effortMinutes += d.cost;
      d.perform(world, env, trouble, journey, variant);
    },
  };
}

/** The plain-language name of a recovery action id as it appears in a run's `path`. */
export function actionLabel(id: string): string {
  const colon = id.indexOf(':');
  const d = BY_ID.get(colon < 0 ? id : id.slice(0, colon));
  if (d && (d.variants !== undefined) === colon >= 0)
    return d.label(colon < 0 ? undefined : id.slice(colon + 1));
  return id.replace(/[-_.:]+/g, ' ');
}

/** The actions open to this customer now, for this trouble. */
export function availableActions(
  world: World,
  env: RunEnv,
  journey: Journey,
  trouble: Trouble,
  withStaff: boolean,
): RecoveryAction[] {
  const out: RecoveryAction[] = [];
  for (const d of RECOVERY_DEFINITIONS) {
    if (d.staff && !withStaff) continue;
    if (d.variants) {
      for (const v of d.variants(env))
        if (d.offered(world, env, trouble, journey, v)) out.push(action(d, journey, v));
    } else if (d.offered(world, env, trouble, journey)) out.push(action(d, journey));
  }
  return out;
}

const SELF_SERVICE = [...RECOVERY_DEFINITIONS, ...STEP_DEFINITIONS];

/**
 * Which missing capabilities would have given a self-service way out of this trouble, in the
 * vocabulary's order of capabilities.
 */
export function missingSelfService(env: RunEnv, trouble: Trouble): string[] {
  const missing = SELF_SERVICE.flatMap((d) => d.missing?.(env, trouble) ?? []);
  const rank = (c: Capability) => CAPABILITIES.indexOf(c);
  return missing.sort((a, b) => rank(a.capability) - rank(b.capability)).map((m) => m.text);
}

/**
 * The capabilities some step or recovery action depends on, in the vocabulary's order: the
 * what-if offers to switch on these (a capability nothing reads cannot rescue a journey).
 */
export const JOURNEY_CAPABILITIES: readonly Capability[] = CAPABILITIES.filter((c) =>
  SELF_SERVICE.some((d) => d.capabilities?.includes(c)),
);
