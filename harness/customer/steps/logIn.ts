/** `log-in`: log in on the web site (a login fault rejects a valid password). */
import { z } from 'zod';
import { addFact, record } from '../../core/world.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep } from './kind.ts';

export const logIn = defineStep({
  kind: 'log-in',
  params: z.strictObject({}),
  description: 'Log in to the account on the web site.',
  effort: 5,
  plan: () => ({ label: 'log in', provides: ['logged-in'] }),
  run(world, env, step) {
    const hit = env.faults.hit(world, 'site', { page: 'login', id: `login:${world.now}` });
    if (hit && 'fails' in hit.result) {
      record(world, {
        actor: 'fault',
        kind: 'site.login-failed',
        channel: 'web',
        text: 'The login page rejected the customer’s valid password.',
        data: { fault: hit.label },
      });
      return fail('cannot-log-in', step.product, 'the customer could not log in');
    }
    addFact(world, 'logged-in');
    return OK;
  },
});
