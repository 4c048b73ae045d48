/** `wait`: let time pass; whatever falls due meanwhile happens. */
import { z } from 'zod';
import { advanceTo } from '../../merchant/flows.ts';
import { OK } from '../common/trouble.ts';
import { defineStep, durationField } from './kind.ts';

export const wait = defineStep({
  kind: 'wait',
  params: z.strictObject({ for: durationField }),
  description: 'Let time pass.',
  effort: 0,
  plan: (p, { elapsed }) => ({ label: `wait ${p.for}`, waitMs: elapsed(p.for) }),
  run(world, env, step) {
    advanceTo(world, env, world.now + step.waitMs!);
    return OK;
  },
  references(p, check) {
    check.duration(p.for, 'for');
  },
});
