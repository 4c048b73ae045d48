/**
 * Payment: card authorisation with AVS/CVC checks, charges, refunds. Faults decide the
 * issuer's answer; the merchant's policy decides what a mismatch means for the order.
 */
import type { HookResults } from '../faults/fault.ts';
import { formatMoney, type RunEnv } from './runEnv.ts';
import { type Charge, nextId, record, type World } from './world.ts';

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
  const id = nextId(world, 'ch');
  const hit = env.faults.hit(world, 'payment', { amount, id });
  const failure = hit?.result;
  const hardFail = failure && (failure.failure === 'declined' || failure.failure === 'timeout');
  const charge: Charge = {
    id,
    ...ref,
    amount,
    last4: CARD_LAST4,
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
      ? `The payment of ${formatMoney(amount, env.currency)} failed: ${failure!.message}.`
      : failure
        ? `The card (•••• ${CARD_LAST4}) was charged ${formatMoney(amount, env.currency)}, but the issuer reported: ${failure.message}.`
        : `The card (•••• ${CARD_LAST4}) was charged ${formatMoney(amount, env.currency)}.`,
    data: {
      charge: id,
      amount,
      ...ref,
      ...(failure ? { failure: failure.failure } : {}),
      ...(hit ? { fault: hit.label } : {}),
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
