/**
 * The declarations a merchant profile or a vocabulary file makes.
 * Part of the open-vocabulary proposal (issue 12); index.ts is its entry.
 */
import { z } from 'zod';
import { calendarSchema } from '../../clock/calendarSchema.ts';
import { productSchema } from '../../merchant/profile.ts';
import {
  amountSchema,
  businessTimeSchema,
  conditionSchema,
  effectSchema,
  elapsed,
  id,
  instant,
  ref,
  refs,
} from './terms.ts';

/** The id of a declaration: what references name it by. */
const declaredId = id.describe(
  'Its id (lower-case letters, digits, dashes): references name it; unique across the profile and everything it includes.',
);

// ── the declarations ──────────────────────────────────────────────────────────────────────

export const messageKindSchema = z
  .strictObject({
    id: declaredId,
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
  id: declaredId,
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
      ref('problem'),
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
    .record(ref('reason'), z.string())
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
    id: declaredId,
    name: z.string().optional().describe('Shown as written in reports.'),
    party: ref('party').optional().describe('The party that runs it (default: the merchant).'),
    sharesWith: refs('system').describe('Live sharing: these systems see this one’s records at once.'),
  })
  .describe('A system of record. Without sharing or a sync process, two systems are silos.');

export const partySchema = z
  .strictObject({
    id: declaredId,
    name: z.string().describe('Shown as written ("ParcelNet").'),
    role: z.string().describe('Free text: card issuer, carrier, repair partner, manufacturer.'),
    calendar: ref('calendar')
      .optional()
      .describe('Default calendar for its channels and business durations.'),
  })
  .describe('A party outside the merchant; its channels, systems and actions name it in `party:`.');

export const recordSchema = z
  .strictObject({
    id: declaredId,
    description: z.string().describe('Plain words for reports.'),
    master: ref('system').describe('Where it is written first.'),
    value: z
      .enum(['flag', 'address', 'text'])
      .default('flag')
      .describe('flag: present or not; address: one of the customer’s addresses; text: any words.'),
    customerRelevant: z.boolean().default(false).describe('The customer needs to know when it changes.'),
  })
  .describe('A piece of data kept in systems (a booking, an address copy, a web order).');

export const factSchema = z
  .strictObject({
    id: declaredId,
    description: z.string().describe('Plain words for reports ("the trial was cancelled").'),
    initially: z.boolean().default(false).describe('Whether it holds when the scenario starts.'),
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
    id: declaredId,
    description: z.string().describe('Plain words for reports.'),
    type: z
      .enum(['boolean', 'duration', 'probability', 'number'])
      .describe('What its values are; a persona’s value must be of this type.'),
    default: z
      .union([z.boolean(), z.number(), z.string()])
      .describe('The value of a persona that does not set it.'),
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
    id: declaredId,
    says: z.string().describe('Plain words, used where a channel has no `explains` entry.'),
  })
  .describe('An internal reason code and its plain-language default.');

export const problemSchema = z
  .strictObject({
    id: declaredId,
    when: conditionSchema.describe('The customer has this problem while the condition holds.'),
    says: z.string().describe('How the customer would put it ("I cannot sign in").'),
  })
  .describe('A problem a customer can bring to a channel.');

export const actionSchema = z
  .strictObject({
    id: declaredId,
    label: z.string().describe('Plain words for paths and the gap report: "sign in with a backup code".'),
    by: z.enum(['customer', 'staff']).describe('customer: self-service; staff: a remedy on a channel.'),
    on: ref('channel')
      .optional()
      .describe(
        'Customer: the channel used (web, app, store). Staff: implied by the channels whose `remedies` list it.',
      ),
    about: refs('problem').describe('Problems it addresses; staff actions run when the customer raises one.'),
    requires: conditionSchema.optional().describe('When it can be taken (default: always).'),
    effects: z.array(effectSchema).min(1).describe('What it changes, in order, once `takes` has passed.'),
    // PT0S: the customer's own time is `effort`; the effects of updating a card land at once
    // unless the profile says they take time.
    takes: businessTimeSchema
      .default('PT0S')
      .describe('Until the effects happen (an identity check: "2 business days"); default: at once.'),
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
  do: z.array(effectSchema).min(1).describe('What the step changes, in order.'),
  label: z.string().optional().describe('Plain words for the trace ("conversion charge").'),
});

export const processSchema = z
  .strictObject({
    id: declaredId,
    label: z.string().describe('Plain words for the trace ("the trial converts to the annual plan").'),
    starts: z
      .union([
        z.strictObject({ at: instant }),
        z.strictObject({ on: ref('fact') }).describe('When the fact becomes true.'),
        z.literal('manually').describe('Only by a { start: id } effect.'),
      ])
      .describe('When the timer starts. Processes run whether or not the customer is stuck.'),
    calendar: ref('calendar').optional().describe('The calendar its business durations count in.'),
    steps: z.array(processStepSchema).min(1).describe('Its timers, each `after` the start.'),
    every: businessTimeSchema
      .optional()
      .describe('Repeat the steps (a weekly sync, a nightly hand-off) until the horizon.'),
    stopsWhen: conditionSchema
      .optional()
      .describe('Checked before each step: once it holds, nothing more runs.'),
    party: ref('party').optional().describe('The party that runs it; its calendar applies.'),
    actor: z
      .enum(['business', 'customer'])
      .default('business')
      .describe('customer: a routine of the persona (signs in every few days); paused by customer.away.'),
  })
  .describe('A scheduled process: trial conversion, renewal, dunning, hold-then-cancel, deletion, sync.');

export const commitmentSchema = z
  .strictObject({
    id: declaredId,
    says: z.string().describe('The promise in the customer’s words: "a courier on Tuesday".'),
    recordedIn: z
      .strictObject({ record: ref('record'), in: ref('system') })
      .describe('Where it must be kept.'),
    due: businessTimeSchema.describe('Since it was given.'),
    keptWhen: conditionSchema.describe('Holds by `due` when the promise is kept.'),
  })
  .describe('A promise a channel can make; broken-promise fires when it is not recorded or not kept.');

export const routeSchema = z
  .strictObject({
    id: declaredId,
    hops: z
      .array(
        z.strictObject({
          id: declaredId,
          party: ref('party').optional().describe('Who holds the parcel on this hop; its calendar applies.'),
          takes: businessTimeSchema.describe('Until the parcel reaches the next hop.'),
          scans: ref('fact').optional().describe('A fact set when the parcel is scanned here.'),
        }),
      )
      .min(1)
      .describe('Its hops in order, from the first holder to the last.'),
  })
  .describe('A shipment route; order.lost-in-transit names one of its hops.');

export const parameterSchema = z.union([z.number(), z.string(), z.boolean()]);

/** Everything a vocabulary file may declare; a merchant profile declares the same and more. */
const declarations = {
  include: z
    .array(ref('vocabulary file'))
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
  .strictObject({
    $schema: z.string().optional(),
    id: declaredId,
    description: z.string().optional().describe('What it is for, in plain words.'),
    ...declarations,
  })
  .describe('A shareable vocabulary: declarations merged into the profiles that include it.');

export const openMerchantProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: declaredId,
    name: z.string().describe('The business’s name, shown as written.'),
    extends: ref('merchant profile')
      .optional()
      .describe('Start from another profile; lists merge by id, this one wins.'),
    timezone: z.string().describe('IANA zone of the business, e.g. Europe/London.'),
    currency: z.string().length(3).default('USD').describe('ISO 4217 code; every amount is in it.'),
    products: z.array(productSchema).default([]).describe('What it sells, as in the seed profiles.'),
    sales: z
      .record(id, ref('system'))
      .default({})
      .describe('Sales channel id → the system that records its orders.'),
    ...declarations,
  })
  .describe('A merchant profile with an open vocabulary.');
