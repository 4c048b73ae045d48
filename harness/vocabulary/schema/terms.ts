/**
 * The terms declarations are written in: ids, references, times, amounts, conditions, effects.
 * Part of the open-vocabulary proposal (issue 12); index.ts is its entry.
 */
import { z } from 'zod';

// ── primitives ─────────────────────────────────────────────────────────────────────────────

const newId = () =>
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "backup-codes-saved"');
export const id = newId();
/**
 * The kind of reference (or of tag declaration) each schema stands for, keyed by the schema's
 * definition: `.describe()` and `.optional()` make new schemas over the same definition, so
 * validate finds the kind wherever a `ref()` ends up, without reading describe texts. (Each
 * ref gets a string schema of its own: describe() clones would otherwise share `id`'s.)
 */
export const referenceKinds = new WeakMap<object, { kind: string; declares?: true }>();
const marked = <T extends z.ZodType>(schema: T, kind: string, declares?: true): T => {
  referenceKinds.set(schema._zod.def, declares ? { kind, declares } : { kind });
  return schema;
};
/** A reference to something declared elsewhere; validate resolves it against the kind's ids. */
export const ref = (what: string) => marked(newId().describe(`The id of a declared ${what}.`), what);
/** An id declared where it is used (a charge's tag): validate collects these as the kind's ids. */
export const declares = (what: string) => marked(newId().describe(`Declares a ${what}.`), what, true);
export const refs = (what: string) => z.array(ref(what)).default([]);
export const instant = z
  .string()
  .describe('Local date-time in the customer’s time zone, e.g. 2026-03-14T10:00, or with an offset.');
export const elapsed = z
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
  z
    .strictObject({
      length: z.string().describe('"2 business days", "3 open hours", "3-5 business days".'),
      calendar: ref('calendar'),
    })
    .describe('A business duration with the calendar it counts in.'),
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

const bounds = z.strictObject({
  atMost: amountSchema.optional().describe('At most this much.'),
  atLeast: amountSchema.optional().describe('At least this much.'),
});

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ fact: ref('fact') }).describe('The fact holds.'),
    z.strictObject({ not: conditionSchema }).describe('The condition does not hold.'),
    z.strictObject({ all: z.array(conditionSchema).min(1) }).describe('Every condition holds.'),
    z.strictObject({ any: z.array(conditionSchema).min(1) }).describe('At least one condition holds.'),
    z
      .strictObject({
        trait: ref('trait'),
        is: z.union([z.boolean(), z.number(), z.string()]).optional().describe('The value it must have.'),
        atLeast: z.number().optional().describe('A number trait at least this.'),
        atMost: z.number().optional().describe('A number trait at most this.'),
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
              atMost: z.number().int().min(0).optional().describe('At most this many charges.'),
            })
            .optional()
            .describe('Charges counted (with a tag: only those).'),
        }),
      })
      .describe('Money, counted from the payment model.'),
    z
      .strictObject({
        plugin: ref('plugin condition'),
        params: z.record(z.string(), z.unknown()).optional().describe('Checked by the plugin’s own schema.'),
      })
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
      charge: z.strictObject({
        tag: declares('charge tag'),
        amount: amountSchema.describe('How much.'),
        settles: businessTimeSchema.optional().describe('Until the charge settles (default: at once).'),
      }),
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
        tag: declares('credit tag'),
        amount: amountSchema.describe('How much.'),
        as: z.enum(['account', 'voucher']).default('account').describe('Account credit or a voucher.'),
      }),
    })
    .describe('Credit the customer (counts against net money lost only when spendable before the horizon).'),
  z
    .strictObject({
      dispute: z.strictObject({
        of: ref('charge tag'),
        with: ref('party'),
        decides: businessTimeSchema.describe('Until the party decides.'),
        outcome: z.enum(['refund', 'reject']).default('refund').describe('What it decides.'),
      }),
    })
    .describe('Open a dispute with a party (a card issuer); its decision is scheduled.'),
  z
    .strictObject({
      fee: z.strictObject({
        amount: amountSchema.describe('How much.'),
        payer: z.enum(['merchant', 'customer']).describe('Who pays it.'),
        to: ref('party').optional(),
        why: z.string().describe('Plain words for the scorecard ("chargeback fee").'),
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
  z
    .strictObject({
      plugin: ref('plugin action'),
      params: z.record(z.string(), z.unknown()).optional().describe('Checked by the plugin’s own schema.'),
    })
    .describe('An effect defined in deadend.config.ts (defineAction).'),
]);
export type Effect = z.infer<typeof effectSchema>;
