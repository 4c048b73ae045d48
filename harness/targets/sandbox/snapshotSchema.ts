/**
 * The schema a snapshot (`PUT /v1/snapshot`) is checked against before it replaces the world:
 * a damaged one (`billing.charges: 42`, `mail: [{ bogus: 1 }]`, `customer: null`) is a 400
 * naming the first bad field, never a world that fails later with a 500. The world's own
 * types (core/world.ts, services/payment/stripe/types.ts) are the reference; unknown extra fields are kept.
 */
import { z } from 'zod';

const instant = z.number().finite();
const str = z.string();
const strings = z.array(str);
const count = z.number().finite().nonnegative();

const mail = z.looseObject({
  id: str,
  to: str,
  kind: str,
  subject: str,
  orderId: str.optional(),
  secret: str.optional(),
  sentAt: instant,
  deliverAt: instant,
  folder: z.enum(['inbox', 'spam', 'quarantine', 'bounced', 'in-flight']),
  unverifiedAddress: z.boolean().optional(),
  read: z.boolean(),
});

const order = z.looseObject({
  id: str,
  product: str,
  channel: z.enum(['web', 'store', 'phone']),
  system: str,
  email: str,
  price: z.number().finite(),
  shipping: z.enum(['standard', 'rush']),
  status: z.enum(['confirmed', 'cancelled', 'shipped', 'delivered', 'lost', 'refunded']),
  reason: str.optional(),
  lostAt: str.optional(),
  placedAt: instant,
  chargeId: str.optional(),
  provisioned: z.boolean(),
});

const charge = z.looseObject({
  id: str,
  orderId: str.optional(),
  subscriptionId: str.optional(),
  amount: z.number().finite(),
  last4: str,
  status: z.enum(['succeeded', 'failed', 'refunded']),
  failure: str.optional(),
  at: instant,
});

const subscription = z.looseObject({
  id: str,
  product: str,
  price: z.number().finite(),
  renewsAt: instant,
  status: z.enum(['active', 'cancelled']),
  autoRenew: z.boolean(),
  remindersSent: count,
});

const contact = z.looseObject({
  id: str,
  channel: str,
  problem: str,
  at: instant,
  answerAt: instant,
  result: z.enum(['resolved', 'redirected', 'not-found', 'misunderstood', 'escalated', 'unresolved']),
});

const pending = z.looseObject({
  at: instant,
  seq: z.number().finite(),
  type: z.enum(['mail.arrive', 'parcel.arrive', 'renewal.due', 'reminder.due', 'payment.renewal']),
  ref: str,
  detail: str.optional(),
});

const customer = z.looseObject({
  email: str,
  facts: strings,
  knows: strings,
  effortMinutes: z.number().finite(),
  contacts: count,
  calls: count,
  storeVisits: count,
  spent: z.number().finite(),
  refunded: z.number().finite(),
  problemContacts: z.record(str, count),
  sentTo: z.record(str, str),
  troubleSince: instant.nullable(),
});

const traceEvent = z.looseObject({
  t: instant,
  actor: str,
  kind: str,
  channel: str.optional(),
  text: str,
  data: z.record(str, z.unknown()).optional(),
});

/** A payment-provider object: what the router reads of every one (id, object); the rest is Stripe's. */
const stripeObject = z.looseObject({ id: str, object: str });
const objects = z.record(str, stripeObject);

const billing = z.looseObject({
  customers: objects,
  paymentMethods: objects,
  paymentIntents: objects,
  charges: objects,
  refunds: objects,
  products: objects,
  prices: objects,
  subscriptions: objects,
  invoices: objects,
  cards: z.record(str, z.looseObject({ pan: str, cvcGiven: z.boolean(), addressGiven: z.boolean() })),
  intentInvoice: z.record(str, str),
  invoiceIntent: z.record(str, str),
  renewal: z.record(str, z.looseObject({ at: instant, generation: z.number().finite() })),
  declineOn: z.looseObject({ avs: z.boolean(), cvc: z.boolean() }),
});

export const snapshotWorldSchema = z.looseObject({
  now: instant,
  seq: count,
  mail: z.array(mail),
  orders: z.array(order),
  charges: z.array(charge),
  subscriptions: z.array(subscription),
  keys: z.array(z.looseObject({ key: str, product: str, orderId: str })),
  contacts: z.array(contact),
  pending: z.array(pending),
  customer,
  faultHits: z.record(str, count),
  trace: z.array(traceEvent),
  billing: billing.optional(),
});

/** `billing.charges`, `mail[0].id`: a zod path as a reader writes it. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(the snapshot)';
}

/** The first problem of a snapshot's world, as `path: message`, or undefined when it is sound. */
export function snapshotProblem(world: unknown): { path: string; message: string } | undefined {
  const r = snapshotWorldSchema.safeParse(world);
  if (r.success) return undefined;
  const issue = r.error.issues[0]!;
  return { path: pathText(issue.path), message: issue.message };
}
