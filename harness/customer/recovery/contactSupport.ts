/**
 * Contact the shop on one of its support channels: one action per channel the customer is
 * willing to use, or only the one a previous contact sent them to.
 */
import { defineRecovery } from './action.ts';

export const contactSupport = defineRecovery({
  id: 'contact',
  label: (channel = '') => `Contact the shop (${channel.replace(/[-_.]+/g, ' ')})`,
  staff: true,
  cost: 0,
  variants: (env) => env.profile.support.map((c) => c.id),
  offered(world, env, trouble, journey, channel) {
    if (trouble.problem === 'retry') return false;
    const c = env.profile.support.find((s) => s.id === channel);
    if (!c || !journey.channels.includes(c.kind)) return false;
    const sentTo = world.customer.sentTo[trouble.problem];
    return sentTo === undefined || c.id === sentTo;
  },
  perform(world, env, trouble, _journey, channel) {
    env.shop.contactSupport(
      world,
      env,
      channel!,
      trouble.problem as Exclude<typeof trouble.problem, 'retry'>,
      trouble.product,
    );
  },
});
