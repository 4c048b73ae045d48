/**
 * A merchant profile is the business process under test, as data: what it sells, what its
 * web site lets a customer do on their own, its policies, its support channels and which of
 * its systems can see each other's data. The reference merchant (merchant.ts) follows it.
 */
import { z } from 'zod';
import type { MerchantFacts, ProductFacts, SupportChannelFacts } from '../core/merchantFacts.ts';
import { type Capability, CHANNEL_KINDS, MAIL_KINDS, PROBLEMS, REMEDIES } from '../core/vocabulary.ts';

export {
  CAPABILITIES,
  type Capability,
  CHANNEL_KINDS,
  type ChannelKind,
  MAIL_KINDS,
  type MailKind,
  PROBLEMS,
  type Problem,
  REMEDIES,
  type Remedy,
} from '../core/vocabulary.ts';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "converter-lite"');

export const PRODUCT_KINDS = ['licence', 'physical', 'membership', 'subscription'] as const;

export const productSchema = z
  .strictObject({
    id: id.describe('How scenarios refer to the product.'),
    name: z.string().describe('Name shown to customers.'),
    price: z.number().nonnegative().describe('Listed price (what the public web store charges).'),
    kind: z
      .enum(PRODUCT_KINDS)
      .describe(
        'licence: a key and a download; physical: shipped to an address; membership: activated on a portal; subscription: renews automatically.',
      ),
    /** System that holds the entitlement (the licence server, the training portal, …). */
    fulfilledBy: id
      .optional()
      .describe('System that must see the order for the customer to get the product.'),
    shippingDays: z.number().int().positive().optional().describe('Business days for standard shipping.'),
    term: z
      .string()
      .optional()
      .describe('Subscription or membership term, e.g. P365D (a fixed length: months and years have none).'),
    renewalPrice: z.number().nonnegative().optional().describe('Price charged on auto-renewal.'),
    covers: z.number().int().positive().optional().describe('How many devices one subscription covers.'),
  })
  .describe('A product the merchant sells.');

/** Each capability as a change a process owner can make, in plain words (what-if fixes in the reports). */
export const CAPABILITY_FIXES: Record<Capability, string> = {
  resendConfirmation: 'Let customers resend the confirmation and key e-mail from the web site',
  downloadFromOrderPage: 'Let customers download the key from their order page',
  changeEmailAfterOrder: 'Let customers correct the e-mail address on an order',
  confirmEmailTwice: 'Ask for the e-mail address twice at checkout, to catch typos',
  feedbackSurvey: 'Give customers a feedback channel to report trouble',
  orderTracking: 'Let customers look their order up on the web site',
  accountStatements: 'Let customers download statements from their account page',
  cancelOnline: 'Let customers cancel a subscription or turn off auto-renewal online',
};

export const PAYMENT_MISMATCH_POLICIES = ['ask-customer', 'cancel-and-notify', 'cancel-silently'] as const;

/** Each onPaymentMismatch policy as a change, in plain words. */
export const PAYMENT_MISMATCH_FIXES: Record<(typeof PAYMENT_MISMATCH_POLICIES)[number], string> = {
  'ask-customer': 'When a card check fails, ask the customer to confirm their details instead of cancelling',
  'cancel-and-notify': 'When a card check fails, cancel the order and tell the customer why',
  'cancel-silently': 'When a card check fails, cancel the order without telling the customer',
};

export const capabilitiesSchema = z
  .strictObject({
    resendConfirmation: z
      .boolean()
      .default(false)
      .describe('Customer can resend the confirmation/key e-mail from the web site.'),
    downloadFromOrderPage: z
      .boolean()
      .default(false)
      .describe('The order page offers the download and the licence key.'),
    changeEmailAfterOrder: z
      .boolean()
      .default(false)
      .describe('Customer can correct the e-mail address on an order.'),
    confirmEmailTwice: z
      .boolean()
      .default(false)
      .describe('Checkout asks for the e-mail address twice (catches typos).'),
    feedbackSurvey: z.boolean().default(false).describe('A feedback channel or satisfaction survey exists.'),
    orderTracking: z.boolean().default(true).describe('Customer can look an order up on the web site.'),
    accountStatements: z
      .boolean()
      .default(false)
      .describe('Statements can be downloaded from the account page.'),
    cancelOnline: z
      .boolean()
      .default(false)
      .describe('Subscriptions can be cancelled / auto-renew turned off online without calling.'),
  })
  .describe('What the customer can do on their own.');

export const supportChannelSchema = z
  .strictObject({
    id: id,
    kind: z.enum(CHANNEL_KINDS),
    name: z.string().optional(),
    calendar: z.string().describe('Calendar id (fixtures/calendars) with the opening hours and holidays.'),
    responseTime: z
      .string()
      .default('PT30M')
      .describe(
        'email/web-form: time until the answer (e.g. "1 business day"); live channels: time the contact takes.',
      ),
    sees: z.array(id).default([]).describe('Systems whose records staff on this channel can look up.'),
    remedies: z.array(z.enum(REMEDIES)).default([]).describe('What staff on this channel are allowed to do.'),
    redirects: z
      .partialRecord(z.enum(PROBLEMS), id)
      .default({})
      .describe('Problems this channel sends elsewhere instead of handling: problem → channel id.'),
    escalation: z
      .strictObject({
        after: z
          .number()
          .int()
          .positive()
          .describe('After this many contacts about one problem on any channel …'),
        answerAfter: z.string().describe('… a back-office team answers after this long …'),
        remedy: z.enum(REMEDIES).describe('… with this remedy …'),
        at: id
          .optional()
          .describe('… to be carried out on this channel (e.g. the store); omit for "done for you".'),
      })
      .optional(),
    explains: z
      .partialRecord(z.string(), z.string())
      .default({})
      .describe('What staff here say is the reason for a cancellation, by the internal reason.'),
  })
  .describe('A support channel.');

export const systemSchema = z.strictObject({
  id: id,
  name: z.string().optional(),
  sharesWith: z.array(id).default([]).describe('Systems that see this system’s orders and customers.'),
});

export const merchantProfileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id,
    name: z.string(),
    timezone: z.string().describe('IANA time zone of the business.'),
    currency: z.string().length(3).default('USD'),
    products: z.array(productSchema).min(1),
    capabilities: capabilitiesSchema.default({
      resendConfirmation: false,
      downloadFromOrderPage: false,
      changeEmailAfterOrder: false,
      confirmEmailTwice: false,
      feedbackSurvey: false,
      orderTracking: true,
      accountStatements: false,
      cancelOnline: false,
    }),
    sales: z
      .partialRecord(z.enum(['web', 'store', 'phone']), id)
      .default({ web: 'web-store' })
      .describe('Sales channels and the system each records orders in.'),
    systems: z.array(systemSchema).default([]),
    policies: z
      .strictObject({
        onPaymentMismatch: z
          .enum(PAYMENT_MISMATCH_POLICIES)
          .default('ask-customer')
          .describe('What happens to an order whose card check (AVS/CVC) fails.'),
        publicCancellationReason: z
          .string()
          .optional()
          .describe('Reason the order page shows for a cancelled order, when it differs from the real one.'),
        rushSurcharge: z
          .number()
          .nonnegative()
          .default(0)
          .describe('Extra charge for rush (next-day) shipping.'),
        notify: z
          .partialRecord(z.enum(MAIL_KINDS), z.boolean())
          .default({})
          .describe('Which notifications are sent (all default to true).'),
        renewalRemindersBefore: z.array(z.string()).default(['P30D', 'P7D']),
      })
      .default({
        onPaymentMismatch: 'ask-customer',
        rushSurcharge: 0,
        notify: {},
        renewalRemindersBefore: ['P30D', 'P7D'],
      }),
    support: z.array(supportChannelSchema).default([]),
  })
  .describe('A merchant profile: the business process under test.');

export type MerchantProfile = z.infer<typeof merchantProfileSchema>;
export type Product = z.infer<typeof productSchema>;
export type SupportChannel = z.infer<typeof supportChannelSchema>;

// The kernel reads a profile through core's structural MerchantFacts: both must stay one shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<MerchantProfile, MerchantFacts>;
true satisfies Same<Product, ProductFacts>;
true satisfies Same<SupportChannel, SupportChannelFacts>;
export type MerchantOverrides = {
  capabilities?: Partial<Record<Capability, boolean>>;
  policies?: Partial<MerchantProfile['policies']>;
};

export function applyOverrides(
  profile: MerchantProfile,
  overrides: MerchantOverrides | undefined,
): MerchantProfile {
  if (!overrides) return profile;
  return {
    ...profile,
    capabilities: { ...profile.capabilities, ...overrides.capabilities },
    policies: { ...profile.policies, ...overrides.policies },
  };
}
