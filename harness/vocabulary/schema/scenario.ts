/**
 * The scenario side: steps, personas and expectations over an open-vocabulary merchant.
 * Part of the open-vocabulary proposal (issue 12); index.ts is its entry.
 */
import { z } from 'zod';
import { OUTCOMES } from '../../core/contract.ts';
import {
  type actionSchema,
  type channelSchema,
  MEDIA,
  type openMerchantProfileSchema,
  parameterSchema,
  type processSchema,
  type vocabularyFileSchema,
} from './declarations.ts';
import {
  amountSchema,
  businessTimeSchema,
  conditionSchema,
  declares,
  elapsed,
  id,
  instant,
  ref,
  refs,
} from './terms.ts';

// ── the scenario side ─────────────────────────────────────────────────────────────────────

export const openStepSchema = z.union([
  z
    .strictObject({ do: ref('action'), label: z.string().optional() })
    .describe('The customer takes a declared action.'),
  z
    .strictObject({
      await: z.strictObject({
        until: conditionSchema,
        within: businessTimeSchema,
        checksEvery: elapsed.optional(),
      }),
    })
    .describe('Wait until the condition holds; trouble if not within the time.'),
  z.strictObject({ contact: z.strictObject({ channel: ref('channel'), about: ref('problem') }) }),
  z.strictObject({ wait: z.strictObject({ for: businessTimeSchema }) }),
  z.strictObject({ plugin: ref('plugin step'), params: z.record(z.string(), z.unknown()).optional() }),
]);

const traitValues = z.record(ref('trait'), z.union([z.boolean(), z.number(), z.string()]));

export const personaSchema = z.strictObject({
  id,
  traits: traitValues.default({}),
  channels: refs('channel').describe('Channels this customer will use (default: all).'),
});

export const scorecardExpectationSchema = z
  .strictObject({
    moneyLost: z.number().optional().describe('Net money out of the customer’s pocket at the horizon.'),
    maxHeld: z.number().optional().describe('Most money held at any moment (a charge awaiting its refund).'),
    heldDays: z.number().optional(),
    merchantFees: z.number().optional(),
    contacts: z
      .record(ref('party or channel'), z.number().int().min(0))
      .optional()
      .describe('Per party (merchant, issuer, …) or channel id.'),
    resolvedBy: instant.optional(),
  })
  .describe('Numbers the scorecard must carry.');

export const findingExpectationSchema = z.union([
  z.string(),
  z.strictObject({
    oracle: z.string(),
    names: z
      .array(z.string())
      .default([])
      .describe('Texts the finding must mention (a message kind, a charge tag, a date).'),
    count: z.number().int().positive().optional(),
  }),
]);

export const openExpectationSchema = z.strictObject({
  faults: z.array(z.string()).optional(),
  includes: z.array(z.string()).optional(),
  otherwise: z.literal(true).optional(),
  persona: ref('persona').optional().describe('Only for this named persona.'),
  outcome: z.enum(OUTCOMES),
  findings: z.array(findingExpectationSchema).optional(),
  scorecard: scorecardExpectationSchema.optional(),
  trace: z
    .array(
      z.strictObject({ kind: z.string(), at: instant.optional(), names: z.array(z.string()).default([]) }),
    )
    .optional()
    .describe('Events that must be in the trace (the charge after she is stuck).'),
  frontier: z.array(z.string()).optional().describe('Texts the dead end’s explanation must contain.'),
});

export const openScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    title: z.string(),
    story: z.string().optional(),
    merchant: z.union([
      id,
      z.strictObject({
        profile: id,
        capabilities: z.record(ref('capability'), z.boolean()).optional(),
        parameters: z.record(ref('parameter'), parameterSchema).optional(),
      }),
    ]),
    customer: z
      .strictObject({
        name: z.string().optional(),
        timezone: z.string().optional(),
        addresses: z
          .partialRecord(
            z.enum(MEDIA),
            z.strictObject({
              current: z.string(),
              former: z.string().optional(),
              changedAt: instant.optional(),
            }),
          )
          .default({})
          .describe('The customer’s own addresses per medium; “former” is no longer theirs.'),
      })
      .default({ addresses: {} }),
    personas: z.union([z.number().int().positive().max(10_000), z.array(personaSchema).min(1)]).default(1),
    start: instant,
    given: z
      .strictObject({
        facts: refs('fact'),
        records: z
          .array(z.strictObject({ record: ref('record'), in: ref('system'), value: z.string().optional() }))
          .default([]),
        processes: refs('process'),
        charges: z
          .array(z.strictObject({ tag: declares('charge tag'), amount: amountSchema, at: instant }))
          .default([])
          .describe('Charges made before the journey (the purchase being returned).'),
      })
      .optional(),
    goal: z.strictObject({
      description: z.string(),
      when: conditionSchema,
      deadline: instant,
      judged: z
        .enum(['reached-by-deadline', 'holds-at-deadline'])
        .default('reached-by-deadline')
        .describe('holds-at-deadline: a state that must still be true then ("the account still exists").'),
      worth: amountSchema
        .optional()
        .describe('What reaching the goal was worth to the customer (default: the price involved).'),
    }),
    horizon: z
      .union([instant, z.strictObject({ afterDeadline: elapsed })])
      .optional()
      .describe('The world runs on to here (default: the deadline).'),
    steps: z.array(openStepSchema).min(1),
    faults: z
      .array(
        z.strictObject({
          id: z.string().optional(),
          fault: z.string(),
          params: z.record(z.string(), z.unknown()).default({}),
          window: z.strictObject({ from: instant.optional(), until: instant.optional() }).optional(),
          times: z.number().int().positive().optional(),
        }),
      )
      .default([]),
    explore: z
      .strictObject({
        maxFaults: z.number().int().min(0).optional(),
        maxActions: z.number().int().positive().default(14),
      })
      .optional(),
    expect: z.array(openExpectationSchema).min(1),
  })
  .describe('A scenario over an open-vocabulary merchant.');

export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;
export type OpenMerchantProfile = z.infer<typeof openMerchantProfileSchema>;
export type OpenScenario = z.infer<typeof openScenarioSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Process = z.infer<typeof processSchema>;
export type Channel = z.infer<typeof channelSchema>;
