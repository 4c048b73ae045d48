/**
 * The step kinds, in the order the scenario format lists them (the JSON Schema and the
 * scenario guide follow it). A new step kind is one file in this folder and one line here.
 */
import type { z } from 'zod';
import { activate } from './activate.ts';
import { awaitDelivery } from './awaitDelivery.ts';
import { awaitMail } from './awaitMail.ts';
import { awaitStatement } from './awaitStatement.ts';
import { cancelSubscription } from './cancelSubscription.ts';
import { contactSupport } from './contactSupport.ts';
import { install } from './install.ts';
import type { StepDefinition } from './kind.ts';
import { logIn } from './logIn.ts';
import { order } from './order.ts';
import { wait } from './wait.ts';

export const STEP_DEFINITIONS = [
  order,
  awaitMail,
  awaitDelivery,
  install,
  activate,
  logIn,
  awaitStatement,
  contactSupport,
  cancelSubscription,
  wait,
] as const;

type Definitions = (typeof STEP_DEFINITIONS)[number];
export type StepKind = Definitions['kind'];
/** A scripted step as a scenario holds it after parsing: one key, the kind, with its params. */
export type Step = Definitions extends infer D
  ? D extends StepDefinition<infer K, infer S>
    ? { [P in K]: z.output<S> }
    : never
  : never;
/** The same before defaults are applied (what a .ts scenario may write). */
export type StepInput = Definitions extends infer D
  ? D extends StepDefinition<infer K, infer S>
    ? { [P in K]: z.input<S> }
    : never
  : never;

const BY_KIND = new Map<string, StepDefinition>(
  STEP_DEFINITIONS.map((d) => [d.kind, d as unknown as StepDefinition]),
);

export function stepDefinition(kind: string): StepDefinition {
  const d = BY_KIND.get(kind);
  if (!d) throw new Error(`unknown step kind "${kind}"`);
  return d;
}

/** A parsed step's kind and params (each step is a one-key object the schema checked). */
export function stepParts(step: Step): [StepDefinition, Record<string, unknown>] {
  const [kind, params] = Object.entries(step)[0] as [string, Record<string, unknown>];
  return [stepDefinition(kind), params];
}
