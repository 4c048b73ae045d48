/**
 * The event map checks what models record and types what oracles read. The `@ts-expect-error`
 * lines are part of the test: `npm run typecheck` fails if one of them stops being an error,
 * i.e. if record() stopped checking kinds or data against the map.
 */
import { describe, expect, it } from 'vitest';
import { dataOf, toArray } from './trace.ts';
import { emptyWorld, record } from './world.ts';

describe('the trace event map', () => {
  it('record() takes the data of a known kind and dataOf() reads it back typed', () => {
    const w = emptyWorld(0, 'a@example.net');
    record(w, {
      actor: 'orders',
      kind: 'order.lost-in-transit',
      text: 'lost',
      data: { orderId: 'ord_1', hop: 'warehouse', fault: 'lost' },
    });
    const [e] = toArray(w.trace);
    const hop: string | undefined = dataOf(e!, 'order.lost-in-transit')?.hop;
    expect(hop).toBe('warehouse');
    expect(dataOf(e!, 'order.delivered')).toBeUndefined();
  });

  it('rejects data that does not fit the kind, and data for a kind the map does not know', () => {
    const w = emptyWorld(0, 'a@example.net');
    record(w, {
      actor: 'orders',
      kind: 'order.lost-in-transit',
      text: 'lost',
      // @ts-expect-error: order.lost-in-transit needs a hop
      data: { orderId: 'o', fault: 'f' },
    });
    // @ts-expect-error: a typo in the kind
    record(w, { actor: 'orders', kind: 'order.lost-in-transti', text: 'lost', data: { orderId: 'o' } });
    // A kind only known at run time (an event a merchant reports over the wire) is recorded as it is.
    const wireKind: string = 'shop.custom';
    record(w, { actor: 'merchant', kind: wireKind, text: 'custom', data: { anything: 1 } });
    expect(toArray(w.trace).map((e) => e.kind)).toEqual([
      'order.lost-in-transit',
      'order.lost-in-transti',
      'shop.custom',
    ]);
  });
});
