/**
 * PROPOSAL (issue 12, under implementation): the open vocabulary — message kinds, channels,
 * parties, systems, records, facts, traits, actions, scheduled processes and commitments
 * declared as data in a merchant profile or a shared vocabulary file, and the scenario fields
 * that use them. Not wired into the loader yet; docs/proposals/open-vocabulary.md gives the
 * semantics. Every reference here is a plain id: `deadend validate` resolves each one against
 * the declarations (with file:line:col and a did-you-mean), so the zod layer checks shape only.
 */
import { z } from 'zod';
import { calendarSchema } from '../clock/calendarSchema.ts';
import { OUTCOMES } from '../core/contract.ts';
import { productSchema } from '../merchant/profile.ts';

// ── primitives ─────────────────────────────────────────────────────────────────────────────

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "backup-codes-saved"');
/** A reference to something declared elsewhere; validate resolves it (kind given in describe). */
const ref = (what: string) => id.describe(`The id of a declared ${what}.`);
const refs = (what: string) => z.array(ref(what)).default([]);
const instant = z
  .string()
  .describe('Local date-time in the customer’s time zone, e.g. 2026-03-14T10:00, or with an offset.');
const elapsed = z
  .string()
  .describe('Elapsed time: ISO-8601 (PT2H, P3D) or short (30m, 4h, 2d). 24-hour days, no calendar.');

/**
 * A length of time that may count in a calendar: "3 days" is elapsed, "2 business days" and
 * "2 open days" count in the calendar that applies (the element's own `calendar`, else its
 * channel's or party's); validate rejects a business duration where no calendar applies.
 * The object form names the calendar outright; `param` reads a profile parameter.
 */
export const businessTimeSchema = z.union([
  z
    .string()
    .describe(
      'e.g. "2 business days", "3-5 business days" (a range: its upper end unless a fault says otherwise), "PT30M".',
    ),
  z.strictObject({ length: z.string(), calendar: ref('calendar') }),
  z.strictObject({ param: ref('parameter') }),
  z
    .strictObject({ trait: ref('trait') })
    .describe('A duration trait of the persona (how often they sign in).'),
]);
export type BusinessTime = z.infer<typeof businessTimeSchema>;

/** An amount in the profile's currency. */
export const amountSchema = z.union([
  z.number().nonnegative(),
  z.strictObject({ price: ref('product') }).describe('The listed price of a product.'),
  z.strictObject({ renewalPrice: ref('product') }),
  z.strictObject({ charge: ref('charge tag') }).describe('The amount of an earlier charge with this tag.'),
  z.strictObject({ param: ref('parameter') }),
]);
export type Amount = z.infer<typeof amountSchema>;

// ── conditions: preconditions, goals, process guards ──────────────────────────────────────

export type Condition =
  | { fact: string }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] }
  | { trait: string; is?: boolean | number | string; atLeast?: number; atMost?: number }
  | { capability: string }
  | { open: string }
  | { visible: { record: string; on: string } }
  | { knows: string }
  | { has: { message: string; via?: string } }
  | { money: { net?: Bounds; held?: Bounds; charges?: { tag?: string; atLeast?: number; atMost?: number } } }
  | { plugin: string; params?: Record<string, unknown> };
type Bounds = { atMost?: Amount; atLeast?: Amount };

const bounds = z.strictObject({ atMost: amountSchema.optional(), atLeast: amountSchema.optional() });

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: ref('fact') }).describe('The fact holds.'),
    z.strictObject({ not: conditionSchema }).describe('The condition does not hold.'),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z
      .strictObject({
        trait: ref('trait'),
        is: z.union([z.boolean(), z.number(), z.string()]).optional(),
        atLeast: z.number().optional(),
        atMost: z.number().optional(),
      })
      .describe('A persona trait: a boolean (default is: true) or a number within bounds.'),
    z.strictObject({ capability: ref('capability') }).describe('The merchant has this capability on.'),
    z.strictObject({ open: ref('channel') }).describe('The channel is open now (its calendar, faults).'),
    z
      .strictObject({ visible: z.strictObject({ record: ref('record'), on: ref('channel or system') }) })
      .describe('Staff on this channel (or this system) can see the current copy of the record.'),
    z.strictObject({ knows: ref('fact') }).describe('The customer has learned that the fact holds.'),
    z
      .strictObject({ has: z.strictObject({ message: ref('message kind'), via: ref('channel').optional() }) })
      .describe('The customer has seen a message of this kind (in an inbox, on a phone, in the app).'),
    z
      .strictObject({
        money: z.strictObject({
          net: bounds
            .optional()
            .describe('Net money out of the customer’s pocket (charges − refunds − credits).'),
          held: bounds.optional().describe('Charged and not yet refunded at this moment.'),
          charges: z
            .strictObject({
              tag: ref('charge tag').optional(),
              atLeast: z.number().int().min(0).optional().describe('At least this many charges.'),
              atMost: z.number().int().min(0).optional(),
            })
            .optional(),
        }),
      })
      .describe('Money, counted from the payment model.'),
    z
      .strictObject({ plugin: ref('plugin condition'), params: z.record(z.string(), z.unknown()).optional() })
      .describe('A condition defined in deadend.config.ts with defineOracle/defineStep helpers.'),
  ]),
);

// ── effects: what an action or a process step changes ─────────────────────────────────────

const addressSchema = z
  .union([
    z.enum(['current', 'former', 'on-record']),
    z.strictObject({ record: ref('record'), in: ref('system') }),
  ])
  .describe(
    'current/former: the customer’s own address for the channel’s medium; on-record (default): the copy the sending system holds; or an explicit record copy.',
  );

export const effectSchema = z.union([
  z.strictObject({ set: ref('fact') }).describe('The fact becomes true.'),
  z.strictObject({ clear: ref('fact') }).describe('The fact becomes false.'),
  z
    .strictObject({
      send: z.strictObject({
        message: ref('message kind'),
        via: ref('channel'),
        to: addressSchema.default('on-record'),
      }),
    })
    .describe('Send a message; faults on the message kind and channel apply.'),
  z
    .strictObject({
      write: z.strictObject({
        record: ref('record'),
        in: ref('system'),
        value: z
          .union([z.string(), z.strictObject({ record: ref('record'), in: ref('system') })])
          .optional()
          .describe('current/former (the customer’s addresses), text, or a copy of another system’s record.'),
      }),
    })
    .describe(
      'Write the record in a system (a booking, an address). Other systems see it only through sharing or a sync process.',
    ),
  z.strictObject({ promise: ref('commitment') }).describe('The channel gives the customer this commitment.'),
  z
    .strictObject({
      charge: z.strictObject({ tag: id, amount: amountSchema, settles: businessTimeSchema.optional() }),
    })
    .describe('Charge the customer’s card. The tag names the charge for refunds, disputes and findings.'),
  z
    .strictObject({
      refund: z.strictObject({
        of: ref('charge tag'),
        amount: amountSchema.optional().describe('Default: the whole charge.'),
        reaches: businessTimeSchema
          .optional()
          .describe('Until the money is back on the card (held until then).'),
      }),
    })
    .describe('Refund a charge.'),
  z
    .strictObject({
      credit: z.strictObject({
        tag: id,
        amount: amountSchema,
        as: z.enum(['account', 'voucher']).default('account'),
      }),
    })
    .describe('Credit the customer (counts against net money lost only when spendable before the horizon).'),
  z
    .strictObject({
      dispute: z.strictObject({
        of: ref('charge tag'),
        with: ref('party'),
        decides: businessTimeSchema,
        outcome: z.enum(['refund', 'reject']).default('refund'),
      }),
    })
    .describe('Open a dispute with a party (a card issuer); its decision is scheduled.'),
  z
    .strictObject({
      fee: z.strictObject({
        amount: amountSchema,
        payer: z.enum(['merchant', 'customer']),
        to: ref('party').optional(),
        why: z.string(),
      }),
    })
    .describe('A fee; the merchant’s fees are on the merchant’s side of the scorecard, not in money lost.'),
  z.strictObject({ start: ref('process') }).describe('Start a scheduled process (e.g. hold-then-cancel).'),
  z
    .strictObject({ stop: ref('process') })
    .describe('Stop a running process (e.g. dunning once the card is updated).'),
  z
    .strictObject({ tell: ref('fact') })
    .describe('The customer learns that the fact holds (counts as telling them).'),
  z
    .strictObject({ say: ref('reason') })
    .describe('Staff state a reason (the channel’s `explains` gives the words).'),
  z
    .strictObject({ redirect: ref('channel') })
    .describe('Send the customer to another channel instead of helping (ping-pong).'),
  z
    .strictObject({
      ship: z.strictObject({ route: ref('route'), delivered: z.array(ref('fact')).default([]) }),
    })
    .describe('Put a parcel on a route; each hop scanned is traced, the last sets `delivered`.'),
  z.strictObject({ plugin: ref('plugin action'), params: z.record(z.string(), z.unknown()).optional() }),
]);
export type Effect = z.infer<typeof effectSchema>;

// ── the declarations ──────────────────────────────────────────────────────────────────────

export const messageKindSchema = z
  .strictObject({
    id,
    name: z.string().describe('What the customer would call it ("sign-in code").'),
    carries: z
      .array(z.enum(['secret', 'personal-data']))
      .default([])
      .describe('secret: a key, a code, a link that grants access; personal-data: name, address, history.'),
    tells: refs('fact').describe('Facts this message tells the customer of (for silent-failure).'),
    about: z
      .enum(['order', 'account', 'subscription', 'other'])
      .default('other')
      .describe('What a zombie-notice finding relates it to.'),
  })
  .describe('A kind of message the business sends.');

export const MEDIA = ['email', 'phone-number', 'postal', 'account', 'in-person'] as const;

const channelBase = {
  id,
  name: z.string().optional().describe('Shown as written (never re-cased), e.g. "SMS", "Web chat".'),
  kind: z.string().describe('Any kind: email, sms, chat, phone, store, in-app, post, web-form, …'),
  medium: z
    .enum(MEDIA)
    .describe(
      'How it reaches the customer: which of their addresses a message uses; in-person needs a visit.',
    ),
  calendar: ref('calendar').optional().describe('Opening hours; omit for always open (an SMS gateway).'),
  responseTime: businessTimeSchema
    .default('PT30M')
    .describe('Until the answer (asynchronous) or the contact’s length (live).'),
  contactEffort: elapsed
    .optional()
    .describe('Customer time per contact beyond the response (travel to a store).'),
  sees: refs('system').describe('Systems whose records staff on this channel can look up.'),
  remedies: refs('action').describe('Staff actions offered on this channel.'),
  redirects: z
    .record(
      id,
      z.union([
        ref('channel'),
        z.strictObject({
          to: ref('channel'),
          tells: refs('fact').describe('What the customer learns from it.'),
        }),
      ]),
    )
    .default({})
    .describe('Problem → channel this one sends the customer to when none of its remedies applies.'),
  explains: z
    .record(id, z.string())
    .default({})
    .describe(
      'Reason id → the words staff here use. A reason without words is said as the reason’s own `says`.',
    ),
  talksTo: z
    .enum(['anyone', 'account-holder', 'sender-of-record'])
    .default('anyone')
    .describe('sender-of-record: a carrier that talks only to the shop.'),
};

export const channelSchema = z
  .strictObject({ ...channelBase, party: ref('party').optional().describe('Default: the merchant.') })
  .describe('A channel of the merchant or of a party: inbound contacts, outbound messages, or both.');

export const systemSchema = z
  .strictObject({
    id,
    name: z.string().optional(),
    party: ref('party').optional(),
    sharesWith: refs('system').describe('Live sharing: these systems see this one’s records at once.'),
  })
  .describe('A system of record. Without sharing or a sync process, two systems are silos.');

export const partySchema = z
  .strictObject({
    id,
    name: z.string(),
    role: z.string().describe('Free text: card issuer, carrier, repair partner, manufacturer.'),
    calendar: ref('calendar')
      .optional()
      .describe('Default calendar for its channels and business durations.'),
  })
  .describe('A party outside the merchant; its channels, systems and actions name it in `party:`.');

export const recordSchema = z
  .strictObject({
    id,
    description: z.string(),
    master: ref('system').describe('Where it is written first.'),
    value: z.enum(['flag', 'address', 'text']).default('flag'),
    customerRelevant: z.boolean().default(false),
  })
  .describe('A piece of data kept in systems (a booking, an address copy, a web order).');

export const factSchema = z
  .strictObject({
    id,
    description: z.string(),
    initially: z.boolean().default(false),
    customerRelevant: z
      .boolean()
      .default(false)
      .describe(
        'A change of it that no message, page or staff contact tells the customer of is a silent failure.',
      ),
    shownOn: refs('channel').describe(
      'Channels (an order page, the app) where the customer can see it if they look.',
    ),
  })
  .describe('A named state of the world: trial-cancelled, account-suspended, order-ready.');

export const traitSchema = z
  .strictObject({
    id,
    description: z.string(),
    type: z.enum(['boolean', 'duration', 'probability', 'number']),
    default: z.union([z.boolean(), z.number(), z.string()]),
    distribution: z
      .union([
        z.strictObject({ bernoulli: z.number().min(0).max(1) }),
        z.strictObject({ uniform: z.tuple([z.number(), z.number()]) }),
        z.strictObject({ normal: z.strictObject({ mean: z.number(), sd: z.number().positive() }) }),
        z.strictObject({
          choice: z
            .array(
              z.strictObject({
                value: z.union([z.boolean(), z.number(), z.string()]),
                weight: z.number().positive(),
              }),
            )
            .min(1),
        }),
      ])
      .optional()
      .describe('How Monte Carlo mode draws it; fixed personas use `default` or the scenario’s value.'),
  })
  .describe('A persona trait a team defines; actions and processes test it with { trait: id }.');

export const reasonSchema = z
  .strictObject({
    id,
    says: z.string().describe('Plain words, used where a channel has no `explains` entry.'),
  })
  .describe('An internal reason code and its plain-language default.');

export const problemSchema = z
  .strictObject({
    id,
    when: conditionSchema.describe('The customer has this problem while the condition holds.'),
    says: z.string().describe('How the customer would put it ("I cannot sign in").'),
  })
  .describe('A problem a customer can bring to a channel.');

export const actionSchema = z
  .strictObject({
    id,
    label: z.string().describe('Plain words for paths and the gap report: "sign in with a backup code".'),
    by: z.enum(['customer', 'staff']).describe('customer: self-service; staff: a remedy on a channel.'),
    on: ref('channel')
      .optional()
      .describe(
        'Customer: the channel used (web, app, store). Staff: implied by the channels whose `remedies` list it.',
      ),
    about: refs('problem').describe('Problems it addresses; staff actions run when the customer raises one.'),
    requires: conditionSchema.optional(),
    effects: z.array(effectSchema).min(1),
    takes: businessTimeSchema
      .default('PT5M')
      .describe('Until the effects happen (an identity check: "2 business days").'),
    effort: elapsed.default('PT5M').describe('The customer’s own time.'),
    cost: amountSchema.default(0).describe('Money it costs the customer (postage, travel).'),
    limit: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('At most this many times per run (ten backup codes).'),
    capability: ref('capability')
      .optional()
      .describe('Only offered when this capability is on (and the what-if can switch it on).'),
  })
  .describe('Something the customer or staff can do; the explorer searches these.');

const processStepSchema = z.strictObject({
  after: businessTimeSchema.describe('Since the process started (or since `every`’s last run).'),
  when: conditionSchema.optional().describe('Skipped when false at that moment.'),
  do: z.array(effectSchema).min(1),
  label: z.string().optional(),
});

export const processSchema = z
  .strictObject({
    id,
    label: z.string(),
    starts: z
      .union([
        z.strictObject({ at: instant }),
        z.strictObject({ on: ref('fact') }).describe('When the fact becomes true.'),
        z.literal('manually').describe('Only by a { start: id } effect.'),
      ])
      .describe('When the timer starts. Processes run whether or not the customer is stuck.'),
    calendar: ref('calendar').optional(),
    steps: z.array(processStepSchema).min(1),
    every: businessTimeSchema
      .optional()
      .describe('Repeat the steps (a weekly sync, a nightly hand-off) until the horizon.'),
    stopsWhen: conditionSchema.optional(),
    party: ref('party').optional(),
    actor: z
      .enum(['business', 'customer'])
      .default('business')
      .describe('customer: a routine of the persona (signs in every few days); paused by customer.away.'),
  })
  .describe('A scheduled process: trial conversion, renewal, dunning, hold-then-cancel, deletion, sync.');

export const commitmentSchema = z
  .strictObject({
    id,
    says: z.string().describe('The promise in the customer’s words: "a courier on Tuesday".'),
    recordedIn: z
      .strictObject({ record: ref('record'), in: ref('system') })
      .describe('Where it must be kept.'),
    due: businessTimeSchema.describe('Since it was given.'),
    keptWhen: conditionSchema,
  })
  .describe('A promise a channel can make; broken-promise fires when it is not recorded or not kept.');

export const routeSchema = z
  .strictObject({
    id,
    hops: z
      .array(
        z.strictObject({
          id,
          party: ref('party').optional(),
          takes: businessTimeSchema,
          scans: ref('fact').optional(),
        }),
      )
      .min(1),
  })
  .describe('A shipment route; order.lost-in-transit names one of its hops.');

const parameterSchema = z.union([z.number(), z.string(), z.boolean()]);

/** Everything a vocabulary file may declare; a merchant profile declares the same and more. */
const declarations = {
  include: z
    .array(id)
    .default([])
    .describe('Vocabulary files (fixtures/vocabularies/ID.yaml) merged in; a duplicate id is an error.'),
  calendars: z
    .array(calendarSchema)
    .default([])
    .describe('Calendars of this business (or ids in fixtures/calendars).'),
  parameters: z
    .record(id, parameterSchema)
    .default({})
    .describe('Named values ({ param: id }) a scenario can override.'),
  capabilities: z
    .record(id, z.boolean())
    .default({})
    .describe('Declared switches; the seed five keep their names.'),
  messages: z.array(messageKindSchema).default([]),
  channels: z.array(channelSchema).default([]),
  parties: z.array(partySchema).default([]),
  systems: z.array(systemSchema).default([]),
  records: z.array(recordSchema).default([]),
  facts: z.array(factSchema).default([]),
  traits: z.array(traitSchema).default([]),
  reasons: z.array(reasonSchema).default([]),
  problems: z.array(problemSchema).default([]),
  actions: z.array(actionSchema).default([]),
  processes: z.array(processSchema).default([]),
  commitments: z.array(commitmentSchema).default([]),
  routes: z.array(routeSchema).default([]),
};

export const vocabularyFileSchema = z
  .strictObject({ $schema: z.string().optional(), id, description: z.string().optional(), ...declarations })
  .describe('A shareable vocabulary: declarations merged into the profiles that include it.');

export const openMerchantProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    name: z.string(),
    extends: ref('merchant profile')
      .optional()
      .describe('Start from another profile; lists merge by id, this one wins.'),
    timezone: z.string(),
    currency: z.string().length(3).default('USD'),
    products: z.array(productSchema).default([]),
    sales: z
      .record(id, ref('system'))
      .default({})
      .describe('Sales channel id → the system that records its orders.'),
    ...declarations,
  })
  .describe('A merchant profile with an open vocabulary.');

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

const traitValues = z.record(id, z.union([z.boolean(), z.number(), z.string()]));

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
      .record(id, z.number().int().min(0))
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
        capabilities: z.record(id, z.boolean()).optional(),
        parameters: z.record(id, parameterSchema).optional(),
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
          .array(z.strictObject({ tag: id, amount: amountSchema, at: instant }))
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

// ── plugins (types only): registered from deadend.config.ts ───────────────────────────────

/** What a plugin may read and change in a run; the same for sim and the wire targets. */
export interface PluginWorld {
  readonly now: number;
  fact(id: string): boolean;
  trait(id: string): boolean | number | string | undefined;
  apply(effect: Effect): void;
  trace(event: { kind: string; text: string; data?: Record<string, unknown> }): void;
  /** A seeded stream for this run; never Math.random. */
  random(): number;
}

export interface ActionPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  label(params: P): string;
  applicable(world: PluginWorld, params: P): boolean;
  run(world: PluginWorld, params: P): { tookMs: number; effortMs?: number };
}
export interface StepPlugin<P> {
  id: string;
  params: z.ZodType<P>;
  run(world: PluginWorld, params: P): { ok: true } | { ok: false; problem: string; what: string };
}
export interface OraclePlugin {
  id: string;
  summary: string;
  check(ctx: { events: readonly { kind: string; at: number; data?: Record<string, unknown> }[] }): {
    message: string;
    events: number[];
  }[];
}
export interface FaultPlugin<P> {
  id: string;
  summary: string;
  params: z.ZodType<P>;
  /** Hooks by the service family they perturb, as the built-in catalogue's. */
  hooks: Record<string, (params: P, occurrence: Record<string, unknown>) => unknown>;
}
export interface DeadendConfig {
  plugins?: {
    actions?: ActionPlugin<never>[];
    steps?: StepPlugin<never>[];
    oracles?: OraclePlugin[];
    faults?: FaultPlugin<never>[];
  };
}
