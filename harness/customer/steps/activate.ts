/** `activate`: activate a membership or subscription on the portal that fulfils it. */
import { z } from 'zod';
import { addFact, hasFact, record } from '../../core/world.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep, idField } from './kind.ts';

export const activate = defineStep({
  kind: 'activate',
  params: z.strictObject({ product: idField }),
  description: 'Activate a membership or subscription online.',
  effort: 5,
  plan: (_p, { product }) => ({ label: `activate ${product}`, provides: [`active:${product}`] }),
  run(world, env, step) {
    const product = step.product;
    const p = env.product(product);
    // A licence is activated with its key, like an install: no key, no activation.
    if (p.kind === 'licence' && !hasFact(world, `licence:${product}`))
      return fail('missing-mail', product, 'there is no licence key to activate with');
    const portal = p.fulfilledBy ?? 'web-store';
    if (!env.shop.entitled(world, env, product)) {
      record(world, {
        actor: 'merchant',
        kind: 'activation.refused',
        channel: 'web',
        text: `The ${portal} said the customer was not in the system.`,
        data: { product, portal },
      });
      return fail('entitlement-missing', product, `the ${portal} did not know the ${p.name} purchase`);
    }
    addFact(world, `active:${product}`);
    record(world, {
      actor: 'customer',
      kind: 'membership.activated',
      channel: 'web',
      text: `The customer activated ${p.name}.`,
      data: { product },
    });
    return OK;
  },
  references(p, check) {
    check.product(p.product, 'product');
  },
});
