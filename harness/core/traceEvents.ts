/**
 * The trace's event map: every event kind the models record, with the type of its `data`. It is
 * the contract between the models (which `record()` events) and the oracles and reports (which
 * read them), so `record()` with a literal kind is checked against it and `dataOf()` reads typed
 * data. Events that arrive over the wire (a merchant's back office reporting its own) or from a
 * helper that takes the kind as a string are recorded unchecked: their data may lack fields, which
 * is why readers get `Partial` data and still test what they use.
 *
 * Adding an event kind: one entry here, then `record()` it.
 */
import type { Contact, MailMessage } from './world.ts';

type MailKind = MailMessage['kind'];
type Problem = Contact['problem'];

/** The reference to the fault use that caused an event, by its scenario label. */
type ByFault = {
  fault: string;
};
type OrderRef = {
  orderId: string;
};
type ProductRef = {
  product: string;
};
/** A support event: the channel it happened on (its id), plus what the staff did. */
type AtChannel = {
  channel: string;
};
type SubscriptionRef = { subscription: string; customer: string };

export interface TraceEventMap {
  // mail (services/mail)
  'mail.sent': {
    message: string;
    kind: MailKind;
    to: string;
    orderId: string | undefined;
    secret: boolean;
    unverifiedAddress: boolean;
    subscription?: string;
    subscriptionStatus?: string;
    product?: string;
  };
  'mail.delivered': { message: string; kind: MailKind; to: string; folder: string; fault?: string };
  'mail.quarantined': TraceEventMap['mail.delivered'];
  'mail.spam-foldered': TraceEventMap['mail.delivered'];
  'mail.bounced': TraceEventMap['mail.delivered'];
  'mail.read': { message: string; kind: MailKind };
  'notify.suppressed': ByFault & { kind: MailKind; orderId: string | undefined };
  'notify.delayed': ByFault & { kind: MailKind };
  'notify.skipped': { kind: MailKind; orderId: string | undefined; policy: true };
  // payment (services/payment)
  'payment.charged': PaymentData;
  'payment.check-failed': PaymentData;
  'payment.failed': PaymentData;
  'payment.refunded': {
    charge: string;
    amount: number;
    orderId?: string | undefined;
    paymentIntent?: string;
    partial?: true;
  };
  'subscription.created': SubscriptionRef & { amount: number; currency: string; status: string };
  'subscription.renewed':
    | (SubscriptionRef & { amount: number; currency: string; invoice: string; charge?: string })
    | (OrderRef & ProductRef & { subscription: string; amount: number; listPrice: number; charge: string });
  'subscription.renewal-failed': SubscriptionRef & { amount: number; invoice: string; charge?: string };
  'subscription.cancel-scheduled': SubscriptionRef;
  'subscription.cancel-withdrawn': SubscriptionRef;
  'subscription.cancelled': (SubscriptionRef & { atPeriodEnd?: true }) | ProductRef | AtChannel;
  // orders (services/orders) and the merchant's order flow
  'order.confirmed': OrderRef &
    ProductRef & {
      amount: number;
      listPrice: number;
      surcharge?: number;
      surchargeFor?: string;
      email?: string;
      system?: string;
      given?: true;
    };
  'order.cancelled': OrderRef & { reason: string; notified: boolean };
  'order.not-provisioned': OrderRef & { from: string; to: string };
  'order.lost-in-transit': ByFault & OrderRef & { hop: string };
  'order.delivered': OrderRef;
  'checkout.typo-caught': { typed: string };
  'checkout.rejected': { reason: string };
  'checkout.email-mistyped': ByFault & { typed: string; real: string };
  // licensing (services/licensing)
  'licence.issued': OrderRef & ProductRef & { key: string };
  'licence.downloaded': OrderRef & { key: string | undefined; product?: string };
  'licence.activated': OrderRef & ProductRef & { key: string };
  'licence.unavailable': ByFault & { op: 'download' | 'activate' };
  'licence.installed': ProductRef;
  'activation.refused': ProductRef & { portal: string };
  'membership.activated': ProductRef;
  // site
  'site.slow': ByFault & { latencyMs: number };
  'site.login-failed': ByFault;
  // support (services/support): recorded through the desk's `say`
  'support.contacted': AtChannel & { problem: Problem };
  'store.visited': AtChannel & { problem: Problem };
  'support.misunderstood': AtChannel & { problem: Problem; fault: string };
  'support.redirected': AtChannel & { problem: Problem; to: string };
  'support.escalated': AtChannel & { problem: Problem };
  'support.callback': AtChannel & { problem: Problem; remedy: string; at: string };
  'support.not-found': AtChannel & { problem: Problem; orderId: string | undefined };
  'support.unresolved': AtChannel & { problem: Problem; orderId?: string | undefined };
  'support.explained': AtChannel &
    OrderRef & { status: string; lostAt?: string; reason?: string; said?: string | undefined };
  'support.resent': AtChannel & Partial<OrderRef> & { to?: string };
  // the staff remedies (merchant/remedies.ts), said through the desk
  'support.key-given': AtChannel & OrderRef & { key: string };
  'support.reshipped': AtChannel & OrderRef;
  'support.activated': AtChannel & OrderRef;
  'support.repurchased': AtChannel & OrderRef & { newOrderId: string };
  'support.login-reset': AtChannel;
  // the customer (customer/, engine/)
  'customer.order': ProductRef & { again?: true };
  'customer.checked-spam': { found: number };
  'customer.resend': OrderRef;
  'customer.order-page': OrderRef & { status: string; shown: string | undefined };
  'customer.email-changed': OrderRef;
  'customer.statement-downloaded': Record<string, never>;
  /** `retry`: a step failed and the customer may simply try again. */
  'customer.stuck': { problem: Problem | 'retry' };
}

type PaymentData = {
  charge: string;
  amount: number;
  orderId?: string;
  subscriptionId?: string;
  failure?: string;
  fault?: string;
};

export type TraceKind = keyof TraceEventMap;

/** An event's data without the channel: what staff say on a channel, the desk adds which one. */
export type SaidOnChannel<K extends TraceKind> = TraceEventMap[K] extends infer D
  ? D extends unknown
    ? Omit<D, 'channel'>
    : never
  : never;

/**
 * The data `record()` takes for an event of kind `K`: the map's entry for a known literal kind;
 * any record for a kind only known at run time (`string`); a literal kind missing from the map is
 * an error (`never`).
 */
export type DataFor<K extends string> = string extends K
  ? Record<string, unknown>
  : K extends TraceKind
    ? TraceEventMap[K]
    : never;
