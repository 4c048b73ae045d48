import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  applyPluginEffect,
  holdsPluginCondition,
  performPluginOffer,
  pluginOffers,
  runPluginOracles,
  runPluginStep,
} from './calls.ts';
import { defineAction, defineCondition, defineOracle, defineStep, PluginError } from './define.ts';
import { pluginSet } from './registry.ts';
import { testHost } from './testdata/testHost.ts';

const atCounter = defineCondition({
  id: 'parcel-at-counter',
  params: z.strictObject({ shelf: z.string().optional() }),
  holds: (w, p) => w.fact('parcel-arrived') && p.shelf !== 'back',
});
const knock = defineAction({
  id: 'knock-on-door',
  params: z.strictObject({ times: z.number().int().min(1).default(1) }),
  choices: [{ times: 1 }, { times: 3 }],
  label: (p) => `knock ${p.times === 1 ? 'once' : `${p.times} times`}`,
  applicable: (w) => !w.fact('door-opened'),
  run: (w, p) => {
    if (p.times >= 3) w.apply({ set: 'door-opened' });
    w.trace({ kind: 'knock-on-door.knocked', text: `The customer knocked ${p.times} times.` });
    return { tookMs: p.times * 1000, effortMs: 500 };
  },
});
const staffOnly = defineAction({
  id: 'manager-override',
  by: 'staff',
  label: () => 'the manager overrides the hold',
  applicable: () => true,
  run: (w) => {
    w.apply({ clear: 'on-hold' });
    return { tookMs: 0 };
  },
});
const set = pluginSet(
  {
    conditions: [atCounter],
    actions: [knock, staffOnly],
    steps: [
      defineStep({
        id: 'check-door',
        run: (w) =>
          w.fact('door-opened')
            ? { ok: true }
            : { ok: false, problem: 'door-closed', what: 'the door stayed shut' },
      }),
    ],
    oracles: [
      defineOracle({
        id: 'too-many-knocks',
        summary: 'the customer had to knock more than once',
        severity: 'low',
        check: ({ events }) =>
          events.flatMap((e, i) =>
            e.kind === 'knock-on-door.knocked' && (e.data?.times ?? 0) !== 1
              ? [{ message: e.text, events: [i, 99] }]
              : [],
          ),
      }),
    ],
  },
  'deadend.config.ts',
);

describe('plugin conditions', () => {
  it('hold by the plugin’s code over the world’s facts, with params from YAML', () => {
    const host = testHost({ facts: ['parcel-arrived'] });
    expect(holdsPluginCondition(set, { plugin: 'parcel-at-counter' }, host)).toBe(true);
    expect(holdsPluginCondition(set, { plugin: 'parcel-at-counter', params: { shelf: 'back' } }, host)).toBe(
      false,
    );
    expect(holdsPluginCondition(set, { plugin: 'parcel-at-counter' }, testHost())).toBe(false);
  });
  it('name the config file when the id is not registered', () => {
    expect(() => holdsPluginCondition(set, { plugin: 'parcel-ready' }, testHost())).toThrow(
      'no plugin condition "parcel-ready" is registered in deadend.config.ts (registered: parcel-at-counter)',
    );
  });
});

describe('plugin actions', () => {
  it('are offered for each choice of params while applicable, labelled by label(params)', () => {
    const host = testHost();
    expect(pluginOffers(set, host, { staff: false }).map((o) => [o.key, o.label])).toEqual([
      ['plugin:knock-on-door#0', 'knock once'],
      ['plugin:knock-on-door#1', 'knock 3 times'],
    ]);
    expect(pluginOffers(set, host, { staff: true }).map((o) => o.label)).toContain(
      'the manager overrides the hold',
    );
    host.facts.add('door-opened');
    expect(pluginOffers(set, host, { staff: false })).toEqual([]);
  });

  it('run when taken: effects through apply, a trace of the action, the time it took', () => {
    const host = testHost();
    const [, thrice] = pluginOffers(set, host, { staff: false });
    expect(performPluginOffer(set, thrice!, host)).toEqual({ tookMs: 3000, effortMs: 500 });
    expect(host.spent).toBe(500);
    expect(host.applied).toEqual([{ effect: { set: 'door-opened' }, cause: { plugin: 'knock-on-door' } }]);
    expect(host.traced.map((e) => e.kind)).toEqual(['action.performed', 'knock-on-door.knocked']);
    expect(host.traced[0]?.data).toMatchObject({ label: 'knock 3 times', by: 'customer' });
    expect(host.traced[1]?.data).toEqual({ plugin: 'knock-on-door' });
  });

  it('run as an effect written in YAML, params parsed with defaults', () => {
    const host = testHost();
    expect(applyPluginEffect(set, { plugin: 'knock-on-door' }, host)).toEqual({
      tookMs: 1000,
      effortMs: 500,
    });
    expect(() => applyPluginEffect(set, { plugin: 'knock-on-door', params: { times: 0 } }, host)).toThrow(
      /plugin action "knock-on-door": its params do not parse: times:/,
    );
  });

  it('that throw stop the run with the plugin’s name', () => {
    const broken = pluginSet({
      actions: [
        defineAction({
          id: 'broken',
          label: () => 'break',
          applicable: () => true,
          run: () => {
            throw new Error('boom');
          },
        }),
      ],
    });
    expect(() => applyPluginEffect(broken, { plugin: 'broken' }, testHost())).toThrow(
      new PluginError('plugin "broken" (run) threw: boom'),
    );
  });
});

describe('plugin steps', () => {
  it('pass or fail with the plugin’s problem and words', () => {
    expect(runPluginStep(set, { plugin: 'check-door' }, testHost({ facts: ['door-opened'] }))).toEqual({
      ok: true,
    });
    expect(runPluginStep(set, { plugin: 'check-door' }, testHost())).toEqual({
      ok: false,
      problem: 'door-closed',
      what: 'the door stayed shut',
    });
  });
});

describe('plugin oracles', () => {
  it('report findings with their id and severity, keeping only event indices of the trace', () => {
    const events = [
      {
        t: 0,
        actor: 'customer' as const,
        kind: 'knock-on-door.knocked',
        text: 'knocked 3 times',
        data: { times: 3 },
      },
    ];
    const ctx = { events, profile: {} as never, scenario: {} as never, zone: 'UTC' };
    expect(runPluginOracles(set, ctx)).toEqual([
      { oracle: 'too-many-knocks', severity: 'low', message: 'knocked 3 times', events: [0] },
    ]);
  });
});

describe('random', () => {
  it('is seeded: the same moment draws the same numbers, another moment others', () => {
    const draws = (moment: string) => {
      const out: number[] = [];
      const dice = pluginSet({
        conditions: [
          defineCondition({
            id: 'dice',
            holds: (w) => {
              out.push(w.random(), w.random());
              return true;
            },
          }),
        ],
      });
      holdsPluginCondition(dice, { plugin: 'dice' }, testHost({ moment }));
      return out;
    };
    expect(draws('a')).toEqual(draws('a'));
    expect(draws('a')[0]).not.toEqual(draws('a')[1]);
    expect(draws('a')).not.toEqual(draws('b'));
  });
});
