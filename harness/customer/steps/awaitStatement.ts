/** `await-statement`: ask for nothing, wait for the periodic statement by mail. */
import { z } from 'zod';
import { awaitMailRun } from './awaitMail.ts';
import { defineStep, durationField } from './kind.ts';

export const awaitStatement = defineStep({
  kind: 'await-statement',
  params: z.strictObject({ within: durationField }),
  description: 'Wait for the periodic statement. Expects it within the given time.',
  effort: 0,
  plan: (p, { elapsed }) => ({
    label: 'await statement',
    mailKind: 'statement',
    waitMs: elapsed(p.within),
    provides: ['statement'],
  }),
  run(world, env, step, retry) {
    env.shop.sendStatement(world, env, world.customer.email);
    return awaitMailRun(world, env, step, retry);
  },
  references(p, check) {
    check.duration(p.within, 'within');
  },
});
