/**
 * A journey is a scenario made ready to run: durations and instants parsed in the right time
 * zones, each step tied to its product and to the facts it provides. Built once per scenario
 * and shared by every run of it.
 */
import { calendarFreeDuration, parseDuration } from '../clock/duration.ts';
import { parseInstant } from '../clock/instant.ts';
import { type Step, stepParts } from './steps/index.ts';
import type { Journey, PlannedStep } from './steps/kind.ts';

export type { Step, StepKind } from './steps/index.ts';
export type { Journey, PlannedStep } from './steps/kind.ts';

/** The customer's plan counts business days as 24-hour days, not on the merchant's calendar (policy.ts). */
const elapsed = (text: string): number => calendarFreeDuration(parseDuration(text));

function plan(step: Step, zone: string, lastProduct: { id: string }): PlannedStep {
  const [kind, params] = stepParts(step);
  const given = params.product as string | undefined;
  const product = given ?? lastProduct.id;
  if (given) lastProduct.id = given;
  const planned = kind.plan(params, { product, zone, elapsed, instant: (text) => parseInstant(text, zone) });
  const { label, provides = [], ...rest } = planned;
  return { kind: kind.kind, product, label, provides, ...rest };
}

/** What planning reads of a scenario (scenario/schema.ts's Scenario fits). */
export interface JourneyScript {
  start: string;
  goal: { deadline: string; needs: string[] };
  given: readonly { owns: string }[];
  steps: readonly Step[];
  afterwards: readonly Step[];
  customer: {
    traits: {
      patience: string;
      followUpAfter: string;
      effortBudgetHours: number;
      checksSpam: boolean;
      channels: string[];
    };
  };
  explore: { maxActions: number };
}

export function planJourney(scenario: JourneyScript, zone: string): Journey {
  const last = { id: scenario.given.at(-1)?.owns ?? '' };
  const steps = scenario.steps.map((s) => plan(s, zone, last));
  const afterwards = scenario.afterwards.map((s) => plan(s, zone, last));
  const t = scenario.customer.traits;
  return {
    start: parseInstant(scenario.start, zone),
    deadline: parseInstant(scenario.goal.deadline, zone),
    zone,
    needs: scenario.goal.needs,
    steps,
    afterwards,
    patienceMs: elapsed(t.patience),
    followUpMs: elapsed(t.followUpAfter),
    effortBudgetMinutes: t.effortBudgetHours * 60,
    maxActions: scenario.explore.maxActions,
    checksSpam: t.checksSpam,
    channels: t.channels,
  };
}
