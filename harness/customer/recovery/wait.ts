/** Wait for the next thing that will change: a message, a parcel, the end of a fault. */
import type { RunEnv } from '../../core/runEnv.ts';
import type { World } from '../../core/world.ts';
import { advanceTo } from '../../merchant/flows.ts';
import { defineRecovery } from './action.ts';

/** When the next thing will change, if anything will. */
export function nextChange(world: World, env: RunEnv): number | undefined {
  let t = world.pending[0]?.at;
  for (const f of env.faults.active) {
    if (f.from > world.now && (t === undefined || f.from < t)) t = f.from;
    if (f.until > world.now && f.until !== Number.POSITIVE_INFINITY && (t === undefined || f.until < t))
      t = f.until;
  }
  return t;
}

export const waitAndRetry = defineRecovery({
  id: 'wait',
  label: () => 'Wait and look again',
  staff: false,
  cost: 0,
  offered: (world, env) => nextChange(world, env) !== undefined,
  perform(world, env) {
    const t = nextChange(world, env);
    if (t !== undefined) advanceTo(world, env, t);
  },
});
