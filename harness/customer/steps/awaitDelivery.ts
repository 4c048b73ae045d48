/** `await-delivery`: wait for a parcel, within a time or by a date; a cancellation mail ends the wait. */
import { z } from 'zod';
import { hasFact } from '../../core/world.ts';
import { waitFor } from '../common/inbox.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep, durationField, idField, instantField } from './kind.ts';

export const awaitDelivery = defineStep({
  kind: 'await-delivery',
  params: z.strictObject({ product: idField, within: durationField.optional(), by: instantField.optional() }),
  description: 'Wait for a parcel. Expects it within the time, or by the date.',
  effort: 0,
  plan: (p, { product, elapsed, instant }) => ({
    label: `await delivery of ${product}`,
    ...(p.within ? { waitMs: elapsed(p.within) } : {}),
    ...(p.by ? { by: instant(p.by) } : {}),
    provides: [`delivered:${product}`],
  }),
  run(world, env, step, retry) {
    const product = step.product;
    const limit = step.by ?? world.now + (step.waitMs ?? 0);
    const failed = () => world.customer.knows.includes(`order-failed:${product}`);
    const got = waitFor(world, env, limit, retry, () => hasFact(world, `delivered:${product}`) || failed());
    if (got && !failed()) return OK;
    return failed()
      ? fail(
          'order-cancelled',
          product,
          `the shop wrote that the ${env.product(product).name} order was cancelled`,
        )
      : fail('missing-delivery', product, `${env.product(product).name} was not delivered in time`);
  },
  references(p, check) {
    check.product(p.product, 'product');
    check.duration(p.within, 'within');
    check.instant(p.by, 'by');
  },
});
