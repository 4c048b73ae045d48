/** `contact-support`: contact a support channel about a problem; done when staff resolve it. */
import { z } from 'zod';
import { addFact } from '../../core/world.ts';
import { PROBLEMS } from '../../merchant/profile.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep, idField } from './kind.ts';

export const contactSupport = defineStep({
  kind: 'contact-support',
  params: z.strictObject({ channel: idField, about: z.enum(PROBLEMS), product: idField.optional() }),
  description: 'Contact support on a channel about a problem. Expects it to be resolved.',
  effort: 0,
  plan: (p) => ({
    label: `contact ${p.channel} about ${p.about}`,
    channel: p.channel,
    about: p.about,
    provides: [`resolved:${p.about}`],
  }),
  run(world, env, step) {
    const result = env.shop.contactSupport(world, env, step.channel!, step.about!, step.product);
    if (result === 'resolved') {
      addFact(world, `resolved:${step.about}`);
      return OK;
    }
    return fail(step.about!, step.product, `${step.channel} support did not resolve it (${result})`);
  },
  references(p, check) {
    check.product(p.product, 'product');
    check.supportChannel(p.channel, 'channel');
  },
});
