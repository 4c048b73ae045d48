import { describe, expect, it } from 'vitest';
import { emptyWorld, record, type World, worldToJson } from '../../core/world.ts';
import { WorldSync } from './worldSync.ts';

/** Two sides that start from nothing and hand `w` over. */
function pair() {
  return { here: new WorldSync(), there: new WorldSync(), remote: emptyWorld(0, 'x@example.net') };
}
const event = (w: World, kind: string) => record(w, { actor: 'customer', kind, text: kind });

describe('WorldSync', () => {
  it('hands a world over whole first, then only what changed, and both sides end equal', () => {
    const { here, there, remote } = pair();
    const w = emptyWorld(1000, 'pat@example.net');
    event(w, 'a.one');
    const first = here.diff(w);
    expect('all' in first.trace).toBe(true);
    there.apply(remote, first);
    expect(worldToJson(remote)).toEqual(worldToJson(w));

    w.now = 2000;
    w.customer.facts.push('ordered:app');
    event(w, 'b.two');
    const second = here.diff(w);
    expect(Object.keys(second.parts).sort()).toEqual(['customer', 'now']);
    expect(second.trace).toEqual({ append: [expect.objectContaining({ kind: 'b.two' })] });
    there.apply(remote, second);
    expect(worldToJson(remote)).toEqual(worldToJson(w));

    // The other side acts: its changes come back the same way.
    remote.billing = { customers: { cus_1: { id: 'cus_1', object: 'customer' } } } as never;
    remote.mail.push({ id: 'm1' } as never);
    event(remote, 'c.three');
    const back = there.diff(remote);
    expect(Object.keys(back.parts).sort()).toEqual(['billing', 'billing.customers', 'mail']);
    here.apply(w, back);
    expect(worldToJson(w)).toEqual(worldToJson(remote));
  });

  it('a world the explorer forked (another trace, changed in place) is sent in full where it differs', () => {
    const { here, there, remote } = pair();
    const w = emptyWorld(1000, 'pat@example.net');
    event(w, 'a.one');
    there.apply(remote, here.diff(w));
    const fork = emptyWorld(1000, 'pat@example.net');
    event(fork, 'z.other');
    fork.customer.facts.push('licence:app');
    const d = here.diff(fork);
    expect('all' in d.trace).toBe(true);
    there.apply(remote, d);
    expect(worldToJson(remote)).toEqual(worldToJson(fork));
    // Changed in place after being handed over: the text comparison still sees it.
    fork.customer.facts.push('installed:app');
    there.apply(remote, here.diff(fork));
    expect(remote.customer.facts).toEqual(['licence:app', 'installed:app']);
  });

  it('revert undoes what an action changed, billing created on the way included', () => {
    const { here, there, remote } = pair();
    const w = emptyWorld(1000, 'pat@example.net');
    there.apply(remote, here.diff(w));
    const before = structuredClone(worldToJson(remote));
    remote.billing = { customers: {} } as never;
    remote.customer.knows.push('order-status');
    event(remote, 'x.read');
    there.revert(remote);
    expect(worldToJson(remote)).toEqual(before);
  });
});
