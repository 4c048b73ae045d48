import { describe, expect, it } from 'vitest';
import { visibility } from '../../core/runEnv.ts';
import { latestOrder } from '../../core/world.ts';
import { events, sandbox, shop } from '../../engine/testdata/sandbox.ts';
import { createOrder, HOPS, ordersVisibleFrom, transfer } from './orders.ts';

const fields = (system = 'web-store') => ({
  product: 'mug',
  channel: 'web' as const,
  system,
  email: 'pat.doe@example.net',
  price: 20,
  shipping: 'standard' as const,
});

describe('orders', () => {
  it('creates confirmed, provisioned orders with distinct ids; latestOrder finds the newest', () => {
    const { world } = sandbox();
    const a = createOrder(world, fields());
    const b = createOrder(world, fields());
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({ status: 'confirmed', provisioned: true, placedAt: world.now });
    expect(latestOrder(world, 'mug')).toBe(b);
    expect(latestOrder(world, 'app')).toBeUndefined();
  });

  it('passes every hop when nothing goes wrong', () => {
    const { env, world } = sandbox();
    expect(HOPS).toEqual(['order-queue', 'warehouse', 'carrier']);
    const o = createOrder(world, fields());
    expect(transfer(world, env, o)).toBeUndefined();
    expect(o.status).toBe('confirmed');
  });

  it.each(HOPS)('loses an order at the %s hop and names the hop', (hop) => {
    const { env, world } = sandbox({ faults: [{ fault: 'order.lost-in-transit', params: { hop } }] });
    const o = createOrder(world, fields());
    expect(transfer(world, env, o)).toBe(hop);
    expect(o).toMatchObject({ status: 'lost', lostAt: hop, reason: `lost at ${hop}` });
    const lost = events(world, 'order.lost-in-transit');
    expect(lost).toHaveLength(1);
    expect(lost[0]!.text).toContain(`entered the ${hop}`);
    expect(lost[0]!.data).toMatchObject({ orderId: o.id, hop });
    // A lost order is invisible to everyone, even its own system.
    expect(ordersVisibleFrom(world, env, 'web-store')).toEqual([]);
  });

  it('loses only as many orders as `times` allows', () => {
    const { env, world } = sandbox({
      faults: [{ fault: 'order.lost-in-transit', params: { hop: 'carrier' }, times: 1 }],
    });
    const first = createOrder(world, fields());
    const second = createOrder(world, fields());
    expect(transfer(world, env, first)).toBe('carrier');
    expect(transfer(world, env, second)).toBeUndefined();
    expect(ordersVisibleFrom(world, env, 'web-store', 'mug')).toEqual([second]);
  });

  it('shows a system the orders of the systems that share with it, transitively', () => {
    const profile = shop({
      systems: [
        { id: 'a', sharesWith: ['b'] },
        { id: 'b', sharesWith: ['c'] },
        { id: 'c' },
        { id: 'island' },
      ],
    });
    const canSee = visibility(profile, []);
    expect(canSee('a', 'a')).toBe(true);
    expect(canSee('b', 'a')).toBe(true);
    expect(canSee('c', 'b')).toBe(true);
    expect(canSee('c', 'a')).toBe(true); // a → b → c
    expect(canSee('island', 'a')).toBe(false);
    expect(canSee('a', 'island')).toBe(false);
    expect(canSee('unknown', 'a')).toBe(false);
  });

  it('does not let two systems that feed the same third system see each other', () => {
    const profile = shop({
      systems: [
        { id: 'store-pos', sharesWith: ['portal'] },
        { id: 'web-store', sharesWith: ['portal'] },
        { id: 'portal' },
      ],
    });
    const canSee = visibility(profile, []);
    expect(canSee('portal', 'store-pos')).toBe(true);
    expect(canSee('portal', 'web-store')).toBe(true);
    expect(canSee('store-pos', 'web-store')).toBe(false);
    expect(canSee('store-pos', 'portal')).toBe(false);
  });

  it('a silo cuts the link, and everything reached only through it', () => {
    const profile = shop({
      systems: [{ id: 'a', sharesWith: ['b'] }, { id: 'b', sharesWith: ['c'] }, { id: 'c' }],
    });
    const canSee = visibility(profile, [['b', 'c']]);
    expect(canSee('b', 'a')).toBe(true);
    expect(canSee('c', 'b')).toBe(false);
    expect(canSee('c', 'a')).toBe(false);
    expect(canSee('c', 'c')).toBe(true);
    // The pair is unordered.
    expect(visibility(profile, [['c', 'b']])('c', 'b')).toBe(false);
  });

  it('filters visible orders by the silo fault of the run', () => {
    const silo = sandbox({
      faults: [{ fault: 'systems.silo', params: { between: ['store-pos', 'portal'] } }],
    });
    const plain = sandbox();
    for (const { world } of [silo, plain]) {
      createOrder(world, { ...fields('store-pos'), product: 'club' });
      createOrder(world, fields('web-store'));
    }
    expect(ordersVisibleFrom(plain.world, plain.env, 'portal', 'club')).toHaveLength(1);
    expect(ordersVisibleFrom(silo.world, silo.env, 'portal', 'club')).toEqual([]);
    // The web store still shares with the portal.
    expect(ordersVisibleFrom(silo.world, silo.env, 'portal', 'mug')).toHaveLength(1);
  });
});
