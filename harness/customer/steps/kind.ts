/**
 * What a step kind is: one definition holds everything about it — its params as a zod schema
 * (the scenario format composes these), how a scripted step is planned (its label and the
 * facts that mean it is done), how it runs against the world, what it costs the customer and
 * what in the merchant profile it refers to (checked at load time with file:line:col).
 */
import { z } from 'zod';
import type { RunEnv } from '../../core/runEnv.ts';
import type { World } from '../../core/world.ts';
import type { Capability, MailKind, Problem } from '../../merchant/profile.ts';
import type { MissingSelfService, StepResult, Trouble } from '../common/trouble.ts';

export const idField = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "key-quarantined"');
export const durationField = z
  .string()
  .describe('A length of time: ISO-8601 (PT2H, P3D), short (30m, 4h, 2d) or words ("2 business days").');
export const instantField = z
  .string()
  .describe('Local date-time in the customer’s time zone, e.g. 2025-12-24T17:30, or with an offset.');
/** Items in one order or purchase (docs/scenario-guide.md, "Limits"). */
export const MAX_QUANTITY = 1000;

export interface PlannedStep {
  kind: string;
  label: string;
  product: string;
  mailKind?: MailKind;
  channel?: string;
  orderChannel?: 'web' | 'store' | 'phone';
  shipping?: 'standard' | 'rush';
  quantity?: number;
  about?: Problem;
  /** For waits: how long; for awaits: how long the customer waits. */
  waitMs?: number;
  /** For await-delivery with a fixed date. */
  by?: number;
  /** Facts that mean this step has nothing left to do. */
  provides: string[];
}

/** A scenario made ready to run (customer/journey.ts plans it). */
export interface Journey {
  start: number;
  deadline: number;
  zone: string;
  needs: string[];
  steps: PlannedStep[];
  afterwards: PlannedStep[];
  patienceMs: number;
  followUpMs: number;
  effortBudgetMinutes: number;
  maxActions: number;
  checksSpam: boolean;
  channels: string[];
}

/** What planning a step may use: its product (given, or the last one named), the zone, durations. */
export interface PlanContext {
  product: string;
  zone: string;
  /** A duration as the planner reads it (business days as 24-hour days; see journey.ts). */
  elapsed(text: string): number;
  instant(text: string): number;
}

/** The references a step's params make, each checked against the merchant at load time. */
export interface StepReferences {
  product(id: string | undefined, param: string): void;
  salesChannel(channel: string, param: string): void;
  supportChannel(channel: string, param: string): void;
  duration(text: string | undefined, param: string): void;
  instant(text: string | undefined, param: string): void;
}

export interface StepDefinition<K extends string = string, S extends z.ZodType = z.ZodType> {
  kind: K;
  /** The step's params (the value under its one key in a scenario file). */
  params: S;
  /** For scenario authors: the JSON Schema's description. */
  description: string;
  /** Minutes of the customer's own time each attempt costs. */
  effort: number;
  /** The merchant capabilities that change what this step does (the what-if's candidates). */
  capabilities?: readonly Capability[];
  /** The planned step's label and facts (no facts: the step is never skipped as done). */
  plan(
    params: z.output<S>,
    ctx: PlanContext,
  ): Omit<PlannedStep, 'kind' | 'product' | 'provides'> & {
    provides?: string[];
  };
  run(world: World, env: RunEnv, step: PlannedStep, retry: boolean): StepResult;
  /** Names the params that refer to the merchant profile, calendars or time. */
  references?(params: z.output<S>, check: StepReferences): void;
  /** A self-service way out this step would give and the merchant lacks (the gap report). */
  missing?(env: RunEnv, trouble: Trouble): MissingSelfService[];
}

/** Types `plan` and `references` by the step's params schema. */
export const defineStep = <K extends string, S extends z.ZodType>(d: StepDefinition<K, S>) => d;
