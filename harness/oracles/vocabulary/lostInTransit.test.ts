import { describe, expect, it } from 'vitest';
import { lostInTransit } from './lostInTransit.ts';
import { ctxOf, ev, h } from './testdata/toy.ts';

describe('lost-in-transit', () => {
  it('names the hop and the name of the party that held the parcel', () => {
    const events = [
      ev(h(0), 'parcel.scanned', { route: 'delivery', hop: 'hub', party: 'carrier' }),
      ev(h(1), 'parcel.lost', { route: 'delivery', hop: 'hub', fault: 'lost' }),
    ];
    const [f] = lostInTransit.check(ctxOf(events));
    expect(f!.message).toContain('lost at the hub hop, held by ParcelCo');
    expect(f!.events).toEqual([1]);
  });

  it('does not fire for a parcel delivered', () => {
    expect(lostInTransit.check(ctxOf([ev(h(2), 'parcel.delivered', { route: 'delivery' })]))).toEqual([]);
  });
});
