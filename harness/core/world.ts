/**
 * The world of one run: the state of every sandbox service plus the customer, as plain data.
 * Plain data so that the explorer can fork a world cheaply (see cloneWorld) and compare two
 * worlds by a key; behaviour lives in the model modules beside this file.
 */
import { append, type Instant, type TraceEvent, type TraceNode, toArray } from './trace.ts';
import type { DataFor, TraceEventMap, TraceKind } from './traceEvents.ts';
import type { MailKind, Problem } from './vocabulary.ts';

export type Folder = 'inbox' | 'spam' | 'quarantine' | 'bounced' | 'in-flight';

export interface MailMessage {
  id: string;
  to: string;
  kind: MailKind;
  subject: string;
  orderId?: string;
  /** A licence key or download link carried by the message. */
  secret?: string;
  sentAt: Instant;
  deliverAt: Instant;
  folder: Folder;
  /** Set by the merchant when the address was never confirmed by the customer. */
  unverifiedAddress?: boolean;
  read: boolean;
}

export type OrderStatus = 'confirmed' | 'cancelled' | 'shipped' | 'delivered' | 'lost' | 'refunded';

export interface Order {
  id: string;
  product: string;
  channel: 'web' | 'store' | 'phone';
  /** The system the order was recorded in. */
  system: string;
  email: string;
  price: number;
  shipping: 'standard' | 'rush';
  status: OrderStatus;
  /** The real reason for a cancellation or loss. */
  reason?: string;
  /** The hop an order was lost at. */
  lostAt?: string;
  placedAt: Instant;
  chargeId?: string;
  /** Whether the fulfilling system can see the order (false behind a silo). */
  provisioned: boolean;
}

export interface Charge {
  id: string;
  orderId?: string;
  subscriptionId?: string;
  amount: number;
  last4: string;
  status: 'succeeded' | 'failed' | 'refunded';
  failure?: string;
  at: Instant;
}

export interface Subscription {
  id: string;
  product: string;
  price: number;
  renewsAt: Instant;
  status: 'active' | 'cancelled';
  autoRenew: boolean;
  /** Reminder offsets (ms before renewal) already sent for the current term. */
  remindersSent: number;
}

export interface LicenceKey {
  key: string;
  product: string;
  orderId: string;
}

export interface Contact {
  id: string;
  channel: string;
  problem: Problem;
  at: Instant;
  answerAt: Instant;
  result: 'resolved' | 'redirected' | 'not-found' | 'misunderstood' | 'escalated' | 'unresolved';
}

export interface PendingEvent {
  at: Instant;
  seq: number;
  type:
    | 'mail.arrive'
    | 'parcel.arrive'
    | 'renewal.due'
    | 'reminder.due'
    /** A payment-provider subscription (services/payment/stripe/subscriptions.ts) reaches the end of its period. */
    | 'payment.renewal';
  ref: string;
  /** For mail: the folder and the fault that chose it. For reminders: the offset. */
  detail?: string;
}

export interface CustomerState {
  /** Their real address. */
  email: string;
  /** Facts the customer holds: licence:p, installed:p, delivered:p, active:p, ordered:p, … (sorted). */
  facts: string[];
  /** Things the customer has learned (order status seen, reasons told, redirections). */
  knows: string[];
  effortMinutes: number;
  contacts: number;
  calls: number;
  storeVisits: number;
  spent: number;
  refunded: number;
  /** Contacts made per problem (drives escalation). */
  problemContacts: Partial<Record<Problem, number>>;
  /** Where support last sent the customer, per problem. */
  sentTo: Partial<Record<Problem, string>>;
  /** When the first expectation failed (the start of recovery). */
  troubleSince: Instant | null;
}

/**
 * The parts of the world that a service owns and registers (`registerSlice`): each service
 * adds its field here by declaration merging (`declare module '…/core/world.ts'`), so the
 * world's shape stays one plain object while core names no service.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the services' declaration merging
export interface WorldSlices {}

export interface World extends WorldSlices {
  now: Instant;
  seq: number;
  mail: MailMessage[];
  orders: Order[];
  charges: Charge[];
  subscriptions: Subscription[];
  keys: LicenceKey[];
  contacts: Contact[];
  pending: PendingEvent[];
  customer: CustomerState;
  /** How many times each fault use has hit (for `times`). */
  faultHits: Record<string, number>;
  trace: TraceNode | null;
}

/** A service's part of the world: how a fork gets its copy, and what it adds to the state key. */
export interface Slice<K extends keyof WorldSlices = keyof WorldSlices> {
  key: K;
  /** The child's value when `from` is cloned into `to` (may share and copy on write). */
  clone(value: NonNullable<WorldSlices[K]>, from: World, to: World): NonNullable<WorldSlices[K]>;
  /** Its part of `stateKey`; none when nothing in it tells two states apart for the search. */
  stateKey?(value: NonNullable<WorldSlices[K]>): string;
}

const slices: Slice[] = [];

/**
 * Called once by the service that owns the slice, when its module loads. A slice is absent
 * until the service first writes it, so worlds of runs that never use a service carry nothing.
 */
export function registerSlice<K extends keyof WorldSlices>(slice: Slice<K>): void {
  if (slices.some((s) => s.key === slice.key))
    throw new Error(`world slice ${String(slice.key)} registered twice`);
  slices.push(slice as unknown as Slice);
}

export function emptyWorld(now: Instant, email: string): World {
  return {
    now,
    seq: 0,
    mail: [],
    orders: [],
    charges: [],
    subscriptions: [],
    keys: [],
    contacts: [],
    pending: [],
    customer: {
      email,
      facts: [],
      knows: [],
      effortMinutes: 0,
      contacts: 0,
      calls: 0,
      storeVisits: 0,
      spent: 0,
      refunded: 0,
      problemContacts: {},
      sentTo: {},
      troubleSince: null,
    },
    faultHits: {},
    trace: null,
  };
}

export function nextId(world: World, prefix: string): string {
  world.seq += 1;
  return `${prefix}_${world.seq}`;
}

/** An event of a kind in the trace's event map, as `record()` takes it (its data typed). */
export type EventOf<K extends TraceKind> = Omit<TraceEvent, 't' | 'kind' | 'data'> & {
  kind: K;
  data: TraceEventMap[K];
};

/**
 * Append an event at the world's time. A literal `kind` must be in the trace's event map
 * (core/traceEvents.ts) and `data` must have its type; a kind only known at run time is unchecked.
 */
export function record<K extends string>(
  world: World,
  event: Omit<TraceEvent, 't' | 'kind' | 'data'> & { kind: K; data?: DataFor<K> },
): void {
  world.trace = append(world.trace, { t: world.now, ...event });
}

export function schedule(world: World, event: Omit<PendingEvent, 'seq'>): void {
  world.seq += 1;
  const item = { ...event, seq: world.seq };
  // Keep the queue sorted by (at, seq): inserts are rare and queues short.
  let i = world.pending.length;
  while (i > 0 && world.pending[i - 1]!.at > item.at) i--;
  world.pending.splice(i, 0, item);
}

export function addFact(world: World, fact: string): void {
  const facts = world.customer.facts;
  if (facts.includes(fact)) return;
  facts.push(fact);
  facts.sort();
}

export function hasFact(world: World, fact: string): boolean {
  return world.customer.facts.includes(fact);
}

export function learn(world: World, fact: string): void {
  const knows = world.customer.knows;
  if (!knows.includes(fact)) knows.push(fact);
}

/**
 * A copy the explorer can change without touching the original. Hand-written rather than
 * structuredClone: worlds are small and this runs for every explored state.
 */
/** The customer's most recent order of a product (support staff and the customer both look it up). */
export function latestOrder(world: World, product: string): Order | undefined {
  for (let i = world.orders.length - 1; i >= 0; i--)
    if (world.orders[i]!.product === product) return world.orders[i];
  return undefined;
}

export function cloneWorld(w: World): World {
  const c = w.customer;
  const copy: World = {
    now: w.now,
    seq: w.seq,
    mail: w.mail.map((m) => ({ ...m })),
    orders: w.orders.map((o) => ({ ...o })),
    charges: w.charges.map((x) => ({ ...x })),
    subscriptions: w.subscriptions.map((s) => ({ ...s })),
    keys: w.keys.slice(),
    contacts: w.contacts.slice(),
    pending: w.pending.slice(),
    customer: {
      ...c,
      facts: c.facts.slice(),
      knows: c.knows.slice(),
      problemContacts: { ...c.problemContacts },
      sentTo: { ...c.sentTo },
    },
    faultHits: { ...w.faultHits },
    trace: w.trace,
  };
  for (const slice of slices) {
    const value = w[slice.key];
    if (value !== undefined) copy[slice.key] = slice.clone(value, w, copy);
  }
  return copy;
}

/**
 * What makes two worlds the same for the search: everything the customer and the services
 * hold, but not the time (the explorer visits states in time order, so a later arrival at the
 * same state is never better) and not the trace or effort counters. Mail counts as a set:
 * a second copy of a message the customer already has (or will have, in the same folder)
 * changes nothing they can see or do, so a repeated resend collapses into the state before it.
 * Pending arrivals are named by what arrives (kind and folder), not by the message's id.
 * The rule is documented in docs/explorer.md; the property test in harness/engine proves it
 * never hides a path to the goal on small scenarios.
 */
export function stateKey(w: World): string {
  let key = `${w.customer.facts.join(',')}|${w.customer.knows.join(',')}|`;
  key += distinctSorted(w.mail.map((m) => `${m.kind}:${m.folder}:${m.read ? 1 : 0}`));
  key += '|';
  for (const o of w.orders) key += `${o.product}:${o.status}:${o.provisioned ? 1 : 0};`;
  key += '|';
  key += distinctSorted(
    w.pending.map((p) => {
      if (p.type !== 'mail.arrive') return `${p.type}:${p.ref}:${p.detail ?? ''}`;
      const m = w.mail.find((x) => x.id === p.ref);
      return `${p.type}:${m ? m.kind : p.ref}:${p.detail ?? ''}`;
    }),
  );
  key += '|';
  for (const s of w.subscriptions) key += `${s.status}:${s.autoRenew ? 1 : 0};`;
  key += `|${pairs(w.customer.problemContacts)}|${pairs(w.customer.sentTo)}`;
  for (const slice of slices) {
    const value = w[slice.key];
    if (slice.stateKey && value !== undefined) key += `|${slice.key}:${slice.stateKey(value)}`;
  }
  return key;
}

/** `a;b;` for the distinct items, sorted; the common cases (none, one) without allocating. */
function distinctSorted(items: string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return `${items[0]};`;
  items.sort();
  let out = '';
  for (let i = 0; i < items.length; i++) if (i === 0 || items[i] !== items[i - 1]) out += `${items[i]};`;
  return out;
}

/** `a=1,b=2`: a small record as key text (JSON.stringify is slower and this runs per state). */
export function pairs(record: Partial<Record<string, string | number>>): string {
  let out = '';
  for (const k in record) out += `${k}=${record[k]},`;
  return out;
}

/** A world as JSON (the trace as a plain array): what the control API's snapshot carries. */
export function worldToJson(w: World): Omit<World, 'trace'> & { trace: TraceEvent[] } {
  return { ...w, trace: toArray(w.trace) };
}

/** The inverse of worldToJson. */
export function worldFromJson(j: Omit<World, 'trace'> & { trace: TraceEvent[] }): World {
  let trace: TraceNode | null = null;
  for (const e of j.trace) trace = append(trace, e);
  return { ...j, trace };
}
