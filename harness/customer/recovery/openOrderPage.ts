/** Open the order page: its status, the address on the order and, where offered, the key to download. */
import { addFact, latestOrder, learn, record } from '../../core/world.ts';
import type { MissingSelfService } from '../common/trouble.ts';
import { defineRecovery } from './action.ts';
import { ORDER_PROBLEMS } from './problems.ts';

export const openOrderPage = defineRecovery({
  id: 'open-order-page',
  label: () => 'Open the order page',
  staff: false,
  cost: 5,
  capabilities: ['orderTracking', 'downloadFromOrderPage'],
  offered: (world, env, trouble) =>
    latestOrder(world, trouble.product) !== undefined &&
    env.profile.capabilities.orderTracking &&
    ORDER_PROBLEMS.has(trouble.problem),
  perform(world, env, trouble) {
    const order = latestOrder(world, trouble.product);
    if (!order) return;
    const page = env.shop.orderPage(world, env, order.id);
    if (!page) return;
    record(world, {
      actor: 'customer',
      kind: 'customer.order-page',
      channel: 'web',
      text: `The customer opened the order page: ${page.shown}.`,
      data: { orderId: order.id, status: page.status, shown: page.shown },
    });
    if (page.status === 'cancelled') learn(world, `order-failed:${order.product}`);
    if (page.email !== world.customer.email) learn(world, `wrong-email:${order.id}`);
    if (page.key) {
      addFact(world, `licence:${order.product}`);
      record(world, {
        actor: 'customer',
        kind: 'licence.downloaded',
        channel: 'web',
        text: `The customer downloaded ${env.product(order.product).name} and its key from the order page.`,
        data: { orderId: order.id, key: page.key },
      });
    }
  },
  missing(env, trouble) {
    const caps = env.profile.capabilities;
    const out: MissingSelfService[] = [];
    if (
      trouble.problem === 'missing-mail' &&
      !caps.downloadFromOrderPage &&
      env.product(trouble.product).kind === 'licence'
    )
      out.push({ capability: 'downloadFromOrderPage', text: 'no download from the order page' });
    if (
      (trouble.problem === 'missing-delivery' || trouble.problem === 'order-cancelled') &&
      !caps.orderTracking
    )
      out.push({ capability: 'orderTracking', text: 'no order tracking' });
    return out;
  },
});
