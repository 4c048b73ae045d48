import { describe, expect, it } from 'vitest';
import { brokenPromise } from './brokenPromise.ts';
import { ctxOf, ev, h } from './testdata/toy.ts';

const given = ev(h(0), 'commitment.given', {
  commitment: 'visit',
  channel: 'chat',
  says: 'a technician will come on Tuesday',
  due: new Date(h(24)).toISOString(),
});
const written = (t: number, system: string) =>
  ev(t, 'record.written', { record: 'booking', system, value: 'yes', process: 'handoff' });

describe('broken-promise', () => {
  it('fires when the promise never reached the system where it is kept, quoting the words and the system', () => {
    const events = [
      given,
      written(h(0), 'crm'),
      ev(h(24), 'commitment.due', { commitment: 'visit', recorded: false, kept: false }),
    ];
    const [f, ...more] = brokenPromise.check(ctxOf(events));
    expect(more).toEqual([]);
    expect(f!.message).toContain('Toy web chat promised the customer “a technician will come on Tuesday”');
    expect(f!.message).toContain('never recorded in partner-crm, PartnerCo’s system (no booking there)');
    expect(f!.message).toContain('not kept');
    expect(f!.events).toEqual([0, 2]);
  });

  it('does not fire for a promise recorded in time and kept', () => {
    const events = [
      given,
      written(h(12), 'partner-crm'),
      ev(h(24), 'commitment.due', { commitment: 'visit', recorded: true, kept: true }),
    ];
    expect(brokenPromise.check(ctxOf(events))).toEqual([]);
  });

  it('fires for a promise recorded but not kept', () => {
    const events = [given, ev(h(24), 'commitment.due', { commitment: 'visit', recorded: true, kept: false })];
    const [f] = brokenPromise.check(ctxOf(events));
    expect(f!.message).toContain('it was not kept');
    expect(f!.message).not.toContain('never recorded');
  });

  it('without the world’s verdict, judges the record from the trace once the promise is due', () => {
    expect(brokenPromise.check(ctxOf([given, written(h(30), 'partner-crm')]))).toHaveLength(1);
    expect(brokenPromise.check(ctxOf([given, written(h(2), 'partner-crm'), written(h(30), 'crm')]))).toEqual(
      [],
    );
    // Not yet due when the trace ends: not judged.
    expect(brokenPromise.check(ctxOf([given, written(h(2), 'crm')]))).toEqual([]);
  });
});
