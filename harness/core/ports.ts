/**
 * The ports a run talks through, as types only. The customer agent sees the merchant's web site
 * as a ShopPort: `sim` uses the merchant model directly (merchant/shopPort.ts `directShop`);
 * `--target http` sends the same calls to a real shop over the wire (harness/targets/http). Both
 * targets therefore run the same journeys and the same recovery search.
 */
import type { SupportChannelFacts } from './merchantFacts.ts';
import type { RunEnv } from './runEnv.ts';
import type { SaidOnChannel, TraceKind } from './traceEvents.ts';
import type { MailKind, Problem, Remedy } from './vocabulary.ts';
import type { Order, World } from './world.ts';

/** What the support desk's answer to one contact came to. */
export type ContactResult =
  | 'resolved'
  | 'redirected'
  | 'not-found'
  | 'misunderstood'
  | 'escalated'
  | 'unresolved';

export interface CheckoutRequest {
  product: string;
  channel: 'web' | 'store' | 'phone';
  shipping: 'standard' | 'rush';
  quantity: number;
  email: string;
  /** The address typed a second time, where the form asks for it twice. */
  emailConfirm?: string;
}

export type ShopCheckout =
  | { ok: true; orderId: string }
  | { ok: false; reason: string; emailsDiffer?: boolean };

export interface OrderPage {
  /** What the page says about the order. */
  shown: string;
  status: Order['status'];
  email: string;
  /** A licence key the page offers for download. */
  key?: string;
}

/** What the customer does at the merchant's web site: checkout, the order page, resending a message, correcting the address, cancelling online, the member portal. */
export interface ShopPort {
  checkout(world: World, env: RunEnv, req: CheckoutRequest): ShopCheckout;
  orderPage(world: World, env: RunEnv, orderId: string): OrderPage | undefined;
  /** The "resend" button: the latest message of a kind for the order, to the address on file. */
  resend(world: World, env: RunEnv, orderId: string, kind: MailKind): boolean;
  /** Correct the address on an order; the shop then resends the order's key message. */
  changeEmail(world: World, env: RunEnv, orderId: string, email: string): boolean;
  /** Cancel every subscription to a product online; false where the shop does not allow it. */
  cancelSubscription(world: World, env: RunEnv, product: string): boolean;
  /** Whether the portal that fulfils a product knows the customer's purchase of it. */
  entitled(world: World, env: RunEnv, product: string): boolean;
  /** The merchant's periodic statement mail (a job the merchant runs, triggered by the journey). */
  sendStatement(world: World, env: RunEnv, email: string): void;
  /** The support form (or the phone, the chat, the store): the desk's answer, as the sandbox's support desk gives it. */
  contactSupport(
    world: World,
    env: RunEnv,
    channelId: string,
    problem: Problem,
    product: string,
  ): ContactResult;
}

/** What staff say on their channel: one support event in the trace (the desk adds the channel's name). */
export type StaffSay = <K extends TraceKind>(kind: K, text: string, data: SaidOnChannel<K>) => void;

/**
 * The merchant's staff remedies as the support desk calls them (merchant/remedies.ts): the desk
 * decides when staff look at a problem, the merchant what they may and can do about it.
 */
export interface StaffPort {
  /** A remedy about the customer's account rather than one order: staff need no order for it. */
  forAccount(remedy: Remedy): boolean;
  /** Whether a remedy addresses this problem for this order. */
  applies(world: World, env: RunEnv, remedy: Remedy, problem: Problem, order: Order | undefined): boolean;
  /** Carry out a remedy; true when it fixed the customer's problem. */
  perform(
    world: World,
    env: RunEnv,
    channel: SupportChannelFacts,
    remedy: Remedy,
    problem: Problem,
    order: Order | undefined,
    say: StaffSay,
  ): boolean;
}
