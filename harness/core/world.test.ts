import { describe, expect, it } from 'vitest';
import { toArray } from './trace.ts';
import {
  addFact,
  cloneWorld,
  emptyWorld,
  learn,
  type MailMessage,
  nextId,
  record,
  registerSlice,
  schedule,
  stateKey,
  type World,
} from './world.ts';

const shippedMail = (folder: MailMessage['folder'], read: boolean): MailMessage => ({
  id: 'm',
  to: 'a@example.net',
  kind: 'shipped',
  subject: 's',
  sentAt: 0,
  deliverAt: 1,
  folder,
  read,
});

describe('world', () => {
  it('keeps the pending queue in time order, equal times in scheduling order', () => {
    const w = emptyWorld(0, 'a@example.net');
    schedule(w, { at: 30, type: 'mail.arrive', ref: 'c' });
    schedule(w, { at: 10, type: 'mail.arrive', ref: 'a' });
    schedule(w, { at: 30, type: 'parcel.arrive', ref: 'd' });
    schedule(w, { at: 20, type: 'mail.arrive', ref: 'b' });
    expect(w.pending.map((p) => p.ref)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps facts sorted and unique', () => {
    const w = emptyWorld(0, 'a@example.net');
    addFact(w, 'ordered:x');
    addFact(w, 'licence:x');
    addFact(w, 'ordered:x');
    expect(w.customer.facts).toEqual(['licence:x', 'ordered:x']);
  });

  it('a clone can change without touching the original', () => {
    const w = emptyWorld(0, 'a@example.net');
    nextId(w, 'x');
    addFact(w, 'ordered:x');
    record(w, { actor: 'customer', kind: 'k', text: 'first' });
    w.mail.push(shippedMail('inbox', false));
    const c = cloneWorld(w);
    c.now = 99;
    addFact(c, 'delivered:x');
    learn(c, 'order-failed:x');
    c.mail[0]!.read = true;
    c.customer.problemContacts['missing-mail'] = 2;
    c.customer.sentTo['missing-mail'] = 'store';
    c.faultHits.f = 1;
    schedule(c, { at: 5, type: 'mail.arrive', ref: 'm2' });
    record(c, { actor: 'customer', kind: 'k', text: 'second' });
    expect(w.now).toBe(0);
    expect(w.customer.facts).toEqual(['ordered:x']);
    expect(w.customer.knows).toEqual([]);
    expect(w.mail[0]!.read).toBe(false);
    expect(w.customer.problemContacts).toEqual({});
    expect(w.customer.sentTo).toEqual({});
    expect(w.faultHits).toEqual({});
    expect(w.pending).toEqual([]);
    expect(toArray(w.trace).map((e) => e.text)).toEqual(['first']);
    expect(toArray(c.trace).map((e) => e.text)).toEqual(['first', 'second']);
  });

  it('the state key ignores time and effort but not what the customer holds', () => {
    const a = emptyWorld(0, 'a@example.net');
    const b = cloneWorld(a);
    b.now = 1_000_000;
    b.customer.effortMinutes = 30;
    expect(stateKey(b)).toBe(stateKey(a));
    addFact(b, 'licence:x');
    expect(stateKey(b)).not.toBe(stateKey(a));
  });

  it('keeps the state key of a sample world as it was before services registered slices', () => {
    const w = emptyWorld(0, 'a@example.net');
    addFact(w, 'ordered:x');
    learn(w, 'order-failed:x');
    w.mail.push(shippedMail('spam', true));
    w.orders.push({
      id: 'o',
      product: 'x',
      channel: 'web',
      system: 'web',
      email: 'a@example.net',
      price: 5,
      shipping: 'standard',
      status: 'shipped',
      placedAt: 0,
      provisioned: true,
    });
    schedule(w, { at: 9, type: 'mail.arrive', ref: 'm', detail: 'inbox' });
    schedule(w, { at: 9, type: 'parcel.arrive', ref: 'o' });
    w.subscriptions.push({
      id: 's',
      product: 'x',
      price: 5,
      renewsAt: 9,
      status: 'active',
      autoRenew: true,
      remindersSent: 0,
    });
    w.customer.problemContacts['missing-mail'] = 2;
    w.customer.sentTo['missing-mail'] = 'store';
    expect(stateKey(w)).toBe(
      'ordered:x|order-failed:x|shipped:spam:1;|x:shipped:1;|mail.arrive:shipped:inbox;parcel.arrive:o:;|active:1;|missing-mail=2,|missing-mail=store,',
    );
  });

  it('clones and keys a slice a service registered, and leaves out a slice a world lacks', () => {
    const key = 'testCounter' as never;
    const read = (w: World) => (w as unknown as Record<string, { n: number } | undefined>).testCounter;
    registerSlice({
      key,
      clone: (v: { n: number }) => ({ ...v }),
      stateKey: (v: { n: number }) => String(v.n),
    } as never);
    expect(() => registerSlice({ key, clone: (v: unknown) => v } as never)).toThrow(/registered twice/);
    const bare = emptyWorld(0, 'a@example.net');
    expect(read(cloneWorld(bare))).toBeUndefined();
    const a = { ...bare, testCounter: { n: 1 } } as World;
    const b = cloneWorld(a);
    read(b)!.n = 2;
    expect(read(a)!.n).toBe(1);
    expect(stateKey(b)).not.toBe(stateKey(a));
    expect(stateKey(a)).toBe(`${stateKey(bare)}|testCounter:1`);
  });
});
