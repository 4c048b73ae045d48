/**
 * The benchmark's stress suite: the journey of seed 000 (converter-lite bought on Christmas
 * Eve) with more and more faults from the catalogue, so the explorer is measured at the size
 * of a journey a team would really write. The seed suite hides this: its runs explore fewer
 * than ten states each.
 *
 * Deterministic: the faults are taken from one fixed list in order.
 */

import type { Fix } from '../harness/core/contract.ts';
import { exploreJourney } from '../harness/engine/journeySearch.ts';
import {
  buildEnv,
  initialWorld,
  personaFor,
  planRuns,
  prepare,
  runOne,
  runSeedKey,
  scenarioResult,
  suiteResults,
} from '../harness/engine/runner.ts';
import { suggestFixes } from '../harness/engine/whatIf.ts';
import { applyOverrides } from '../harness/merchant/profile.ts';
import { combinationKey } from '../harness/scenario/combinations.ts';
import type { LoadedScenario } from '../harness/scenario/load.ts';
import type { FaultUse, Scenario } from '../harness/scenario/schema.ts';

/** Faults beyond the seed's four, in the order they are added. Every one is a catalogue entry. */
export const EXTRA_FAULTS: FaultUse[] = (
  [
    { id: 'key-delayed', fault: 'mail.delayed', params: { kind: 'licence-key', by: 'PT6H' } },
    { id: 'key-bounced', fault: 'mail.bounced', params: { kind: 'licence-key' } },
    { id: 'understaffed', fault: 'support.understaffed', params: { misunderstandings: 2 } },
    { id: 'card-declined', fault: 'payment.declined', params: {} },
    {
      id: 'licence-down',
      fault: 'licence.server-down',
      params: {},
      window: { from: '2025-12-24T17:00', until: '2025-12-26T09:00' },
    },
    { id: 'site-slow', fault: 'site.slow', params: { latencySeconds: 120 } },
    { id: 'confirmation-spam', fault: 'mail.spam-foldered', params: { kind: 'order-confirmation' } },
    { id: 'confirmation-delayed', fault: 'mail.delayed', params: { kind: 'order-confirmation', by: 'P2D' } },
    { id: 'card-timeout', fault: 'payment.timeout', params: {} },
    { id: 'avs-mismatch', fault: 'payment.avs-mismatch', params: {} },
    { id: 'notify-delayed', fault: 'notify.delayed', params: { kind: 'licence-key', by: 'P1D' } },
    { id: 'key-delayed-long', fault: 'mail.delayed', params: { kind: 'licence-key', by: 'P3D' } },
    { id: 'cvc-mismatch', fault: 'payment.cvc-mismatch', params: {} },
    { id: 'confirmation-quarantined', fault: 'mail.quarantined', params: { kind: 'order-confirmation' } },
    { id: 'notify-suppressed', fault: 'notify.suppressed', params: { kind: 'order-confirmation' } },
    {
      id: 'login-failure',
      fault: 'auth.login-failure',
      params: {},
      window: { from: '2025-12-24T17:00', until: '2025-12-27T09:00' },
    },
  ] as Omit<FaultUse, 'probability'>[]
).map((f) => ({ ...f, probability: 1 }));

export interface StressShape {
  faults: number;
  /** undefined: every combination. */
  maxFaults?: number;
  resend: boolean;
  maxActions?: number;
  /** Extra days before the deadline. */
  deadlineExtraDays?: number;
}

export const shapeName = (s: StressShape): string =>
  `${s.faults} faults, maxFaults ${s.maxFaults ?? 'all'}, resend ${s.resend ? 'on' : 'off'}` +
  (s.maxActions !== undefined ? `, maxActions ${s.maxActions}` : '') +
  (s.deadlineExtraDays ? `, deadline +${s.deadlineExtraDays} d` : '');

const DAY_MS = 86_400_000;

/** The seed-000 journey with `shape.faults` faults (its own four first, then EXTRA_FAULTS). */
export function stressScenario(seed: LoadedScenario, shape: StressShape): LoadedScenario {
  const s = seed.scenario;
  const extra = shape.faults - s.faults.length;
  if (extra < 0 || extra > EXTRA_FAULTS.length)
    throw new Error(
      `the stress suite has ${s.faults.length}–${s.faults.length + EXTRA_FAULTS.length} faults`,
    );
  const deadline = shape.deadlineExtraDays
    ? new Date(Date.parse(`${s.goal.deadline}Z`) + shape.deadlineExtraDays * DAY_MS)
        .toISOString()
        .slice(0, 16)
    : s.goal.deadline;
  const id = `${s.id}-stress-${shape.faults}-${shape.maxFaults ?? 'all'}${shape.resend ? '-resend' : ''}`;
  const scenario: Scenario = {
    ...s,
    id,
    faults: [...s.faults, ...EXTRA_FAULTS.slice(0, extra)],
    goal: { ...s.goal, deadline },
    explore: {
      ...s.explore,
      maxFaults: shape.maxFaults,
      maxActions: shape.maxActions ?? s.explore.maxActions,
    },
  };
  if (shape.maxFaults === undefined) delete scenario.explore.maxFaults;
  return {
    ...seed,
    file: `bench/stress/${id}.yaml`,
    scenario,
    merchant: shape.resend
      ? applyOverrides(seed.merchant, { capabilities: { resendConfirmation: true } })
      : seed.merchant,
  };
}

/** The rows of the stress table: faults × maxFaults × resend, then deadline and maxActions. */
export const STRESS_SHAPES: StressShape[] = [
  { faults: 8, resend: false },
  { faults: 8, resend: true },
  { faults: 12, resend: false },
  { faults: 12, maxFaults: 2, resend: true },
  { faults: 12, maxFaults: 3, resend: true },
  { faults: 16, maxFaults: 2, resend: false },
  { faults: 16, maxFaults: 2, resend: true },
  { faults: 16, maxFaults: 3, resend: false },
  { faults: 20, maxFaults: 2, resend: false },
  { faults: 20, maxFaults: 2, resend: true },
  { faults: 20, maxFaults: 3, resend: false },
  // Growth with the deadline's length and with maxActions (16 faults, maxFaults 2, resend on).
  { faults: 16, maxFaults: 2, resend: true, deadlineExtraDays: 3 },
  { faults: 16, maxFaults: 2, resend: true, deadlineExtraDays: 10 },
  { faults: 16, maxFaults: 2, resend: true, maxActions: 6 },
  { faults: 16, maxFaults: 2, resend: true, maxActions: 24 },
];

export interface StressRow {
  shape: StressShape;
  runs: number;
  deadEnds: number;
  states: number;
  maxStates: number;
  /** The main pass: every planned run through `runOne`. */
  mainMs: number;
  /** The journey searches alone (persona, environment, initial world built beforehand). */
  searchMs: number;
  whatIfMs: number;
  fixes: number;
  /** With `top`: the what-if kept to its best `top` fixes (stopping early), and those fixes. */
  whatIfTopMs?: number;
  topFixes?: Fix[];
  /** Every fix of the full what-if. */
  allFixes: Fix[];
}

/** One row: the main pass, then the what-if over its dead ends, timed apart, in this thread. */
export function measureStress(
  seed: LoadedScenario,
  shape: StressShape,
  runSeed: number,
  top?: number,
): StressRow {
  const loaded = stressScenario(seed, shape);
  const prep = prepare(loaded);
  const planned = planRuns(loaded, {});
  let t = performance.now();
  const runs = planned.map((p) => runOne(prep, p, runSeed).result);
  const mainMs = performance.now() - t;
  const results = suiteResults([scenarioResult(prep, runs)], { seed: runSeed });
  t = performance.now();
  const fixes = suggestFixes([loaded], results);
  const whatIfMs = performance.now() - t;
  t = performance.now();
  const topFixes = top === undefined ? undefined : suggestFixes([loaded], results, { top });
  const whatIfTopMs = performance.now() - t;
  const inputs = planned.map((p) => {
    const env = buildEnv(prep, p.combo, runSeedKey(runSeed, loaded.scenario.id, p));
    const persona = personaFor(prep, runSeed, combinationKey(p.combo), p.persona);
    return { env, world: initialWorld(prep, env, persona) };
  });
  t = performance.now();
  for (const { env, world } of inputs) exploreJourney(env, prep.journey, world);
  const searchMs = performance.now() - t;
  const states = runs.map((r) => r.stats.statesExplored);
  return {
    shape,
    runs: runs.length,
    deadEnds: runs.filter((r) => r.outcome === 'dead-end').length,
    states: states.reduce((a, b) => a + b, 0),
    maxStates: Math.max(...states),
    mainMs,
    searchMs,
    whatIfMs,
    fixes: fixes.length,
    allFixes: fixes,
    ...(topFixes ? { whatIfTopMs, topFixes } : {}),
  };
}

/** The seed scenario the stress suite grows (its converter-lite journey). */
export const STRESS_SEED_ID = 'converter-lite-christmas-eve';
