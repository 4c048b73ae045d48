/** `cancel-subscription`: turn auto-renew off online, where the merchant lets customers do it. */
import { z } from 'zod';
import { addFact, record } from '../../core/world.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep, idField } from './kind.ts';

export const cancelSubscription = defineStep({
  kind: 'cancel-subscription',
  params: z.strictObject({ product: idField }),
  description: 'Cancel a subscription (turn auto-renew off).',
  effort: 10,
  capabilities: ['cancelOnline'],
  plan: (_p, { product }) => ({ label: `cancel ${product}`, provides: [`cancelled:${product}`] }),
  run(world, env, step) {
    const product = step.product;
    if (!env.shop.cancelSubscription(world, env, product))
      return fail('unwanted-renewal', product, 'subscriptions cannot be cancelled online');
    addFact(world, `cancelled:${product}`);
    record(world, {
      actor: 'customer',
      kind: 'subscription.cancelled',
      channel: 'web',
      text: `The customer cancelled ${env.product(product).name} online.`,
      data: { product },
    });
    return OK;
  },
  references(p, check) {
    check.product(p.product, 'product');
  },
  missing: (env, trouble) =>
    trouble.problem === 'unwanted-renewal' && !env.profile.capabilities.cancelOnline
      ? [{ capability: 'cancelOnline' as const, text: 'no way to cancel online' }]
      : [],
});
