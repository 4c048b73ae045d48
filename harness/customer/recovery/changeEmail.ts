/** Correct the e-mail address on the order, once the customer knows it was wrong. */
import { latestOrder, record } from '../../core/world.ts';
import { defineRecovery } from './action.ts';

export const changeEmail = defineRecovery({
  id: 'change-email',
  label: () => 'Correct the e-mail address on the order',
  staff: false,
  cost: 10,
  capabilities: ['changeEmailAfterOrder'],
  offered: (world, env, trouble) =>
    trouble.problem !== 'retry' &&
    latestOrder(world, trouble.product) !== undefined &&
    env.profile.capabilities.changeEmailAfterOrder &&
    world.customer.knows.some((k) => k.startsWith('wrong-email:')),
  perform(world, env, trouble) {
    const order = latestOrder(world, trouble.product);
    if (!order) return;
    world.customer.knows = world.customer.knows.filter((k) => k !== `wrong-email:${order.id}`);
    record(world, {
      actor: 'customer',
      kind: 'customer.email-changed',
      channel: 'web',
      text: `The customer corrected the e-mail address on order ${order.id}.`,
      data: { orderId: order.id },
    });
    env.shop.changeEmail(world, env, order.id, world.customer.email);
  },
  missing: (env, trouble) =>
    trouble.problem === 'missing-mail' && !env.profile.capabilities.changeEmailAfterOrder
      ? [{ capability: 'changeEmailAfterOrder', text: 'no way to correct the e-mail address' }]
      : [],
});
