/**
 * What a recovery action is: one definition with both halves — whether it is offered to this
 * customer now (`offered`) and what doing it changes (`perform`, `cost`) — and what a merchant
 * that does not offer it lacks (`missing`), which the gap report and the what-if read.
 */
import type { RunEnv } from '../../core/runEnv.ts';
import type { World } from '../../core/world.ts';
import type { Capability } from '../../merchant/profile.ts';
import type { MissingSelfService, Trouble } from '../common/trouble.ts';
import type { Journey } from '../steps/kind.ts';

export interface RecoveryDefinition {
  /** The action's id in a run's `path`; with `variants`, the prefix of `id:variant`. */
  id: string;
  /** What the customer does, for people: "Look in the spam folder". */
  label: (variant?: string) => string;
  /** True when the action involves the merchant's staff (the outcome is then "with help"). */
  staff: boolean;
  /** Minutes of the customer's own time each attempt costs, spent before it acts. */
  cost: number;
  /** The merchant capabilities that offer this action (the what-if's candidates). */
  capabilities?: readonly Capability[];
  /** Actions offered once per something (a support channel): the variants there are. */
  variants?: (env: RunEnv) => readonly string[];
  offered(world: World, env: RunEnv, trouble: Trouble, journey: Journey, variant?: string): boolean;
  perform(world: World, env: RunEnv, trouble: Trouble, journey: Journey, variant?: string): void;
  missing?(env: RunEnv, trouble: Trouble): MissingSelfService[];
}

export const defineRecovery = (d: RecoveryDefinition) => d;
