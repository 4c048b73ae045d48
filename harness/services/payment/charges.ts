/**
 * Payment: card authorisation with AVS/CVC checks, charges, refunds. Faults decide the
 * issuer's answer; the merchant's policy decides what a mismatch means for the order.
 */
import type { HookResults } from '../../core/fault.ts';
import { formatMoney, type RunEnv } from '../../core/runEnv.ts';
import { type Charge, nextId, record, type World } from '../../core/world.ts';

export const CARD_LAST4 = '4242';

export interface Authorisation {
  charge: Charge;
  failure?: HookResults['payment'];
  fault?: string;
}

export function authorise(
  world: World,
  env: RunEnv,
  amount: number,
  ref: { orderId?: string; subscriptionId?: string },
): Authorisation {
  return settle(world, env, amount, ref, { last4: CARD_LAST4 }, env.currency);
}

/** What the card itself makes the issuer answer (the sandbox's test cards), before any fault. */
export interface CardAnswer {
  last4: string;
  /** The issuer's own answer for this card: a decline, or a failed AVS / CVC check. */
  failure?: HookResults['payment'];
}

/** Failed checks that the processor turns into a decline (Stripe's `decline_on` settings). */
export interface DeclineOn {
  avs: boolean;
  cvc: boolean;
}

const NO_DECLINE: DeclineOn = { avs: false, cvc: false };

/**
 * Authorise a card for `amount` (major units of `currency`): the card's own answer first, then
 * the run's payment faults. A declined card consults no fault; a card whose check failed can
 * still be struck by a fault, and the fault's answer then wins. `authorise` is this with the
 * sim's one card and no decline rules; the sandbox's payment API passes the card in use.
 */
export function settle(
  world: World,
  env: RunEnv,
  amount: number,
  ref: { orderId?: string; subscriptionId?: string },
  card: CardAnswer,
  currency: string,
  declineOn: DeclineOn = NO_DECLINE,
  /** Extra trace data (the payment API's ids). */
  extra?: Record<string, unknown>,
): Authorisation {
  const id = nextId(world, 'ch');
  const own = card.failure;
  const ownHard = own !== undefined && (own.failure === 'declined' || own.failure === 'timeout');
  const hit = ownHard ? undefined : env.faults.hit(world, 'payment', { amount, id });
  const failure = hit?.result ?? own;
  const hardFail =
    failure !== undefined &&
    (failure.failure === 'declined' ||
      failure.failure === 'timeout' ||
      (failure.failure === 'avs-mismatch' && declineOn.avs) ||
      (failure.failure === 'cvc-mismatch' && declineOn.cvc));
  const charge: Charge = {
    id,
    ...ref,
    amount,
    last4: card.last4,
    status: hardFail ? 'failed' : 'succeeded',
    ...(failure ? { failure: failure.failure } : {}),
    at: world.now,
  };
  world.charges.push(charge);
  if (!hardFail) world.customer.spent += amount;
  record(world, {
    actor: hit ? 'fault' : 'payment',
    kind: hardFail ? 'payment.failed' : failure ? 'payment.check-failed' : 'payment.charged',
    text: hardFail
      ? `The payment of ${formatMoney(amount, currency)} failed: ${failure!.message}.`
      : failure
        ? `The card (•••• ${card.last4}) was charged ${formatMoney(amount, currency)}, but the issuer reported: ${failure.message}.`
        : `The card (•••• ${card.last4}) was charged ${formatMoney(amount, currency)}.`,
    data: {
      charge: id,
      amount,
      ...ref,
      ...(failure ? { failure: failure.failure } : {}),
      ...(hit ? { fault: hit.label } : {}),
      ...extra,
    },
  });
  return { charge, ...(failure ? { failure } : {}), ...(hit ? { fault: hit.label } : {}) };
}

export function refund(world: World, env: RunEnv, charge: Charge, why: string): void {
  if (charge.status !== 'succeeded') return;
  charge.status = 'refunded';
  world.customer.refunded += charge.amount;
  record(world, {
    actor: 'payment',
    kind: 'payment.refunded',
    text: `${formatMoney(charge.amount, env.currency)} was refunded to the card (${why}).`,
    data: { charge: charge.id, amount: charge.amount, orderId: charge.orderId },
  });
}
