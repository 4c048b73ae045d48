import { describe, expect, it } from 'vitest';
import { advanceTo, holds, perform } from './index.ts';
import { at, events, local, toyWorld } from './testkit.ts';

describe('processes', () => {
  it('every re-arms the steps until stopsWhen holds; a stop cancels what is pending', () => {
    const w = toyWorld({
      profile: {
        channels: [
          { id: 'web', kind: 'web', medium: 'account' },
          { id: 'email', kind: 'email', medium: 'email' },
        ],
        messages: [{ id: 'nag', name: 'reminder' }],
        facts: [{ id: 'done', description: 'done' }],
        actions: [
          {
            id: 'finish',
            label: 'finish',
            by: 'customer',
            on: 'web',
            takes: 'PT0S',
            effects: [{ set: 'done' }],
          },
        ],
        processes: [
          {
            id: 'nagging',
            label: 'nagging',
            starts: { at: '2026-03-02T10:00' },
            every: 'P1D',
            stopsWhen: { fact: 'done' },
            steps: [{ after: 'PT0S', do: [{ send: { message: 'nag', via: 'email' } }] }],
          },
        ],
      },
      scenario: { customer: { addresses: { email: { current: 'a@example.net' } } } },
    });
    advanceTo(w, at(w, '2026-03-04T12:00'));
    expect(events(w, 'message.sent').map((e) => local(w, e.t))).toEqual([
      '2026-03-02T10:00',
      '2026-03-03T10:00',
      '2026-03-04T10:00',
    ]);
    perform(w, 'finish');
    advanceTo(w, at(w, '2026-03-08T12:00'));
    expect(events(w, 'message.sent')).toHaveLength(3);
    expect(events(w, 'process.stopped')).toHaveLength(1);
  });

  it('starts on a fact; a step whose when is false is skipped; processes start processes', () => {
    const w = toyWorld({
      profile: {
        capabilities: { extra: false },
        channels: [{ id: 'web', kind: 'web', medium: 'account' }],
        facts: [
          { id: 'a', description: 'a' },
          { id: 'b', description: 'b' },
          { id: 'c', description: 'c' },
        ],
        actions: [
          { id: 'go', label: 'go', by: 'customer', on: 'web', takes: 'PT0S', effects: [{ set: 'a' }] },
        ],
        processes: [
          {
            id: 'first',
            label: 'first',
            starts: { on: 'a' },
            steps: [
              { after: 'PT1H', when: { capability: 'extra' }, do: [{ set: 'c' }] },
              { after: 'PT2H', do: [{ start: 'second' }] },
            ],
          },
          {
            id: 'second',
            label: 'second',
            starts: 'manually',
            steps: [{ after: 'PT1H', do: [{ set: 'b' }] }],
          },
        ],
      },
    });
    perform(w, 'go');
    advanceTo(w, w.now + 4 * 3600_000);
    expect(holds(w, { fact: 'c' })).toBe(false);
    expect(holds(w, { fact: 'b' })).toBe(true);
    expect(events(w, 'process.skipped')).toHaveLength(1);
    // The process a step started is the one its start names; the starter is byProcess.
    const second = events(w, 'process.started').find((e) => e.text.includes('second'));
    expect(second?.data).toMatchObject({ process: 'second', byProcess: 'first' });
  });

  it('a start while a process runs is ignored; once its steps have all run, a start runs it again', () => {
    const w = toyWorld({
      profile: {
        channels: [{ id: 'web', kind: 'web', medium: 'account' }],
        facts: [{ id: 'ready', description: 'the order is ready' }],
        actions: [
          { id: 'order', label: 'order', by: 'customer', on: 'web', effects: [{ start: 'prepare' }] },
        ],
        processes: [
          {
            id: 'prepare',
            label: 'the store prepares the order',
            starts: 'manually',
            steps: [{ after: 'PT3H', do: [{ set: 'ready' }] }],
          },
        ],
      },
    });
    perform(w, 'order');
    advanceTo(w, w.now + 3600_000);
    perform(w, 'order');
    advanceTo(w, w.now + 3 * 3600_000);
    expect(events(w, 'process.step')).toHaveLength(1);
    perform(w, 'order');
    advanceTo(w, w.now + 3 * 3600_000);
    expect(events(w, 'process.started')).toHaveLength(2);
    expect(events(w, 'process.step')).toHaveLength(2);
  });

  it('a process that started before the scenario has run up to its start', () => {
    const w = toyWorld({
      profile: {
        facts: [{ id: 'reminded', description: 'reminded' }],
        processes: [
          {
            id: 'p',
            label: 'p',
            starts: { at: '2026-02-20T09:00' },
            steps: [{ after: 'P1D', do: [{ set: 'reminded' }] }],
          },
        ],
      },
    });
    expect(holds(w, { fact: 'reminded' })).toBe(true);
    expect(local(w, events(w, 'fact.set')[0]!.t)).toBe('2026-02-21T09:00');
  });

  it('customer routines pause while the customer is away; business processes run on', () => {
    const w = toyWorld({
      profile: {
        facts: [
          { id: 'signed-in', description: 'signed in' },
          { id: 'billed', description: 'billed' },
        ],
        processes: [
          {
            id: 'sign-in',
            label: 'signs in',
            actor: 'customer',
            starts: { at: '2026-03-02T09:00' },
            every: 'P1D',
            steps: [
              { after: 'PT0S', do: [{ set: 'signed-in' }] },
              { after: 'PT1H', do: [{ clear: 'signed-in' }] },
            ],
          },
          {
            id: 'bill',
            label: 'bills',
            starts: { at: '2026-03-04T09:00' },
            steps: [{ after: 'PT0S', do: [{ set: 'billed' }] }],
          },
        ],
      },
      faults: [{ fault: 'customer.away', from: '2026-03-03T00:00', until: '2026-03-06T00:00' }],
    });
    advanceTo(w, at(w, '2026-03-06T12:00'));
    const signIns = events(w, 'fact.set')
      .filter((e) => e.data?.fact === 'signed-in')
      .map((e) => local(w, e.t));
    expect(signIns).toEqual(['2026-03-02T09:00', '2026-03-06T09:00']);
    expect(holds(w, { fact: 'billed' })).toBe(true);
  });

  it('process.fails makes a run do nothing; process.delayed makes it late', () => {
    const profile = {
      facts: [{ id: 'x', description: 'x' }],
      processes: [
        {
          id: 'p',
          label: 'p',
          starts: { at: '2026-03-02T10:00' },
          steps: [{ after: 'PT0S', do: [{ set: 'x' }] }],
        },
      ],
    };
    const failed = toyWorld({ profile, faults: [{ fault: 'process.fails', params: { process: 'p' } }] });
    advanceTo(failed, at(failed, '2026-03-09T10:00'));
    expect(holds(failed, { fact: 'x' })).toBe(false);
    const late = toyWorld({
      profile,
      faults: [{ fault: 'process.delayed', params: { process: 'p', by: 'P2D' } }],
    });
    advanceTo(late, at(late, '2026-03-04T09:00'));
    expect(holds(late, { fact: 'x' })).toBe(false);
    advanceTo(late, at(late, '2026-03-04T10:00'));
    expect(holds(late, { fact: 'x' })).toBe(true);
  });
});
