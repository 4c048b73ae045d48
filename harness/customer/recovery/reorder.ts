/** Order again once the shop said the order failed, with rush delivery where standard is too late. */
import { record } from '../../core/world.ts';
import { placeOrder } from '../common/checkout.ts';
import { defineRecovery } from './action.ts';

const DAY = 86_400_000;

export const reorder = defineRecovery({
  id: 'reorder',
  label: () => 'Order again',
  staff: false,
  cost: 10,
  offered: (world, _env, trouble) =>
    trouble.problem !== 'retry' && world.customer.knows.includes(`order-failed:${trouble.product}`),
  perform(world, env, trouble, journey) {
    const p = env.product(trouble.product);
    world.customer.knows = world.customer.knows.filter((k) => k !== `order-failed:${p.id}`);
    const standardArrives = world.now + (p.shippingDays ?? 5) * DAY;
    const shipping = p.kind === 'physical' && standardArrives > journey.deadline ? 'rush' : 'standard';
    record(world, {
      actor: 'customer',
      kind: 'customer.order',
      channel: 'web',
      text: `The customer ordered ${p.name} again${shipping === 'rush' ? ' with rush delivery' : ''}.`,
      data: { product: p.id, again: true },
    });
    placeOrder(world, env, {
      product: p.id,
      channel: 'web',
      shipping,
      quantity: 1,
      email: world.customer.email,
    });
  },
});
