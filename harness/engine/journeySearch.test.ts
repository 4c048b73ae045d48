/**
 * The explorer, checked from outside: an independent brute-force search over the customer's
 * recovery actions confirms every dead end of the seed suite; capabilities open paths;
 * self-service wins over staff; dead ends explain themselves; runs are deterministic.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile, RunResult } from '../core/contract.ts';
import type { RunEnv } from '../core/runEnv.ts';
import { cloneWorld, type World } from '../core/world.ts';
import type { Journey } from '../customer/journey.ts';
import { makePersona } from '../customer/persona.ts';
import { availableActions, type RecoveryAction } from '../customer/recovery.ts';
import { isDone, runStep, type Trouble } from '../customer/steps.ts';
import { advanceTo } from '../merchant/flows.ts';
import { applyOverrides, type MerchantOverrides } from '../merchant/profile.ts';
import { type LoadedScenario, loadScenarioFile, loadScenarios } from '../scenario/load.ts';
import { exploreJourney } from './journeySearch.ts';
import { buildEnv, initialWorld, type PreparedScenario, prepare, runOne, runSuite } from './runner.ts';

const SEED = 1;
let scenarios: LoadedScenario[];
let suite: ResultsFile;

beforeAll(async () => {
  const loaded = await loadScenarios(['scenarios']);
  expect(loaded.errors).toEqual([]);
  scenarios = loaded.scenarios;
  suite = await runSuite(scenarios, { seed: SEED });
});

const scenario = (id: string) => scenarios.find((s) => s.scenario.id === id)!;

function allRuns(): { s: LoadedScenario; run: RunResult }[] {
  return suite.scenarios.flatMap((r) => r.runs.map((run) => ({ s: scenario(r.id), run })));
}

// ---- An independent brute-force search over recovery actions -----------------------------

interface State {
  world: World;
  next: number;
  trouble: Trouble | undefined;
}

const goalMet = (w: World, j: Journey) => j.needs.every((f) => w.customer.facts.includes(f));

/** Run the scripted steps from `from` until one fails (the customer's own script). */
function script(w: World, env: RunEnv, j: Journey, from: number, retry: boolean): Omit<State, 'world'> {
  for (let i = from; i < j.steps.length && !goalMet(w, j); i++) {
    const step = j.steps[i]!;
    if (isDone(w, step)) continue;
    const r = runStep(w, env, j, step, retry && i === from);
    if (!r.ok) return { next: i, trouble: r.trouble };
  }
  return { next: j.steps.length, trouble: undefined };
}

interface Setup {
  env: RunEnv;
  journey: Journey;
  start: State;
}

function setUp(s: LoadedScenario, combo: string[], persona = 0): Setup {
  const prep: PreparedScenario = prepare(s);
  const env = buildEnv(prep, combo, 'brute-force');
  const world = initialWorld(prep, env, makePersona(1, persona, s.scenario.customer));
  const first = script(world, env, prep.journey, 0, false);
  return { env, journey: prep.journey, start: { world, ...first } };
}

/**
 * The earliest time any sequence of at most `depth` recovery actions (the customer lets
 * `followUpAfter` pass before each, as in the explorer) reaches the goal by the deadline;
 * undefined if none does. Plain depth-first enumeration: no de-duplication, no ordering.
 */
function earliestGoal(
  { env, journey, start }: Setup,
  depth: number,
  opts: { staff: boolean; allow?: (a: RecoveryAction) => boolean },
): number | undefined {
  let best: number | undefined;
  const visit = (st: State, left: number) => {
    if (goalMet(st.world, journey) && st.world.now <= journey.deadline) {
      if (best === undefined || st.world.now < best) best = st.world.now;
      return;
    }
    if (left === 0 || !st.trouble || st.world.now > journey.deadline) return;
    for (const action of availableActions(st.world, env, journey, st.trouble, opts.staff)) {
      if (opts.allow && !opts.allow(action)) continue;
      const w = cloneWorld(st.world);
      if (action.id !== 'wait') advanceTo(w, env, w.now + journey.followUpMs);
      action.apply(w, env, st.trouble);
      const r = script(w, env, journey, st.next, true);
      visit({ world: w, next: r.next, trouble: r.trouble ?? st.trouble }, left - 1);
    }
  };
  if (start.trouble) visit(start, depth);
  else if (goalMet(start.world, journey)) best = start.world.now;
  return best;
}

// ---- Tests --------------------------------------------------------------------------------

describe('explorer: dead ends are proofs', () => {
  it('the seed suite has the dead ends its stories describe', () => {
    const dead = allRuns().filter(({ run }) => run.outcome === 'dead-end');
    expect(dead.length).toBeGreaterThanOrEqual(8);
  });

  it('no sequence of up to 4 recovery actions, staff included, rescues any dead end of the seed suite', () => {
    const dead = allRuns().filter(({ run }) => run.outcome === 'dead-end');
    for (const { s, run } of dead) {
      const found = earliestGoal(setUp(s, run.faults), 4, { staff: true });
      expect(found, `${s.scenario.id} [${run.faults.join('+')}]`).toBeUndefined();
    }
  });

  it('the brute force is not vacuous: it finds a path for every recovered run', () => {
    const recovered = allRuns().filter(({ run }) => run.outcome.startsWith('recovered'));
    expect(recovered.length).toBeGreaterThan(5);
    for (const { s, run } of recovered) {
      const setup = setUp(s, run.faults);
      const label = `${s.scenario.id} [${run.faults.join('+')}]`;
      const depth = Math.max(run.path.length, 1);
      expect(earliestGoal(setup, depth, { staff: true }), label).toBeDefined();
      // Self-service alone reaches the goal exactly when the explorer says "recovered".
      const self = earliestGoal(setup, Math.max(depth, 4), { staff: false });
      if (run.outcome === 'recovered') expect(self, label).toBeDefined();
      else expect(self, label).toBeUndefined();
    }
  });
});

describe('explorer: one capability opens a path', () => {
  const xmas = 'converter-lite-christmas-eve';
  const outcomeWith = (over: MerchantOverrides | undefined, combo: string[]) => {
    const s = scenario(xmas);
    const variant: LoadedScenario = { ...s, merchant: applyOverrides(s.merchant, over) };
    return runOne(prepare(variant), { name: combo.join('+'), combo, persona: 0 }, SEED).result;
  };

  it('the Christmas Eve licence dead end, as shipped', () => {
    expect(outcomeWith(undefined, ['key-quarantined', 'holidays']).outcome).toBe('dead-end');
  });

  it('is recovered on their own when the key mail can be resent', () => {
    const r = outcomeWith({ capabilities: { resendConfirmation: true } }, ['key-quarantined', 'holidays']);
    expect(r.outcome).toBe('recovered');
    expect(r.path).toEqual(['resend-confirmation']);
    expect(r.scorecard.moneyLost).toBe(0);
  });

  it('is recovered on their own when the order page offers the download', () => {
    const r = outcomeWith({ capabilities: { downloadFromOrderPage: true } }, ['key-quarantined', 'holidays']);
    expect(r.outcome).toBe('recovered');
    expect(r.path).toEqual(['open-order-page']);
    expect(r.trace.some((e) => e.kind === 'licence.downloaded')).toBe(true);
  });

  it('a resend does not help a mistyped address; correcting the address does', () => {
    const combo = ['address-typo', 'holidays'];
    expect(outcomeWith({ capabilities: { resendConfirmation: true } }, combo).outcome).toBe('dead-end');
    const fixed = outcomeWith({ capabilities: { changeEmailAfterOrder: true } }, combo);
    expect(fixed.outcome).toBe('recovered');
    expect(fixed.path).toEqual(['open-order-page', 'change-email']);
  });

  it('the dead end explains itself: the reopening date and the missing self-service', () => {
    const run = suite.scenarios
      .find((s) => s.id === xmas)!
      .runs.find((r) => r.faults.join('+') === 'key-quarantined+holidays')!;
    expect(run.outcome).toBe('dead-end');
    expect(run.explanation).toContain('reopens Mon 5 Jan 2026 09:00 EST');
    expect(run.explanation).toContain('after the deadline');
    expect(run.explanation).toMatch(/Christmas holidays/);
    for (const missing of [
      'no way to resend the confirmation',
      'no download from the order page',
      'no way to correct the e-mail address',
    ])
      expect(run.explanation).toContain(missing);
    expect(run.frontier?.some((f) => f.includes('quarantined'))).toBe(true);
    expect(run.path).toEqual([]);
  });
});

describe('explorer: self-service is preferred', () => {
  it('is `recovered` when both a self-service and a staff path exist (seed: late statement online)', () => {
    const s = scenario('late-statement-online');
    const setup = setUp(s, ['batch-late']);
    expect(earliestGoal(setup, 2, { staff: true, allow: (a) => a.staff })).toBeDefined();
    expect(earliestGoal(setup, 2, { staff: false })).toBeDefined();
    const run = runOne(prepare(s), { name: 'late', combo: ['batch-late'], persona: 0 }, SEED).result;
    expect(run.outcome).toBe('recovered');
    expect(run.path).toEqual(['download-statement']);
    expect(run.scorecard.contacts).toBe(0);
  });

  it('is `recovered` even when the staff path would be faster, and takes the earliest self-service path', async () => {
    const file = path.join(import.meta.dirname, 'testdata/late-key-mail.yaml');
    const { value: s, errors } = await loadScenarioFile(file);
    expect(errors).toEqual([]);
    const setup = setUp(s!, ['key-late']);
    const viaStaff = earliestGoal(setup, 2, { staff: true, allow: (a) => a.staff })!;
    const selfOnly = earliestGoal(setup, 4, { staff: false })!;
    expect(viaStaff).toBeLessThan(selfOnly);
    const prep = prepare(s!);
    const env = buildEnv(prep, ['key-late'], 'x');
    const out = exploreJourney(
      env,
      prep.journey,
      initialWorld(prep, env, makePersona(1, 0, s!.scenario.customer)),
    );
    expect(out.outcome).toBe('recovered');
    expect(out.path).toEqual(['wait']);
    expect(out.goalAt).toBe(selfOnly);
  });
});

describe('explorer: determinism', () => {
  it('the same seed gives deep-equal, byte-identical results', async () => {
    const again = await runSuite(scenarios, { seed: SEED });
    expect(again).toEqual(suite);
    expect(JSON.stringify(again)).toBe(JSON.stringify(suite));
  });

  it('another seed changes the generated people, not the outcomes', async () => {
    const other = await runSuite(scenarios, { seed: SEED + 1 });
    const shape = (r: ResultsFile) =>
      r.scenarios.flatMap((s) => s.runs.map((run) => `${s.id} ${run.faults.join('+')} ${run.outcome}`));
    expect(shape(other)).toEqual(shape(suite));
    const names = (r: ResultsFile) =>
      r.scenarios
        .filter((s) => !scenario(s.id).scenario.customer.name)
        .flatMap((s) => s.runs.map((run) => run.persona.name));
    const before = names(suite);
    const after = names(other);
    expect(before.length).toBeGreaterThan(10);
    expect(after.filter((n, i) => n !== before[i]).length).toBeGreaterThan(before.length * 0.8);
    // A scenario that names its customer keeps the name.
    const martin = (r: ResultsFile) => r.scenarios.find((s) => s.id === 'converter-lite-christmas-eve')!.runs;
    expect(martin(other).every((run) => run.persona.name === 'Martin Day')).toBe(true);
  });
});

describe('explorer: a dead end quotes support as it happened', () => {
  const outcomeWith = (change: (s: LoadedScenario) => LoadedScenario) =>
    runOne(
      prepare(change(scenario('login-failure'))),
      { name: 'week', combo: ['week-long-outage'], persona: 0 },
      SEED,
    ).result;
  const named = (name: string) => (s: LoadedScenario) => ({
    ...s,
    merchant: { ...s.merchant, support: s.merchant.support.map((c) => ({ ...c, name })) },
  });
  const patience = (value: string) => (s: LoadedScenario) => ({
    ...s,
    scenario: {
      ...s.scenario,
      customer: { ...s.scenario.customer, traits: { ...s.scenario.customer?.traits, patience: value } },
    },
  });

  it('keeps a channel name as written ("SMS reset", never "sMS reset")', () => {
    const run = outcomeWith(named('SMS reset'));
    expect(run.outcome).toBe('dead-end');
    expect(run.explanation).toContain('SMS reset: staff suggested');
    expect(run.explanation).not.toContain('sMS');
  });

  it('says "Asked, …" only of a channel the customer contacted, and what staff would have said otherwise', () => {
    const asked = outcomeWith((s) => s);
    expect(asked.explanation).toContain('Asked, phone support: staff suggested');
    // Patience (2 hours) runs out before the customer follows up (after 4 hours): no contact at all.
    const never = outcomeWith(patience('PT2H'));
    expect(never.outcome).toBe('dead-end');
    expect(never.scorecard.contacts).toBe(0);
    expect(never.explanation).not.toMatch(/asked, /i);
    expect(never.explanation).toContain(
      'Had the customer asked phone support, they would have heard: staff suggested clearing the browser cache',
    );
  });
});
