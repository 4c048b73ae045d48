import { describe, expect, it } from 'vitest';
import { planOpenRuns } from './plan.ts';
import { prepareOpen, runOpenOne } from './runOpen.ts';
import { toyScenario } from './testdata/toy.ts';

function run(over: Record<string, unknown>, persona = 1) {
  const prep = prepareOpen(toyScenario(over));
  return runOpenOne(prep, { name: 'toy', combo: [], persona }, 1).result;
}

describe('the open journey engine', () => {
  it('is ok when the scripted steps reach the goal', () => {
    const given = { processes: [], facts: [], records: [], charges: [] };
    const r = run({ given, steps: [{ do: 'sign-in-with-key' }, { do: 'cancel' }] }, 0);
    expect(r.outcome).toBe('ok');
    expect(r.path).toEqual([]);
  });

  it('recovers on its own with an action the persona’s trait allows', () => {
    const r = run({}, 0);
    expect(r.outcome).toBe('recovered');
    expect(r.path).toEqual(['sign-in-with-key', 'cancel']);
    expect(r.scorecard.contacts).toBe(0);
  });

  it('recovers with help when only staff can unlock, counting the contact by channel', () => {
    const r = run({}, 1);
    expect(r.outcome).toBe('recovered-with-help');
    expect(r.path).toContain('contact:help:cannot-sign-in');
    expect(r.scorecard.contactsBy?.help).toBe(1);
    expect(r.scorecard.moneyLost).toBe(0);
  });

  it('dead-ends when the help desk is closed until after the deadline, saying so in its own words', () => {
    const r = run({ start: '2026-03-13T18:00' }, 1);
    expect(r.outcome).toBe('dead-end');
    expect(r.explanation).toContain('SMS reset reopens on Monday 16 March 2026 at 09:00');
    expect(r.explanation).not.toContain('sMS');
    // Nobody was contacted, so nothing is worded as asked; the probe is a counterfactual.
    expect(r.explanation).not.toContain('Asked');
    expect(r.explanation).toContain('Had the customer asked SMS reset when it reopens');
    expect(r.scorecard.contacts).toBe(0);
  });

  it('says "asked" only of contacts the customer made; one only a dropped way of the search made is a counterfactual', () => {
    // The help desk opens at 09:00 and answers at 09:15, but the unlock takes an hour: past the
    // 09:30 deadline. At 08:00 it is closed, so the customer asking around before giving up
    // reaches nobody; only the search, waiting for 09:00, asked it.
    const early = {
      description: 'The plan is cancelled',
      when: { fact: 'cancelled' },
      deadline: '2026-03-13T09:30',
    };
    const r = run({ start: '2026-03-13T08:00', goal: early }, 1);
    expect(r.outcome).toBe('dead-end');
    expect(r.path).toEqual([]);
    expect(r.scorecard.contacts).toBe(0);
    expect(r.explanation).not.toContain('Asked');
    expect(r.explanation).toContain(
      'On a way the search tried, had the customer asked SMS reset (answered on Friday 13 March 2026 at 09:15), staff would unlock the sign-in',
    );
    // Open at the start, the customer does ask it before giving up: that contact is counted and "asked".
    const late = {
      description: 'The plan is cancelled',
      when: { fact: 'cancelled' },
      deadline: '2026-03-13T17:30',
    };
    const asked = run({ start: '2026-03-13T16:50', goal: late }, 1);
    expect(asked.scorecard.contacts).toBe(1);
    expect(asked.explanation).toContain(
      'Asked SMS reset on Friday 13 March 2026 at 17:05: SMS reset will unlock the sign-in.',
    );
  });

  it('a persona who lets the trouble rest (follow-up-after) does nothing about it until then', () => {
    const rests = (followUp: string) =>
      run({ personas: [{ id: 'rests', traits: { 'has-key': false, 'follow-up-after': followUp } }] }, 0);
    const afternoon = rests('PT5H');
    expect(afternoon.outcome).toBe('recovered-with-help');
    const asked = afternoon.trace.find((e) => e.kind === 'support.contacted') as { at?: string } | undefined;
    expect(asked?.at).toBe('2026-03-13T15:00:00.000Z');
    // Resting into the weekend, the help desk is closed until after the deadline.
    const weekend = rests('P1D');
    expect(weekend.outcome).toBe('dead-end');
    expect(weekend.trace.find((e) => e.kind === 'customer.gave-up')).toMatchObject({
      at: '2026-03-14T10:00:00.000Z',
    });
  });

  it('runs a dead end on to the horizon: the renewal after giving up is traced and lost', () => {
    const r = run({ start: '2026-03-13T18:00' }, 1);
    const charge = r.trace.find((e) => e.kind === 'payment.charged');
    expect(charge?.data?.afterOutcome).toBe(true);
    expect(r.trace.some((e) => e.kind === 'customer.gave-up')).toBe(true);
    expect(r.scorecard.moneyLost).toBe(50);
    expect(r.explanation).toContain('the plan was renewed — renewed on Sunday 15 March 2026 at 00:00');
  });

  it('checks every part of an expectation and says which part missed', () => {
    const r = run(
      {
        start: '2026-03-13T18:00',
        expect: [
          {
            otherwise: true,
            outcome: 'dead-end',
            findings: [{ oracle: 'stale-address', names: ['+44'] }],
            scorecard: { moneyLost: 10, contacts: { help: 1 } },
            trace: [{ kind: 'payment.charged', at: '2026-03-15T00:00', names: ['plan', '50'] }],
            frontier: ['reopens on Monday 16 March', 'never said'],
          },
        ],
      },
      1,
    );
    expect(r.pass).toBe(false);
    expect(r.failure).toContain('missing finding stale-address naming “+44”');
    expect(r.failure).toContain('scorecard moneyLost: expected 10, got 50');
    expect(r.failure).toContain('contacts with help: expected 1, got 0');
    expect(r.failure).not.toContain('payment.charged');
    expect(r.failure).toContain('the explanation does not say “never said”');
    expect(r.failure).not.toContain('reopens on Monday');
  });

  it('selects the first expectation whose faults and persona match', () => {
    const expect_ = [
      { faults: [], persona: 'with-key', outcome: 'recovered' },
      { faults: [], outcome: 'recovered-with-help' },
    ];
    expect(run({ expect: expect_ }, 0).pass).toBe(true);
    expect(run({ expect: expect_ }, 1).pass).toBe(true);
  });
});

describe('planning open runs', () => {
  it('plans fault combinations × personas, named like seed runs', () => {
    const loaded = toyScenario({
      faults: [{ id: 'late', fault: 'process.delayed', params: { process: 'renewal', by: 'P1D' } }],
    });
    const names = planOpenRuns(loaded, {}).map((r) => r.name);
    expect(names).toEqual([
      'toy-cancel › none › #0',
      'toy-cancel › none › #1',
      'toy-cancel › late › #0',
      'toy-cancel › late › #1',
    ]);
    expect(planOpenRuns(loaded, { grep: 'late' })).toHaveLength(2);
  });
});
