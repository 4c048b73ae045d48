import { beforeAll, describe, expect, it } from 'vitest';
import { hasFact } from '../core/world.ts';
import { makePersona } from '../customer/persona.ts';
import { type LoadedScenario, loadScenarios } from '../scenario/load.ts';
import { buildEnv, initialWorld, planRuns, prepare, runName, runOne, runSuite } from './runner.ts';

let scenarios: LoadedScenario[];
beforeAll(async () => {
  const l = await loadScenarios(['scenarios']);
  expect(l.errors).toEqual([]);
  scenarios = l.scenarios;
});
const scenario = (id: string) => scenarios.find((s) => s.scenario.id === id)!;

describe('planning', () => {
  it('plans one run per fault combination and persona, named for --grep', () => {
    const s = scenario('converter-lite-christmas-eve');
    const runs = planRuns(s, {});
    // 4 faults, at most 2 at a time: 1 + 4 + 6.
    expect(runs).toHaveLength(11);
    expect(runs[0]).toEqual({ name: 'converter-lite-christmas-eve › none › #0', combo: [], persona: 0 });
    expect(runName('x', ['a', 'b'], 2)).toBe('x › a+b › #2');
    expect(planRuns(s, { grep: 'holidays' }).every((r) => r.combo.includes('holidays'))).toBe(true);
    expect(planRuns(s, { grep: 'holidays' })).toHaveLength(4);
    // A grep on the title selects every run of the scenario.
    expect(planRuns(s, { grep: 'Christmas Eve' })).toHaveLength(11);
    expect(planRuns(s, { grep: 'no such thing' })).toEqual([]);
  });

  it('shards split the runs into disjoint parts that cover them all', () => {
    const s = scenario('converter-lite-christmas-eve');
    const all = planRuns(s, {}).map((r) => r.name);
    const parts = [1, 2, 3].map((index) => planRuns(s, { shard: { index, total: 3 } }).map((r) => r.name));
    expect(parts.flat().sort()).toEqual([...all].sort());
    expect(new Set(parts.flat()).size).toBe(all.length);
  });

  it('plans every persona of a scenario that asks for several', () => {
    const s = scenario('lost-order-at-warehouse');
    const many: LoadedScenario = { ...s, scenario: { ...s.scenario, personas: 3 } };
    const runs = planRuns(many, {}).filter((r) => r.combo.length === 0);
    expect(runs.map((r) => r.persona)).toEqual([0, 1, 2]);
    const names = runs.map((r) => runOne(prepare(many), r, 1).result.persona.name);
    expect(new Set(names).size).toBe(3);
  });
});

describe('one run', () => {
  it('starts from the given purchases, at the journey start', () => {
    const s = scenario('training-membership-silo');
    const prep = prepare(s);
    const env = buildEnv(prep, ['store-portal-silo'], 'k');
    const world = initialWorld(prep, env, makePersona(1, 0, s.scenario.customer));
    expect(world.now).toBe(prep.journey.start);
    expect(world.orders.map((o) => [o.product, o.system, o.provisioned])).toEqual([
      ['laptop', 'store-pos', true],
      ['training-membership', 'store-pos', false],
    ]);
    expect(world.customer.spent).toBe(1099 + 99);
  });

  it('applies a support closure to the calendars of the channels it names', () => {
    const s = scenario('lost-order-at-warehouse');
    const prep = prepare(s);
    const open = buildEnv(prep, [], 'k');
    const closed = buildEnv(prep, ['support-shutdown'], 'k');
    const t = prep.journey.start;
    expect(open.calendar('phone').isOpen(t)).toBe(true);
    expect(closed.calendar('phone').isOpen(t)).toBe(false);
    expect(closed.calendar('phone').closedBecause(t)?.reason).toBe('a systems migration');
    expect(closed.calendar('email').isOpen(t)).toBe(false);
  });

  it('returns the final world to inspect, and a replay command', () => {
    const s = scenario('converter-lite-christmas-eve');
    const { result, world } = runOne(prepare(s), { name: 'n', combo: ['key-quarantined'], persona: 0 }, 5);
    expect(result.outcome).toBe('recovered-with-help');
    expect(result.pass).toBe(true);
    expect(hasFact(world, 'installed:converter-lite')).toBe(true);
    expect(world.mail.filter((m) => m.kind === 'licence-key').map((m) => m.folder)).toEqual([
      'quarantine',
      'inbox',
    ]);
    expect(world.customer.contacts).toBe(1);
    expect(result.replay).toBe(`npx deadend run ${s.file} --seed 5 --grep 'n'`);
    expect(result.trace.map((e) => e.at)).toEqual([...result.trace.map((e) => e.at)].sort());
    expect(result.stats.statesExplored).toBeGreaterThan(1);
  });

  it('a combination no expectation covers fails, saying so', () => {
    const s = scenario('converter-lite-christmas-eve');
    const narrow: LoadedScenario = {
      ...s,
      scenario: { ...s.scenario, expect: [{ faults: [], outcome: 'ok' }] },
    };
    const { result } = runOne(prepare(narrow), { name: 'n', combo: ['key-in-spam'], persona: 0 }, 1);
    expect(result.pass).toBe(false);
    expect(result.failure).toBe('no expectation covers this fault combination');
    expect(result.expected).toEqual({ outcome: 'ok' });
  });

  it('an unmet expectation fails with expected and actual outcome', () => {
    const s = scenario('converter-lite-christmas-eve');
    const wrong: LoadedScenario = {
      ...s,
      scenario: { ...s.scenario, expect: [{ otherwise: true, outcome: 'ok' }] },
    };
    const { result } = runOne(prepare(wrong), { name: 'n', combo: ['key-in-spam'], persona: 0 }, 1);
    expect(result.pass).toBe(false);
    expect(result.failure).toBe('expected ok, got recovered');
  });

  it('a suite reports the seed, the target and counts that add up', async () => {
    const results = await runSuite([scenario('login-failure'), scenario('slow-checkout')], { seed: 3 });
    expect(results.seed).toBe(3);
    expect(results.target).toBe('sim');
    expect(results.summary.runs).toBe(8);
    expect(Object.values(results.summary.outcomes).reduce((a, b) => a + b, 0)).toBe(8);
    expect(results.scenarios.map((s) => s.id).sort()).toEqual(['login-failure', 'slow-checkout']);
  });
});
