/**
 * The words every layer shares: the messages a merchant sends, the problems a customer has, what
 * staff may do about them, what a web site may let a customer do, the kinds of support channel and
 * the outcomes of a run. They live in core so that services, the merchant, the customer and the
 * contract can name them without importing each other; merchant/profile.ts and scenario/schema.ts
 * re-export them for their callers.
 */

/** The messages a merchant sends; policies.notify switches each off. */
export const MAIL_KINDS = [
  'order-confirmation',
  'licence-key',
  'shipped',
  'order-cancelled',
  'renewal-reminder',
  'renewed',
  'statement',
  'support-reply',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const CAPABILITIES = [
  'resendConfirmation',
  'downloadFromOrderPage',
  'changeEmailAfterOrder',
  'confirmEmailTwice',
  'feedbackSurvey',
  'orderTracking',
  'accountStatements',
  'cancelOnline',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const REMEDIES = [
  'resend-mail',
  'read-out-key',
  'update-email',
  'explain-order',
  'reship',
  'activate-manually',
  'void-and-repurchase',
  'refund',
  'reset-login',
  'resend-statement',
  'cancel-subscription',
] as const;
export type Remedy = (typeof REMEDIES)[number];

export const PROBLEMS = [
  'missing-mail',
  'missing-delivery',
  'order-cancelled',
  'entitlement-missing',
  'overcharged',
  'cannot-log-in',
  'missing-statement',
  'unwanted-renewal',
] as const;
export type Problem = (typeof PROBLEMS)[number];

export const CHANNEL_KINDS = ['email', 'phone', 'chat', 'store', 'web-form'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const OUTCOMES = ['ok', 'recovered', 'recovered-with-help', 'dead-end'] as const;
export type Outcome = (typeof OUTCOMES)[number];
