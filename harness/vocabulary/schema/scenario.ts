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
    .strictObject({ do: ref('action'), label: z.string().optional().describe('Plain words for the path.') })
    .describe('The customer takes a declared action.'),
  z
    .strictObject({
      await: z.strictObject({
        until: conditionSchema.describe('What the customer waits for.'),
        within: businessTimeSchema.describe('How long they wait before it is trouble.'),
        checksEvery: elapsed.optional().describe('How often they look (default: at every change).'),
      }),
    })
    .describe('Wait until the condition holds; trouble if not within the time.'),
  z
    .strictObject({ contact: z.strictObject({ channel: ref('channel'), about: ref('problem') }) })
    .describe('The customer contacts a channel about a problem (staff apply its remedies).'),
  z
    .strictObject({ wait: z.strictObject({ for: businessTimeSchema.describe('How long.') }) })
    .describe('The customer waits; the world runs on.'),
  z
    .strictObject({
      plugin: ref('plugin step'),
      params: z.record(z.string(), z.unknown()).optional().describe('Checked by the plugin’s own schema.'),
    })
    .describe('A step defined in deadend.config.ts.'),
]);

const traitValues = z.record(ref('trait'), z.union([z.boolean(), z.number(), z.string()]));

export const personaSchema = z.strictObject({
  id: id.describe('Its name in expectations (`persona:`) and in reports.'),
  traits: traitValues
    .default({})
    .describe('Trait id → its value for this persona (others take their default).'),
  channels: refs('channel').describe('Channels this customer will use (default: all).'),
});

export const scorecardExpectationSchema = z
  .strictObject({
    moneyLost: z.number().optional().describe('Net money out of the customer’s pocket at the horizon.'),
    maxHeld: z.number().optional().describe('Most money held at any moment (a charge awaiting its refund).'),
    heldDays: z.number().optional().describe('How many days money was held.'),
    merchantFees: z
      .number()
      .optional()
      .describe('Fees the merchant paid (a chargeback): its side, not money lost.'),
    contacts: z
      .record(ref('party or channel'), z.number().int().min(0))
      .optional()
      .describe('Per party (merchant, issuer, …) or channel id.'),
    resolvedBy: instant.optional().describe('When the goal was reached.'),
  })
  .describe('Numbers the scorecard must carry.');

export const findingExpectationSchema = z.union([
  z.string(),
  z.strictObject({
    oracle: z.string().describe('The oracle id (deadend oracles).'),
    names: z
      .array(z.string())
      .default([])
      .describe('Texts the finding must mention (a message kind, a charge tag, a date).'),
    count: z.number().int().positive().optional().describe('Exactly this many such findings.'),
  }),
]);

export const openExpectationSchema = z.strictObject({
  faults: z.array(z.string()).optional().describe('Exactly these fault labels ([] for the run with none).'),
  includes: z.array(z.string()).optional().describe('Any combination with these fault labels.'),
  otherwise: z.literal(true).optional().describe('Any combination no entry above matched.'),
  persona: ref('persona')
    .optional()
    .describe(
      'Only for this named persona; drawn personas (`personas: N`) are covered by entries without it.',
    ),
  outcome: z
    .union([z.enum(OUTCOMES), z.array(z.enum(OUTCOMES)).min(1)])
    .describe(
      'The outcome class the run must have, or a list of those it may have (drawn personas differ: [recovered, dead-end]).',
    ),
  share: z
    .partialRecord(
      z.enum(OUTCOMES),
      z
        .strictObject({
          atLeast: z.number().min(0).max(1).optional().describe('At least this share (0.6 is 60 %).'),
          atMost: z.number().min(0).max(1).optional().describe('At most this share.'),
        })
        .describe('Bounds on the share of the runs this entry covers that end so.'),
    )
    .optional()
    .describe(
      'Over all the runs this entry covers (a Monte Carlo population): the share of each outcome, ' +
        'e.g. { dead-end: { atLeast: 0.6, atMost: 0.8 } }. Reports say the measured share; outside ' +
        'the bounds, every run of the entry misses its expectation.',
    ),
  findings: z
    .array(findingExpectationSchema)
    .optional()
    .describe('The findings the run must have, and no others ([] for none).'),
  scorecard: scorecardExpectationSchema.optional(),
  trace: z
    .array(
      z.strictObject({
        kind: z.string().describe('The event kind (payment.charged).'),
        at: instant.optional().describe('At this instant, in the scenario’s zone.'),
        names: z.array(z.string()).default([]).describe('Texts its text or data must contain.'),
      }),
    )
    .optional()
    .describe('Events that must be in the trace (the charge after she is stuck).'),
  frontier: z.array(z.string()).optional().describe('Texts the dead end’s explanation must contain.'),
});

export const openScenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id.describe('Unique among the scenarios of a run; names its runs.'),
    title: z.string().describe('One line for reports.'),
    story: z.string().optional().describe('The story it comes from (a path), for readers.'),
    merchant: z
      .union([
        ref('merchant profile'),
        z.strictObject({
          profile: ref('merchant profile'),
          capabilities: z
            .record(ref('capability'), z.boolean())
            .optional()
            .describe('Declared capabilities switched for this scenario.'),
          parameters: z
            .record(ref('parameter'), parameterSchema)
            .optional()
            .describe('Declared parameters with other values for this scenario.'),
        }),
      ])
      .describe('The profile (fixtures/merchants/ID.yaml), or it with overrides: a variant without a copy.'),
    customer: z
      .strictObject({
        name: z.string().optional().describe('For reports.'),
        timezone: z.string().optional().describe('IANA zone of the customer; default the merchant’s.'),
        addresses: z
          .partialRecord(
            z.enum(MEDIA),
            z.strictObject({
              current: z.string().describe('Theirs now.'),
              former: z.string().optional().describe('Theirs before; no longer theirs after changedAt.'),
              changedAt: instant.optional().describe('When the former address stopped being theirs.'),
            }),
          )
          .default({})
          .describe('The customer’s own addresses per medium; “former” is no longer theirs.'),
      })
      .default({ addresses: {} })
      .describe('Who the customer is and where messages reach them.'),
    personas: z
      .union([z.number().int().positive().max(10_000), z.array(personaSchema).min(1)])
      .optional()
      .describe(
        'Named personas (each run once per fault combination), or a count drawn by Monte Carlo: each trait from its `distribution` under the seed (its default without one). Without it: one customer with every trait at its default.',
      ),
    start: instant.describe('When the journey starts.'),
    given: z
      .strictObject({
        facts: refs('fact').describe('Facts true at the start (beside those `initially` true).'),
        records: z
          .array(
            z.strictObject({
              record: ref('record'),
              in: ref('system'),
              value: z.string().optional().describe('current/former (an address of the customer) or text.'),
            }),
          )
          .default([])
          .describe('Records written in systems before the start.'),
        processes: refs('process').describe('Processes running at the start.'),
        charges: z
          .array(
            z.strictObject({
              tag: declares('charge tag'),
              amount: amountSchema,
              at: instant.describe('When it was charged (before the start).'),
            }),
          )
          .default([])
          .describe('Charges made before the journey (the purchase being returned).'),
      })
      .optional()
      .describe('How the world is when the journey starts.'),
    goal: z
      .strictObject({
        description: z.string().describe('What the customer wants, in their words.'),
        when: conditionSchema.describe('The goal is reached when this holds.'),
        deadline: instant.describe('By when.'),
        judged: z
          .enum(['reached-by-deadline', 'holds-at-deadline'])
          .default('reached-by-deadline')
          .describe('holds-at-deadline: a state that must still be true then ("the account still exists").'),
        worth: amountSchema
          .optional()
          .describe('What reaching the goal was worth to the customer (default: the price involved).'),
      })
      .describe('What the customer wants and by when.'),
    horizon: z
      .union([instant, z.strictObject({ afterDeadline: elapsed })])
      .optional()
      .describe('The world runs on to here (default: the deadline).'),
    steps: z.array(openStepSchema).min(1).describe('The customer’s plan, in order.'),
    faults: z
      .array(
        z.strictObject({
          id: z.string().optional().describe('The label expectations use (default: the fault id).'),
          fault: z.string().describe('A fault over the vocabulary (deadend faults).'),
          params: z
            .record(z.string(), z.unknown())
            .default({})
            .describe('Checked by the fault’s own schema.'),
          window: z
            .strictObject({
              from: instant.optional().describe('From this instant.'),
              until: instant.optional().describe('Until this instant.'),
            })
            .optional()
            .describe('When the fault is active (default: always).'),
          times: z.number().int().positive().optional().describe('At most this many occurrences.'),
        }),
      )
      .default([])
      .describe('Faults the run matrix combines (up to explore.maxFaults at a time).'),
    explore: z
      .strictObject({
        maxFaults: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('Most faults in one combination (default: all).'),
        maxActions: z
          .number()
          .int()
          .positive()
          .default(14)
          .describe('Most recovery actions on one path the explorer tries.'),
      })
      .optional()
      .describe('Bounds of the run matrix and of the recovery search.'),
    expect: z
      .array(openExpectationSchema)
      .min(1)
      .describe('The outcome per fault combination (and persona); the first entry that matches applies.'),
  })
  .describe('A scenario over an open-vocabulary merchant.');

export type VocabularyFile = z.infer<typeof vocabularyFileSchema>;
export type OpenMerchantProfile = z.infer<typeof openMerchantProfileSchema>;
export type OpenScenario = z.infer<typeof openScenarioSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Process = z.infer<typeof processSchema>;
export type Channel = z.infer<typeof channelSchema>;
