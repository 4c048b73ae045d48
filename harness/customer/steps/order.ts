/** `order`: buy a product on a sales channel; done once the shop confirms the order. */
import { z } from 'zod';
import { record } from '../../core/world.ts';
import { placeOrder } from '../common/checkout.ts';
import { fail, OK } from '../common/trouble.ts';
import { defineStep, idField, MAX_QUANTITY } from './kind.ts';

export const order = defineStep({
  kind: 'order',
  params: z.strictObject({
    product: idField,
    channel: z.enum(['web', 'store', 'phone']).default('web'),
    shipping: z.enum(['standard', 'rush']).default('standard'),
    quantity: z.number().int().positive().max(MAX_QUANTITY).default(1),
  }),
  description: 'Buy a product. Expects the order to be confirmed.',
  effort: 10,
  // The checkout asks for the address twice where the merchant does (checkout.ts).
  capabilities: ['confirmEmailTwice'],
  plan: (p, { product }) => ({
    label: `order ${product}`,
    orderChannel: p.channel,
    shipping: p.shipping,
    quantity: p.quantity,
    provides: [`ordered:${product}`],
  }),
  run(world, env, step) {
    const product = step.product;
    const name = env.product(product).name;
    record(world, {
      actor: 'customer',
      kind: 'customer.order',
      channel: step.orderChannel,
      text: `The customer ordered ${name} (${step.orderChannel}).`,
      data: { product },
    });
    const res = placeOrder(world, env, {
      product,
      channel: step.orderChannel ?? 'web',
      shipping: step.shipping ?? 'standard',
      quantity: step.quantity ?? 1,
      email: world.customer.email,
    });
    return res.ok ? OK : fail('retry', product, `the order could not be placed: ${res.reason}`);
  },
  references(p, check) {
    check.product(p.product, 'product');
    check.salesChannel(p.channel, 'channel');
  },
});
