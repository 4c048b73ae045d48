/**
 * Orders: one store per system (web store, store point of sale, warehouse, …). An order is
 * recorded in the system of the channel it was placed on and moves through hops; a fault can
 * lose it at a hop, and silos decide who can see it.
 */
import type { RunEnv } from '../../core/runEnv.ts';
import { onDue } from '../../core/scheduler.ts';
import { addFact, nextId, type Order, record, type World } from '../../core/world.ts';

export const HOPS = ['order-queue', 'warehouse', 'carrier'] as const;

export function createOrder(
  world: World,
  fields: Omit<Order, 'id' | 'status' | 'placedAt' | 'provisioned'> & { id?: string },
): Order {
  const order: Order = {
    id: nextId(world, 'ord'),
    status: 'confirmed',
    placedAt: world.now,
    provisioned: true,
    ...fields,
  };
  world.orders.push(order);
  return order;
}

/** Move an order along the hops; returns the hop it was lost at, if a fault struck. */
export function transfer(world: World, env: RunEnv, order: Order): string | undefined {
  for (const hop of HOPS) {
    const hit = env.faults.hit(world, 'order-hop', { hop, id: order.id });
    if (hit) {
      order.status = 'lost';
      order.lostAt = hop;
      order.reason = `lost at ${hop}`;
      record(world, {
        actor: 'fault',
        kind: 'order.lost-in-transit',
        text: `Order ${order.id} entered the ${hop} and never left it; no system downstream knows of it.`,
        data: { orderId: order.id, hop, fault: hit.label },
      });
      return hop;
    }
  }
  return undefined;
}

/** Orders for a product that staff or software working in `system` can see. */
export function ordersVisibleFrom(world: World, env: RunEnv, system: string, product?: string): Order[] {
  return world.orders.filter(
    (o) =>
      (product === undefined || o.product === product) && env.canSee(system, o.system) && o.status !== 'lost',
  );
}

onDue('parcel.arrive', (world, env, ev) => {
  const order = world.orders.find((o) => o.id === ev.ref);
  if (order?.status !== 'shipped') return;
  order.status = 'delivered';
  addFact(world, `delivered:${order.product}`);
  record(world, {
    actor: 'orders',
    kind: 'order.delivered',
    text: `The parcel with ${env.product(order.product).name} was delivered.`,
    data: { orderId: order.id },
  });
});
