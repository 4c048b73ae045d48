/** Ask the web site to resend the confirmation (and key) e-mail of the latest order. */
import { latestOrder, record } from '../../core/world.ts';
import { keyMessageKind } from '../../merchant/policy.ts';
import { defineRecovery } from './action.ts';

export const resendConfirmation = defineRecovery({
  id: 'resend-confirmation',
  label: () => 'Ask the web site to resend the confirmation',
  staff: false,
  cost: 5,
  capabilities: ['resendConfirmation'],
  offered: (world, env, trouble) =>
    latestOrder(world, trouble.product) !== undefined &&
    env.profile.capabilities.resendConfirmation &&
    trouble.problem === 'missing-mail',
  perform(world, env, trouble) {
    const order = latestOrder(world, trouble.product);
    if (!order) return;
    record(world, {
      actor: 'customer',
      kind: 'customer.resend',
      channel: 'web',
      text: 'The customer asked the web site to resend the confirmation.',
      data: { orderId: order.id },
    });
    env.shop.resend(world, env, order.id, keyMessageKind(env, order));
  },
  missing: (env, trouble) =>
    trouble.problem === 'missing-mail' && !env.profile.capabilities.resendConfirmation
      ? [{ capability: 'resendConfirmation', text: 'no way to resend the confirmation' }]
      : [],
});
