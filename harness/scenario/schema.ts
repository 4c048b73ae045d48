/**
 * The scenario format: one customer journey, its fault space and what is expected of it.
 * This zod schema is the single source: `deadend validate`, the loader and the JSON Schema
 * that editors use (schema/scenario.schema.json) all come from it.
 */
import { z } from 'zod';
import { CAPABILITIES, OUTCOMES } from '../core/vocabulary.ts';
import { STEP_DEFINITIONS, type Step, type StepInput } from '../customer/steps/index.ts';
import { durationField, idField, instantField } from '../customer/steps/kind.ts';
import { MAX_FAULTS, MAX_QUANTITY, MAX_STEPS } from './limits.ts';
import { DEFAULT_CUSTOMERS, EXPLORE_MODES, populationSchema } from './population.ts';

const id = idField;
const duration = durationField;
const instant = instantField;

export { MAIL_KINDS, type MailKind } from '../core/vocabulary.ts';

export const FACT_PATTERN =
  /^(licence|installed|delivered|active|ordered|refunded|cancelled):[a-z0-9][a-z0-9-]*$|^(logged-in|statement)$/;

const step = <K extends string, S extends z.ZodType>(key: K, params: S, description: string) =>
  z.strictObject({ [key]: params } as { [P in K]: S }).describe(description);

/** One key per step kind (customer/steps/), with that kind's params. */
export const stepSchema = z.union(
  STEP_DEFINITIONS.map((d) => step(d.kind, d.params, d.description)) as unknown as [
    z.ZodType,
    ...z.ZodType[],
  ],
) as unknown as z.ZodType<Step, StepInput>;
export type { Step } from '../customer/steps/index.ts';
export const STEP_KINDS: string[] = STEP_DEFINITIONS.map((d) => d.kind);

export const traitsSchema = z
  .strictObject({
    checksSpam: z.boolean().default(true).describe('Looks in the spam folder when a mail does not come.'),
    patience: duration
      .default('P14D')
      .describe('How long the customer keeps trying after the first problem.'),
    followUpAfter: duration
      .default('PT1H')
      .describe('How long the customer lets a problem rest before the next recovery attempt.'),
    effortBudgetHours: z.number().positive().default(8).describe('Hours of their own time they will spend.'),
    channels: z
      .array(z.enum(['email', 'phone', 'chat', 'store', 'web-form']))
      .default(['email', 'phone', 'chat', 'store', 'web-form'])
      .describe('Support channels this customer is willing to use.'),
    typosEmail: z.boolean().default(false).describe('Mistypes their e-mail address at checkout.'),
  })
  .describe('How the customer behaves when something goes wrong.');
export type Traits = z.infer<typeof traitsSchema>;

// A label is a fault use's `id` or, without one, the fault's name, which has a dot ("mail.spam-foldered").
const label = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]*$/,
    'a fault label: the `id` of a fault use, or its fault name, e.g. "mail.spam-foldered"',
  );

export const faultUseSchema = z
  .strictObject({
    id: label.optional().describe('Label for this fault in the scenario (defaults to the fault name).'),
    fault: z.string().describe('A fault from the catalogue (`deadend faults`).'),
    params: z.record(z.string(), z.unknown()).default({}).describe('The fault’s parameters.'),
    window: z
      .strictObject({ from: instant.optional(), until: instant.optional() })
      .optional()
      .describe('When the fault is active (default: the whole run).'),
    probability: z.number().min(0).max(1).default(1).describe('Chance that each matching occurrence is hit.'),
    times: z.number().int().positive().optional().describe('Only the first N matching occurrences are hit.'),
  })
  .describe('A fault to inject.');
export type FaultUse = z.infer<typeof faultUseSchema>;

const findingList = z
  .array(z.string())
  .describe('Oracles expected to fire (`deadend oracles`); others then fail.');

export const expectationSchema = z
  .strictObject({
    faults: z.array(label).optional().describe('This exact fault combination ([] = no fault).'),
    includes: z.array(label).optional().describe('Any combination that includes all of these faults.'),
    otherwise: z.literal(true).optional().describe('Every combination not matched above.'),
    outcome: z.enum(OUTCOMES),
    findings: findingList.optional(),
  })
  .describe('Expected outcome for some fault combinations; the first matching entry applies.');
export type ExpectationRule = z.infer<typeof expectationSchema>;

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id,
    title: z.string(),
    story: z.string().optional().describe('Where the journey comes from (a seed story, an incident).'),
    merchant: z
      .union([
        id,
        z.strictObject({
          profile: id,
          capabilities: z.partialRecord(z.enum(CAPABILITIES), z.boolean()).optional(),
          policies: z.record(z.string(), z.unknown()).optional(),
        }),
      ])
      .describe('Merchant profile id (fixtures/merchants/ID.yaml), optionally with capabilities switched.'),
    customer: z
      .strictObject({
        name: z.string().optional(),
        email: z.string().optional(),
        timezone: z.string().optional().describe('IANA zone; defaults to the merchant’s.'),
        traits: traitsSchema.default(traitsSchema.parse({})),
        population: populationSchema.optional(),
      })
      .default({ traits: traitsSchema.parse({}) }),
    personas: z
      .number()
      .int()
      .positive()
      .max(10_000)
      .default(1)
      .describe('How many personas (faker) per combination.'),
    start: instant,
    goal: z.strictObject({
      description: z.string(),
      needs: z
        .array(z.string().regex(FACT_PATTERN, 'a fact like "licence:converter-lite", "delivered:gift-mug"'))
        .min(1),
      deadline: instant,
    }),
    given: z
      .array(
        z.strictObject({
          owns: id,
          channel: z.enum(['web', 'store', 'phone']).default('web'),
          at: instant,
          quantity: z.number().int().positive().max(MAX_QUANTITY).default(1),
        }),
      )
      .default([])
      .describe('Purchases made before the journey starts.'),
    steps: z.array(stepSchema).min(1).max(MAX_STEPS),
    afterwards: z
      .array(stepSchema)
      .max(MAX_STEPS)
      .default([])
      .describe('Steps after the goal is reached (complaints, feedback).'),
    faults: z.array(faultUseSchema).max(MAX_FAULTS).default([]),
    explore: z
      .strictObject({
        maxFaults: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('Largest fault combination to try (default: all).'),
        maxActions: z.number().int().positive().default(14).describe('Longest recovery path searched.'),
        strategy: z
          .enum(['all', 'pairwise', 'smallest-failing'])
          .optional()
          .describe(
            'Which fault combinations run (default all): all of them up to maxFaults; pairwise, every two faults together and apart; smallest-failing, by size, skipping supersets of a dead end when monotone.',
          ),
        monotone: z
          .boolean()
          .optional()
          .describe(
            'The faults only ever make things worse: a combination containing a dead end dead-ends too (lets smallest-failing skip it).',
          ),
        mode: z
          .enum(EXPLORE_MODES)
          .optional()
          .describe(
            'exhaustive (default): every fault combination; monte-carlo: customers drawn with the fault probabilities and the population.',
          ),
        customers: z
          .number()
          .int()
          .positive()
          .max(10_000_000)
          .optional()
          .describe(`Monte Carlo: customers simulated (default ${DEFAULT_CUSTOMERS}).`),
        precision: z
          .number()
          .positive()
          .max(0.5)
          .optional()
          .describe(
            'Monte Carlo: stop once every outcome share is known to ± this (95% interval half-width).',
          ),
      })
      .default({ maxActions: 14 }),
    expect: z.array(expectationSchema).min(1),
  })
  .describe('A deadend scenario: one customer journey, its faults and expected outcomes.');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;

/** For scenarios written in TypeScript: types and editor help, validated like YAML. */
export function defineScenario(scenario: ScenarioInput): ScenarioInput {
  return scenario;
}
