/** Try the failed step again (the explorer re-runs it after the action): a declined card, a slow page. */
import { defineRecovery } from './action.ts';

export const tryAgain = defineRecovery({
  id: 'try-again',
  label: () => 'Try again',
  staff: false,
  cost: 0,
  offered: (_world, _env, trouble) => trouble.problem === 'retry',
  perform() {},
});
